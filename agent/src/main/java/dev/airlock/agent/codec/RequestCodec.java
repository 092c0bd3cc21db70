package dev.airlock.agent.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@link LlmRequest}s from request bodies, and rewrites an OpenAI streaming request so that
 * the provider reports usage.
 *
 * <p>Bodies are walked with Jackson's streaming parser: the fields Airlock needs are read, and
 * everything else (message contents, images, tool schemas) is skipped without being decoded or
 * materialized, so the cost stays close to one scan of the bytes even for multi-megabyte prompts.
 * Stateless and thread-safe.
 */
public final class RequestCodec {

  private static final byte[] INCLUDE_USAGE_MEMBER =
      "\"include_usage\":true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STREAM_OPTIONS_MEMBER =
      "\"stream_options\":{\"include_usage\":true}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STREAM_OPTIONS_VALUE =
      "{\"include_usage\":true}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

  private RequestCodec() {}

  /**
   * Reads the request body sent to an endpoint.
   *
   * @param endpoint the recognized endpoint (decides the dialect)
   * @param path the request path (for Gemini's model and Azure's deployment); may be null
   * @param body the request body, UTF-8 JSON
   * @return the request, or null when the body is not a valid JSON object (the caller then passes
   *     the call through untouched)
   */
  public static LlmRequest parse(Endpoint endpoint, String path, byte[] body) {
    if (endpoint == null || body == null) {
      return null;
    }
    try (JsonParser p = Json.parser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      LlmRequest.Builder b = new LlmRequest.Builder(endpoint);
      SystemText system = new SystemText(body);
      switch (endpoint.format()) {
        case ANTHROPIC:
          readAnthropic(p, b, system);
          break;
        case GEMINI:
          readGemini(p, b, system);
          break;
        default:
          readOpenAi(p, b, system, endpoint);
          break;
      }
      // A valid body is exactly one object: anything after it (even a second object) is refused.
      if (p.nextToken() != null) {
        return null;
      }
      b.systemPrompt = system.result();
      if (endpoint.format() == WireFormat.GEMINI) {
        b.model = geminiModelFromPath(path);
        b.stream = endpoint == Endpoint.GEMINI_STREAM_GENERATE_CONTENT;
      } else if (b.model == null) {
        b.model = azureDeploymentFromPath(path);
      }
      return b.build();
    } catch (IOException | RuntimeException e) {
      // Malformed input must never break the application's call: the caller passes it through.
      return null;
    }
  }

  private static void readOpenAi(JsonParser p, LlmRequest.Builder b, SystemText system, Endpoint endpoint)
      throws IOException {
    Long maxTokens = null;
    Long maxCompletionTokens = null;
    String instructions = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "model":
          b.model = Json.text(p);
          break;
        case "stream":
          b.stream = Json.isTrue(p);
          break;
        case "stream_options":
          b.streamIncludeUsage = readIncludeUsage(p);
          break;
        case "temperature":
          b.temperature = Json.number(p);
          break;
        case "top_p":
          b.topP = Json.number(p);
          break;
        case "max_tokens":
          maxTokens = Json.integer(p);
          break;
        case "max_completion_tokens":
        case "max_output_tokens":
          maxCompletionTokens = Json.integer(p);
          break;
        case "seed":
          b.seed = Json.integer(p);
          break;
        case "n":
          b.choiceCount = Json.integer(p);
          break;
        case "frequency_penalty":
          b.frequencyPenalty = Json.number(p);
          break;
        case "presence_penalty":
          b.presencePenalty = Json.number(p);
          break;
        case "stop":
          b.stopSequences = Json.stringOrStrings(p);
          break;
        case "user":
          b.user = Json.text(p);
          break;
        case "messages":
          if (endpoint == Endpoint.OPENAI_CHAT) {
            readMessages(p, system);
          } else {
            p.skipChildren();
          }
          break;
        case "instructions":
          instructions = endpoint == Endpoint.OPENAI_RESPONSES ? Json.text(p) : skip(p);
          break;
        case "input":
          // Only the Responses API has messages in "input"; for embeddings it is the text to embed.
          if (endpoint == Endpoint.OPENAI_RESPONSES && p.currentToken() == JsonToken.START_ARRAY) {
            readMessages(p, system);
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
          break;
      }
    }
    // max_completion_tokens superseded max_tokens; when a client sends both, the newer one rules.
    b.maxTokens = maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    if (instructions != null) {
      system.prepend(instructions);
    }
  }

  private static void readAnthropic(JsonParser p, LlmRequest.Builder b, SystemText system) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "model":
          b.model = Json.text(p);
          break;
        case "stream":
          b.stream = Json.isTrue(p);
          break;
        case "temperature":
          b.temperature = Json.number(p);
          break;
        case "top_p":
          b.topP = Json.number(p);
          break;
        case "top_k":
          b.topK = Json.integer(p);
          break;
        case "max_tokens":
          b.maxTokens = Json.integer(p);
          break;
        case "stop_sequences":
          b.stopSequences = Json.stringOrStrings(p);
          break;
        case "system":
          system.addContent(p);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
  }

  private static void readGemini(JsonParser p, LlmRequest.Builder b, SystemText system) throws IOException {
    // The Gemini REST API accepts both the proto JSON names (camelCase) and the original field
    // names (snake_case); SDKs and hand-written clients use either.
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "generationConfig":
        case "generation_config":
          readGenerationConfig(p, b);
          break;
        case "systemInstruction":
        case "system_instruction":
          readGeminiContent(p, system);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
  }

  private static void readGenerationConfig(JsonParser p, LlmRequest.Builder b) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "temperature":
          b.temperature = Json.number(p);
          break;
        case "topP":
        case "top_p":
          b.topP = Json.number(p);
          break;
        case "topK":
        case "top_k":
          b.topK = Json.integer(p);
          break;
        case "maxOutputTokens":
        case "max_output_tokens":
          b.maxTokens = Json.integer(p);
          break;
        case "candidateCount":
        case "candidate_count":
          b.choiceCount = Json.integer(p);
          break;
        case "stopSequences":
        case "stop_sequences":
          b.stopSequences = Json.stringOrStrings(p);
          break;
        case "seed":
          b.seed = Json.integer(p);
          break;
        case "presencePenalty":
        case "presence_penalty":
          b.presencePenalty = Json.number(p);
          break;
        case "frequencyPenalty":
        case "frequency_penalty":
          b.frequencyPenalty = Json.number(p);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
  }

  /** A Gemini {@code Content}: {@code {"role": ..., "parts": [{"text": ...}, ...]}}. */
  private static void readGeminiContent(JsonParser p, SystemText system) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if ("parts".equals(field)) {
        system.addContent(p);
      } else {
        p.skipChildren();
      }
    }
  }

  /**
   * Chat {@code messages} or Responses {@code input} items; keeps the text of {@code system} and
   * {@code developer} messages.
   *
   * <p>Serializers do not agree on member order (openai-java writes {@code content} before {@code
   * role}), so a content met before its role is not decoded on the spot: its byte range is noted
   * and re-read only if the role turns out to be a system one. User content, often the bulk of a
   * body, is thus never materialized.
   */
  private static void readMessages(JsonParser p, SystemText system) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      String role = null;
      String deferredText = null;
      long deferredStart = -1;
      long deferredEnd = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("role".equals(field)) {
          role = Json.text(p);
        } else if ("content".equals(field)) {
          if (role != null) {
            if (isSystemRole(role)) {
              system.addContent(p);
            } else {
              p.skipChildren();
            }
          } else if (v == JsonToken.VALUE_STRING) {
            deferredText = p.getText();
          } else if (v == JsonToken.START_ARRAY || v == JsonToken.START_OBJECT) {
            deferredStart = p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            deferredEnd = p.currentLocation().getByteOffset();
          }
        } else {
          p.skipChildren();
        }
      }
      if (isSystemRole(role)) {
        if (deferredText != null) {
          system.add(deferredText);
        } else if (deferredStart >= 0) {
          system.addContentAt(deferredStart, deferredEnd);
        }
      }
    }
  }

  private static boolean isSystemRole(String role) {
    return "system".equals(role) || "developer".equals(role);
  }

  private static boolean readIncludeUsage(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return false;
    }
    boolean include = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if ("include_usage".equals(field)) {
        include = Json.isTrue(p);
      } else {
        p.skipChildren();
      }
    }
    return include;
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  /** {@code /v1beta/models/gemini-2.0-flash:generateContent} gives {@code gemini-2.0-flash}. */
  static String geminiModelFromPath(String path) {
    if (path == null) {
      return null;
    }
    String p = Endpoint.trimPath(path);
    int colon = p.lastIndexOf(':');
    if (colon < 0) {
      return null;
    }
    int slash = p.lastIndexOf('/', colon);
    return slash >= 0 && slash < colon - 1 ? p.substring(slash + 1, colon) : null;
  }

  /** Azure OpenAI's {@code /openai/deployments/{deployment}/chat/completions} gives the deployment. */
  static String azureDeploymentFromPath(String path) {
    if (path == null) {
      return null;
    }
    String marker = "/deployments/";
    int i = path.indexOf(marker);
    if (i < 0) {
      return null;
    }
    int start = i + marker.length();
    int end = start;
    while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != '?') {
      end++;
    }
    return end > start ? path.substring(start, end) : null;
  }

  /**
   * For an OpenAI chat (or completions) streaming request that does not ask for usage: the same
   * body with {@code stream_options.include_usage} set to {@code true}, so the provider sends a
   * final usage chunk.
   *
   * <p>The body is edited in place at the byte level rather than re-serialized, so every other
   * member, its order, number formatting and string escapes stay exactly as the application wrote
   * them: {@code "stream_options":{"include_usage":true}} is appended after the last member when
   * absent; {@code "include_usage":true} is added as the first member of an existing {@code
   * stream_options} object; an existing non-true {@code include_usage} value (or a non-object
   * {@code stream_options} value) is replaced.
   *
   * @return the edited body; the very same array when usage is already requested or when the body
   *     is not a JSON object (it is then forwarded as is)
   */
  public static byte[] withStreamUsageRequested(byte[] body) {
    if (body == null) {
      return null;
    }
    try (JsonParser p = Json.parser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return body;
      }
      long objectStart = p.currentTokenLocation().getByteOffset();
      boolean empty = true;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        empty = false;
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (!"stream_options".equals(field)) {
          p.skipChildren();
          continue;
        }
        long valueStart = p.currentTokenLocation().getByteOffset();
        if (v != JsonToken.START_OBJECT) {
          return splice(body, valueStart, valueEnd(p, body, valueStart), STREAM_OPTIONS_VALUE, false);
        }
        boolean emptyOptions = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          emptyOptions = false;
          String option = p.currentName();
          JsonToken ov = p.nextToken();
          if ("include_usage".equals(option)) {
            if (ov == JsonToken.VALUE_TRUE) {
              return body;
            }
            long os = p.currentTokenLocation().getByteOffset();
            return splice(body, os, valueEnd(p, body, os), TRUE, false);
          }
          p.skipChildren();
        }
        long at = valueStart + 1;
        return emptyOptions
            ? splice(body, at, at, INCLUDE_USAGE_MEMBER, false)
            : spliceBefore(body, at, INCLUDE_USAGE_MEMBER);
      }
      long close = p.currentTokenLocation().getByteOffset();
      if (empty) {
        long at = objectStart + 1;
        return splice(body, at, at, STREAM_OPTIONS_MEMBER, false);
      }
      // Insert right after the last member's value, before any whitespace preceding '}'.
      int at = (int) close;
      while (at > 0 && isJsonWhitespace(body[at - 1])) {
        at--;
      }
      return splice(body, at, at, STREAM_OPTIONS_MEMBER, true);
    } catch (IOException | RuntimeException e) {
      return body;
    }
  }

  /**
   * End offset (exclusive) of the value whose first token is current. Containers are skipped by
   * the parser; scalars are measured on the bytes, which does not depend on how lazily the parser
   * consumed them.
   */
  private static long valueEnd(JsonParser p, byte[] body, long start) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return p.currentLocation().getByteOffset();
    }
    if (t == JsonToken.VALUE_STRING) {
      return stringEnd(body, (int) start);
    }
    int i = (int) start;
    // Literals and numbers end at the first structural character or whitespace.
    while (i < body.length) {
      byte c = body[i];
      if (c == ',' || c == '}' || c == ']' || isJsonWhitespace(c)) {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * Where the JSON string opening at {@code openingQuote} of {@code body} ends (past its closing
   * quote), measured on the bytes.
   *
   * @throws IOException when no string opens there or it does not end
   */
  public static int stringEnd(byte[] body, int openingQuote) throws IOException {
    if (openingQuote < 0 || openingQuote >= body.length || body[openingQuote] != '"') {
      throw new IOException("a string token not at its opening quote");
    }
    int i = openingQuote + 1;
    while (i < body.length) {
      byte c = body[i];
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    throw new IOException("unterminated string");
  }

  private static boolean isJsonWhitespace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** Inserts {@code member} followed by a comma at {@code at}. */
  private static byte[] spliceBefore(byte[] body, long at, byte[] member) {
    byte[] withComma = new byte[member.length + 1];
    System.arraycopy(member, 0, withComma, 0, member.length);
    withComma[member.length] = ',';
    return splice(body, at, at, withComma, false);
  }

  /** Replaces {@code body[start, end)} with {@code insert}, optionally preceded by a comma. */
  private static byte[] splice(byte[] body, long start, long end, byte[] insert, boolean leadingComma) {
    int s = (int) start;
    int e = (int) end;
    int extra = leadingComma ? 1 : 0;
    byte[] out = new byte[body.length - (e - s) + insert.length + extra];
    System.arraycopy(body, 0, out, 0, s);
    int o = s;
    if (leadingComma) {
      out[o++] = ',';
    }
    System.arraycopy(insert, 0, out, o, insert.length);
    o += insert.length;
    System.arraycopy(body, e, out, o, body.length - e);
    return out;
  }

  /** Collects system instruction text; knows the body so deferred contents can be re-read. */
  private static final class SystemText {
    private final byte[] body;
    private StringBuilder text;
    private String prefix;

    SystemText(byte[] body) {
      this.body = body;
    }

    void add(String piece) {
      if (piece == null || piece.isEmpty()) {
        return;
      }
      if (text == null) {
        text = new StringBuilder(piece.length());
      } else {
        text.append('\n');
      }
      text.append(piece);
    }

    /** Text that goes before everything else (Responses {@code instructions}, wherever it appeared). */
    void prepend(String piece) {
      prefix = piece == null || piece.isEmpty() ? null : piece;
    }

    /**
     * A string, a part with a {@code text} member, or an array of those; anything else is skipped.
     * (A lone part object is what Google's own REST examples send as {@code "parts": {"text": ...}}.)
     */
    void addContent(JsonParser p) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_STRING) {
        add(p.getText());
      } else if (t == JsonToken.START_OBJECT) {
        addPart(p);
      } else if (t == JsonToken.START_ARRAY) {
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == JsonToken.VALUE_STRING) {
            add(p.getText());
          } else if (t == JsonToken.START_OBJECT) {
            addPart(p);
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }

    private void addPart(JsonParser p) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if ("text".equals(field)) {
          add(Json.text(p));
        } else {
          p.skipChildren();
        }
      }
    }

    void addContentAt(long start, long end) throws IOException {
      try (JsonParser sub = Json.FACTORY.createParser(body, (int) start, (int) (end - start))) {
        sub.nextToken();
        addContent(sub);
      }
    }

    String result() {
      if (prefix == null) {
        return text == null ? null : text.toString();
      }
      return text == null ? prefix : prefix + "\n" + text;
    }
  }
}
