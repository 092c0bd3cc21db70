package dev.airlock.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The single HTTP handler of the mock: records each LLM request, then checks the fault spec,
 * the credential, the injected fault and the JSON body, in that order, and hands the endpoint's
 * {@link Reply} to {@link ReplySender}.
 *
 * <p>Recording comes first, before any fault, so a test can always see what the client sent, even
 * for requests the mock then rejects. Auth comes before the fault so that a missing key is
 * reported as such and does not use up a {@code times=N} fault meant for a real attempt.
 */
final class MockHandler implements HttpHandler {

    /** Request header carrying a per-request fault spec. */
    static final String FAULT_HEADER = "x-mock-fault";
    /** Request header: pause before each streamed content chunk, in milliseconds. */
    static final String CHUNK_DELAY_HEADER = "x-mock-chunk-delay-ms";

    private final Router router = new Router();
    private final AdminEndpoints admin;
    private final Consumer<RecordedRequest> recorder;
    private final FaultArbiter faults;
    private final ReplySender sender;
    private final java.util.function.Supplier<String> answerSuffix;

    MockHandler(AdminEndpoints admin, Consumer<RecordedRequest> recorder, FaultArbiter faults,
                ReplySender sender, java.util.function.Supplier<String> answerSuffix) {
        this.answerSuffix = answerSuffix;
        this.admin = admin;
        this.recorder = recorder;
        this.faults = faults;
        this.sender = sender;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            if (AdminEndpoints.handles(path)) {
                admin.handle(exchange, path, readBody(exchange));
                return;
            }
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), path, uri.getRawQuery(),
                    exchange.getRequestHeaders(), readBody(exchange));
            recorder.accept(request);
            answer(exchange, request);
        } catch (AbruptCloseException e) {
            throw e; // on purpose: the server drops the connection without ending the response
        } catch (IOException e) {
            exchange.close(); // the client went away; nothing left to tell it
        } catch (RuntimeException e) {
            if (exchange.getResponseCode() == -1) {
                sendError(exchange, Provider.OPENAI, 500, "mock-provider internal error: " + e, null);
            } else {
                throw new AbruptCloseException("internal error after the response started: " + e);
            }
        }
    }

    private void answer(HttpExchange exchange, RecordedRequest request) throws IOException {
        Endpoint endpoint = router.route(request.method(), request.path());
        if (endpoint == null) {
            sendError(exchange, Provider.OPENAI, 404,
                    "Invalid URL (" + request.method() + " " + request.path() + ")", null);
            return;
        }
        Provider provider = endpoint.provider();
        CallContext call = new CallContext(request, null, answerSuffix.get());

        FaultSpec headerFault;
        try {
            headerFault = FaultSpec.parse(request.header(FAULT_HEADER));
        } catch (IllegalArgumentException e) {
            sendError(exchange, provider, 400, FAULT_HEADER + ": " + e.getMessage(), null);
            return;
        }
        if (!provider.hasCredential(call)) {
            sendError(exchange, provider, 401, provider.missingCredentialMessage(), null);
            return;
        }

        FaultSpec fault = faults.select(headerFault, request.path());
        String retryAfter = fault == null ? null : fault.retryAfter;
        if (fault != null && fault.latencyMs > 0) {
            sleep(fault.latencyMs);
        }
        if (fault != null && fault.status != 0) {
            sendError(exchange, provider, fault.status,
                    "mock-provider injected fault: HTTP " + fault.status + " (" + fault + ")", retryAfter);
            return;
        }

        Reply reply;
        long chunkDelayMs;
        try {
            call = call.withJson(parseObject(request.body()));
            chunkDelayMs = call.intHeader(CHUNK_DELAY_HEADER);
            reply = endpoint.reply(call);
        } catch (BadRequestException e) {
            sendError(exchange, provider, 400, e.getMessage(), null);
            return;
        }
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        sender.send(exchange, reply, fault, chunkDelayMs);
    }

    private static JsonNode parseObject(String body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("We could not parse the JSON body of your request: "
                    + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new BadRequestException("the request body must be a JSON object");
        }
        return json;
    }

    /** Sends a provider-format error; adds {@code Retry-After} when given. */
    static void sendError(HttpExchange exchange, Provider provider, int status, String message,
                          String retryAfter) throws IOException {
        ObjectNode body = provider.errorBody(status, message);
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void sleep(long ms) throws AbruptCloseException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AbruptCloseException("interrupted (mock shutting down)");
        }
    }
}
