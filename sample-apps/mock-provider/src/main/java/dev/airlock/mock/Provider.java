package dev.airlock.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The provider "dialects" beyond the success payload: which credential a request must carry and
 * what an error body looks like. SDKs parse error bodies to build their exceptions, so each error
 * uses the provider's own shape and type names.
 */
enum Provider {

    /** OpenAI (and Azure OpenAI style) — {@code {"error":{"message","type","param","code"}}}. */
    OPENAI {
        @Override
        boolean hasCredential(CallContext call) {
            return hasBearer(call) || nonEmpty(call.header("api-key"));
        }

        @Override
        String missingCredentialMessage() {
            return "You didn't provide an API key. You need to provide your API key in an "
                    + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
        }

        @Override
        ObjectNode errorBody(int status, String message) {
            String type;
            String code;
            if (status == 429) {
                type = "requests";
                code = "rate_limit_exceeded";
            } else if (status >= 500) {
                type = "server_error";
                code = null;
            } else {
                type = "invalid_request_error";
                code = status == 401 ? "invalid_api_key" : null;
            }
            ObjectNode error = Json.object();
            error.put("message", message);
            error.put("type", type);
            error.putNull("param");
            if (code == null) {
                error.putNull("code");
            } else {
                error.put("code", code);
            }
            ObjectNode body = Json.object();
            body.set("error", error);
            return body;
        }
    },

    /** Anthropic — {@code {"type":"error","error":{"type","message"}}}. */
    ANTHROPIC {
        @Override
        boolean hasCredential(CallContext call) {
            // x-api-key is the normal credential; the SDKs' authToken option sends a Bearer token.
            return nonEmpty(call.header("x-api-key")) || hasBearer(call);
        }

        @Override
        String missingCredentialMessage() {
            return "x-api-key header is required";
        }

        @Override
        ObjectNode errorBody(int status, String message) {
            ObjectNode error = Json.object();
            error.put("type", anthropicType(status));
            error.put("message", message);
            ObjectNode body = Json.object();
            body.put("type", "error");
            body.set("error", error);
            return body;
        }
    },

    /** Google Gemini API — {@code {"error":{"code","message","status"}}}. */
    GEMINI {
        @Override
        boolean hasCredential(CallContext call) {
            return nonEmpty(call.header("x-goog-api-key")) || nonEmpty(call.queryParam("key"));
        }

        @Override
        String missingCredentialMessage() {
            return "Method doesn't allow unregistered callers (callers without established identity). "
                    + "Please use API Key or other form of API consumer identity to call this API.";
        }

        @Override
        ObjectNode errorBody(int status, String message) {
            ObjectNode error = Json.object();
            error.put("code", status);
            error.put("message", message);
            error.put("status", grpcStatus(status));
            ObjectNode body = Json.object();
            body.set("error", error);
            return body;
        }
    };

    /** Whether the request carries this provider's credential; its value is never checked. */
    abstract boolean hasCredential(CallContext call);

    /** The message of the 401 answered when the credential is missing. */
    abstract String missingCredentialMessage();

    /** The provider-format error body for an HTTP status. */
    abstract ObjectNode errorBody(int status, String message);

    private static boolean hasBearer(CallContext call) {
        String auth = call.header("authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                && !auth.substring(7).trim().isEmpty();
    }

    private static boolean nonEmpty(String value) {
        return value != null && !value.trim().isEmpty();
    }

    private static String anthropicType(int status) {
        switch (status) {
            case 400:
                return "invalid_request_error";
            case 401:
                return "authentication_error";
            case 402:
                return "billing_error";
            case 403:
                return "permission_error";
            case 404:
                return "not_found_error";
            case 413:
                return "request_too_large";
            case 429:
                return "rate_limit_error";
            case 504:
                return "timeout_error";
            case 529:
                return "overloaded_error";
            default:
                return status >= 500 ? "api_error" : "invalid_request_error";
        }
    }

    private static String grpcStatus(int status) {
        switch (status) {
            case 400:
                return "INVALID_ARGUMENT";
            case 401:
                return "UNAUTHENTICATED";
            case 403:
                return "PERMISSION_DENIED";
            case 404:
                return "NOT_FOUND";
            case 409:
                return "ABORTED";
            case 429:
                return "RESOURCE_EXHAUSTED";
            case 499:
                return "CANCELLED";
            case 501:
                return "UNIMPLEMENTED";
            case 503:
                return "UNAVAILABLE";
            case 504:
                return "DEADLINE_EXCEEDED";
            default:
                return status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        }
    }
}
