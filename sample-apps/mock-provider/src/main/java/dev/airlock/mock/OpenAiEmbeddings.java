package dev.airlock.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code POST /v1/embeddings} in OpenAI's format: one deterministic unit vector per input, derived
 * from SHA-256 hashes of the input; {@link #DIMENSIONS} floats unless the request asks for
 * {@code dimensions} (up to {@link #MAX_DIMENSIONS}), as text-embedding-3 models allow.
 *
 * <p>{@code input} may be a string, an array of strings, an array of token ids, or an array of
 * token-id arrays. {@code encoding_format: "base64"} is honoured (little-endian float32, base64),
 * because openai-java asks for base64 by default and decodes it itself.
 */
final class OpenAiEmbeddings implements Endpoint {

    static final String PATH = "/v1/embeddings";
    static final int DIMENSIONS = 8;
    static final int MAX_DIMENSIONS = 4096;

    /** Marks an input given as token ids, so it hashes distinctly from the same digits as text. */
    private static final String TOKEN_IDS_PREFIX = "\u0000tokens:";

    @Override
    public Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    public Reply reply(CallContext call) {
        JsonNode body = call.json();
        String model = PromptText.requiredString(body, "model");
        List<String> inputs = inputs(body.get("input"));
        boolean base64 = "base64".equals(body.path("encoding_format").asText("float"));
        int dimensions = dimensions(body.get("dimensions"));

        long chars = 0;
        int tokenIds = 0;
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            float[] vector = vector(input, dimensions);
            if (base64) {
                item.put("embedding", toBase64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float v : vector) {
                    values.add(v);
                }
            }
            if (input.startsWith(TOKEN_IDS_PREFIX)) {
                tokenIds += input.substring(TOKEN_IDS_PREFIX.length()).split(",").length;
            } else {
                chars += input.length();
            }
        }
        root.put("model", model);
        // Token-id inputs are already tokens; text inputs use the chars/4 rule.
        int tokens = tokenIds + (chars > 0 || tokenIds == 0 ? TokenMath.tokensForChars(chars) : 0);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", tokens);
        usage.put("total_tokens", tokens);
        return Reply.json(root);
    }

    private static List<String> inputs(JsonNode input) {
        List<String> inputs = new ArrayList<>();
        if (input != null && input.isTextual()) {
            inputs.add(input.textValue());
        } else if (input != null && input.isArray() && input.size() > 0) {
            if (input.get(0).isNumber()) {
                inputs.add(tokenIds(input));
            } else {
                for (JsonNode element : input) {
                    if (element.isTextual()) {
                        inputs.add(element.textValue());
                    } else if (element.isArray() && element.size() > 0) {
                        inputs.add(tokenIds(element));
                    } else {
                        throw badInput();
                    }
                }
            }
        } else {
            throw badInput();
        }
        return inputs;
    }

    private static String tokenIds(JsonNode array) {
        StringBuilder sb = new StringBuilder(TOKEN_IDS_PREFIX);
        for (JsonNode id : array) {
            if (!id.isIntegralNumber()) {
                throw badInput();
            }
            sb.append(sb.length() > TOKEN_IDS_PREFIX.length() ? "," : "").append(id.asLong());
        }
        return sb.toString();
    }

    private static BadRequestException badInput() {
        return new BadRequestException(
                "'input' must be a non-empty string, array of strings, or array of token ids");
    }

    private static int dimensions(JsonNode requested) {
        if (requested == null || requested.isNull()) {
            return DIMENSIONS;
        }
        if (!requested.isIntegralNumber() || requested.asInt() < 1 || requested.asInt() > MAX_DIMENSIONS) {
            throw new BadRequestException("'dimensions' must be an integer from 1 to " + MAX_DIMENSIONS);
        }
        return requested.asInt();
    }

    /**
     * A unit vector from SHA-256 hashes of the input: stable across runs, different per input.
     * Each hash gives 16 components; longer vectors hash the input again with a block number.
     */
    static float[] vector(String input, int dimensions) {
        float[] v = new float[dimensions];
        double norm = 0;
        String hex = "";
        for (int i = 0; i < dimensions; i++) {
            if (i % 16 == 0) {
                hex = Completion.sha256Hex(i == 0 ? input : input + "#" + (i / 16));
            }
            int offset = (i % 16) * 4;
            int bits = Integer.parseInt(hex.substring(offset, offset + 4), 16); // 0..65535
            v[i] = (bits / 32767.5f) - 1f;
            norm += v[i] * v[i];
        }
        float scale = norm == 0 ? 1f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimensions; i++) {
            // Rounded to 6 decimals so the JSON text is short and identical on every JVM.
            v[i] = Math.round(v[i] * scale * 1_000_000f) / 1_000_000f;
        }
        return v;
    }

    private static String toBase64(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) {
            buffer.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }
}
