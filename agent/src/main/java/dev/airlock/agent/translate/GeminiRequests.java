package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.translate.ChatRequest.OutputFormat;
import dev.airlock.agent.translate.ChatRequest.Role;
import dev.airlock.agent.translate.ChatRequest.Tool;
import dev.airlock.agent.translate.ChatRequest.ToolChoice;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gemini {@code generateContent}/{@code streamGenerateContent} request bodies to and from the
 * canonical {@link ChatRequest}. Both field spellings are read ({@code inlineData} and {@code
 * inline_data}); camelCase is written. The model is not part of a Gemini body but of its path (see
 * {@link TranslatedRequest#targetPath(String)}).
 *
 * <p><b>Tool call ids.</b> Gemini matches a {@code functionResponse} to its {@code functionCall} by
 * function name and order, and calls usually carry no id. Reading, each call without an id gets one
 * derived from its position ({@link Ids#geminiHistoryCall}) and each response is paired with the
 * oldest unanswered call of the same name (or by id, when both have one). Writing, the canonical
 * result's tool name is used; OpenAI's {@code tool} messages carry only the call id, so {@link
 * OpenAiRequests} keeps the id-to-name map from the history.
 *
 * <p><b>Thought signatures.</b> Gemini 3 models answer 400 to a history whose function calls lack
 * the {@code thoughtSignature} they were generated with; a history from another format has none.
 * Google documents the placeholder {@value #SKIP_SIGNATURE} for such histories; it goes on the first
 * {@code functionCall} of each model turn (only the first of parallel calls carries one).
 *
 * <p>Refused when read: {@code candidateCount > 1}, {@code responseLogprobs}, non-text {@code
 * responseModalities}, speech output, {@code cachedContent}, built-in tools (Google Search, code
 * execution, URL context...), {@code executableCode} parts. Dropped: {@code safetySettings}, {@code
 * thinkingConfig}, {@code mediaResolution}, thought parts of earlier turns.
 */
final class GeminiRequests {

  static final String SKIP_SIGNATURE = "skip_thought_signature_validator";

  private GeminiRequests() {}

  static ChatRequest read(ObjectNode body) {
    if (JsonUtil.get(body, "cachedContent", "cached_content") != null) {
      throw new TranslationException("Gemini cachedContent cannot be translated: the cache lives with Gemini");
    }
    ChatRequest r = new ChatRequest();
    JsonNode system = JsonUtil.get(body, "systemInstruction", "system_instruction");
    if (system != null) {
      JsonNode parts = system.isTextual() ? null : JsonUtil.get(system, "parts");
      if (system.isTextual()) {
        r.system.add(system.asText());
      } else if (parts != null && parts.isObject()) {
        addSystemText(r, parts);
      } else {
        for (JsonNode p : JsonUtil.elements(parts)) {
          addSystemText(r, p);
        }
      }
    }
    readContents(JsonUtil.get(body, "contents"), r);
    readTools(JsonUtil.get(body, "tools"), r);
    readToolConfig(JsonUtil.get(body, "toolConfig", "tool_config"), r);
    readGenerationConfig(JsonUtil.get(body, "generationConfig", "generation_config"), r);
    return r;
  }

  private static void addSystemText(ChatRequest r, JsonNode part) {
    String t = JsonUtil.string(part, "text");
    if (t != null && !t.isEmpty()) {
      r.system.add(t);
    }
  }

  private static void readContents(JsonNode contents, ChatRequest r) {
    if (contents == null) {
      throw new TranslationException("Gemini request without 'contents'");
    }
    if (contents.isObject()) {
      contents = JsonUtil.array().add(contents); // a lone Content is accepted by the REST API
    }
    Map<String, ArrayDeque<String>> unanswered = new HashMap<>();
    int ci = 0;
    for (JsonNode content : JsonUtil.elements(contents)) {
      String role = JsonUtil.string(content, "role");
      Role canonical = "model".equals(role) ? Role.ASSISTANT : Role.USER; // "user", "function" (legacy), absent
      String where = "contents[" + ci + "]";
      List<Part> parts = new ArrayList<>();
      JsonNode ps = JsonUtil.get(content, "parts");
      if (ps != null && ps.isObject()) {
        ps = JsonUtil.array().add(ps);
      }
      int pi = 0;
      for (JsonNode p : JsonUtil.elements(ps)) {
        Part part = part(p, where + ".parts[" + pi + "]", ci, pi, unanswered);
        if (part != null) {
          parts.add(part);
        }
        pi++;
      }
      r.add(canonical, parts);
      ci++;
    }
  }

  private static Part part(JsonNode p, String where, int ci, int pi, Map<String, ArrayDeque<String>> unanswered) {
    if (Boolean.TRUE.equals(JsonUtil.bool(p, "thought"))) {
      return null; // a thought summary of an earlier turn: Gemini's own, meaningless elsewhere
    }
    String text = JsonUtil.string(p, "text");
    if (text != null) {
      return text.isEmpty() ? null : Part.text(text);
    }
    JsonNode inline = JsonUtil.get(p, "inlineData", "inline_data");
    if (inline != null) {
      return Part.media(JsonUtil.string(inline, "mimeType", "mime_type"), JsonUtil.string(inline, "data"));
    }
    JsonNode file = JsonUtil.get(p, "fileData", "file_data");
    if (file != null) {
      return Part.mediaUrl(JsonUtil.string(file, "mimeType", "mime_type"), JsonUtil.string(file, "fileUri", "file_uri"));
    }
    JsonNode call = JsonUtil.get(p, "functionCall", "function_call");
    if (call != null) {
      String name = JsonUtil.string(call, "name");
      String id = JsonUtil.string(call, "id");
      if (id == null) {
        id = Ids.geminiHistoryCall(ci, pi);
      }
      unanswered.computeIfAbsent(name, k -> new ArrayDeque<>()).add(id);
      JsonNode args = call.get("args");
      return Part.toolCall(id, name, args == null || args.isNull() ? "{}" : JsonUtil.text(args));
    }
    JsonNode response = JsonUtil.get(p, "functionResponse", "function_response");
    if (response != null) {
      String name = JsonUtil.string(response, "name");
      String id = JsonUtil.string(response, "id");
      ArrayDeque<String> pending = unanswered.get(name);
      if (id != null && pending != null) {
        pending.remove(id);
      } else if (pending != null && !pending.isEmpty()) {
        id = pending.poll();
      }
      if (id == null) {
        throw new TranslationException(
            where + ": functionResponse for '" + name + "' answers no earlier functionCall; other providers require the call in the history");
      }
      return functionResult(id, name, response.get("response"));
    }
    if (JsonUtil.get(p, "executableCode", "executable_code", "codeExecutionResult", "code_execution_result") != null) {
      throw new TranslationException(where + ": code execution parts cannot be translated; code execution is a Gemini-hosted tool");
    }
    if (JsonUtil.get(p, "thoughtSignature", "thought_signature") != null) {
      return null; // a signature-only part: Gemini's own reasoning state
    }
    throw new TranslationException(where + ": part " + fieldNames(p) + " cannot be translated");
  }

  /**
   * A functionResponse's {@code response} as a tool result: Google's convention is {@code
   * {"output": ...}} for a result and {@code {"error": ...}} for a failure; any other object is the
   * output as a whole.
   */
  private static Part functionResult(String id, String name, JsonNode response) {
    List<Part> content = new ArrayList<>(1);
    boolean error = false;
    JsonNode value = response;
    if (response != null && response.isObject() && response.size() == 1) {
      if (response.has("output")) {
        value = response.get("output");
      } else if (response.has("error")) {
        value = response.get("error");
        error = true;
      }
    }
    String text = value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : JsonUtil.text(value);
    content.add(Part.text(text));
    return Part.toolResult(id, name, content, error);
  }

  private static void readTools(JsonNode tools, ChatRequest r) {
    for (JsonNode tool : JsonUtil.elements(tools)) {
      for (Iterator<String> it = tool.fieldNames(); it.hasNext(); ) {
        String kind = it.next();
        if (!"functionDeclarations".equals(kind) && !"function_declarations".equals(kind)) {
          throw new TranslationException("Gemini tool '" + kind + "' cannot be translated; only functionDeclarations can");
        }
      }
      for (JsonNode f : JsonUtil.elements(JsonUtil.get(tool, "functionDeclarations", "function_declarations"))) {
        String name = JsonUtil.string(f, "name");
        if (name == null) {
          throw new TranslationException("Gemini function declaration without a name");
        }
        JsonNode jsonSchema = JsonUtil.get(f, "parametersJsonSchema", "parameters_json_schema");
        JsonNode schema = JsonUtil.get(f, "parameters");
        JsonNode params = jsonSchema != null ? jsonSchema : schema != null ? Schemas.toJsonSchema(schema) : null;
        r.tools.add(new Tool(name, JsonUtil.string(f, "description"), params));
      }
    }
  }

  private static void readToolConfig(JsonNode config, ChatRequest r) {
    JsonNode fc = JsonUtil.get(config, "functionCallingConfig", "function_calling_config");
    if (fc == null) {
      return;
    }
    String mode = JsonUtil.string(fc, "mode");
    JsonNode allowed = JsonUtil.get(fc, "allowedFunctionNames", "allowed_function_names");
    if ("NONE".equals(mode)) {
      r.toolChoice = new ToolChoice(ToolChoice.Mode.NONE, null);
    } else if ("ANY".equals(mode)) {
      if (allowed != null && allowed.size() == 1) {
        r.toolChoice = new ToolChoice(ToolChoice.Mode.TOOL, allowed.get(0).asText());
      } else {
        r.toolChoice = new ToolChoice(ToolChoice.Mode.REQUIRED, null);
        if (allowed != null && allowed.size() > 1) {
          // "Any of these" has no spelling elsewhere; offering only these tools means the same.
          Set<String> names = new HashSet<>();
          allowed.forEach(a -> names.add(a.asText()));
          r.tools.removeIf(t -> !names.contains(t.name));
        }
      }
    } else if (mode != null) {
      r.toolChoice = new ToolChoice(ToolChoice.Mode.AUTO, null); // AUTO, VALIDATED
    }
  }

  private static void readGenerationConfig(JsonNode g, ChatRequest r) {
    if (g == null) {
      return;
    }
    Long candidates = JsonUtil.integer(g, "candidateCount", "candidate_count");
    if (candidates != null && candidates > 1) {
      throw new TranslationException(
          "candidateCount=" + candidates + " asks for " + candidates + " candidates; the translated target returns one");
    }
    if (Boolean.TRUE.equals(JsonUtil.bool(g, "responseLogprobs", "response_logprobs"))) {
      throw new TranslationException("responseLogprobs cannot be translated: the target's answer would have none");
    }
    for (JsonNode m : JsonUtil.elements(JsonUtil.get(g, "responseModalities", "response_modalities"))) {
      if (!"TEXT".equalsIgnoreCase(m.asText())) {
        throw new TranslationException("response modality " + m.asText() + " cannot be translated; only TEXT can");
      }
    }
    if (JsonUtil.get(g, "speechConfig", "speech_config") != null) {
      throw new TranslationException("speechConfig cannot be translated: speech output is Gemini's");
    }
    r.temperature = JsonUtil.number(g, "temperature");
    r.topP = JsonUtil.number(g, "topP", "top_p");
    r.topK = JsonUtil.integer(g, "topK", "top_k");
    r.maxTokens = JsonUtil.integer(g, "maxOutputTokens", "max_output_tokens");
    JsonNode stop = JsonUtil.get(g, "stopSequences", "stop_sequences");
    if (stop != null && stop.isArray() && stop.size() > 0) {
      r.stop = new ArrayList<>();
      stop.forEach(s -> r.stop.add(s.asText()));
    }
    r.seed = JsonUtil.integer(g, "seed");
    r.presencePenalty = JsonUtil.number(g, "presencePenalty", "presence_penalty");
    r.frequencyPenalty = JsonUtil.number(g, "frequencyPenalty", "frequency_penalty");
    String mime = JsonUtil.string(g, "responseMimeType", "response_mime_type");
    JsonNode jsonSchema = JsonUtil.get(g, "responseJsonSchema", "response_json_schema", "_responseJsonSchema");
    JsonNode schema = JsonUtil.get(g, "responseSchema", "response_schema");
    if (mime == null || "text/plain".equals(mime)) {
      return;
    }
    if (!"application/json".equals(mime)) {
      throw new TranslationException("responseMimeType " + mime + " cannot be translated; only text/plain and application/json can");
    }
    if (jsonSchema != null) {
      r.outputFormat = new OutputFormat(OutputFormat.Kind.JSON_SCHEMA, null, jsonSchema, false);
    } else if (schema != null) {
      r.outputFormat = new OutputFormat(OutputFormat.Kind.JSON_SCHEMA, null, Schemas.toJsonSchema(schema), false);
    } else {
      r.outputFormat = new OutputFormat(OutputFormat.Kind.JSON_OBJECT, null, null, false);
    }
  }

  private static String fieldNames(JsonNode p) {
    List<String> names = new ArrayList<>();
    p.fieldNames().forEachRemaining(names::add);
    return names.toString();
  }

  /** Writes a Gemini {@code GenerateContentRequest} body (the model goes into the path). */
  static ObjectNode write(ChatRequest r) {
    ObjectNode out = JsonUtil.object();
    // Gemini before 3 refuses responseMimeType application/json together with function
    // declarations; JSON mode then goes into the system instruction, as for Anthropic.
    boolean jsonByInstruction = r.outputFormat != null && !r.tools.isEmpty();
    List<String> system = new ArrayList<>(r.system);
    if (jsonByInstruction) {
      system.add(r.outputFormat.instruction());
    }
    if (!system.isEmpty()) {
      ArrayNode parts = out.putObject("systemInstruction").putArray("parts");
      for (String s : system) {
        parts.addObject().put("text", s);
      }
    }
    ArrayNode contents = out.putArray("contents");
    for (ChatRequest.Message m : r.messages) {
      ArrayNode parts = JsonUtil.array();
      boolean signed = false;
      // Function responses first, mirroring the calls of the previous model turn.
      for (Part p : m.parts) {
        if (p.kind == Part.Kind.TOOL_RESULT) {
          parts.add(functionResponse(p));
        }
      }
      for (Part p : m.parts) {
        if (p.kind == Part.Kind.TOOL_RESULT) {
          continue;
        }
        ObjectNode part = part(p);
        if (part == null) {
          continue;
        }
        if (p.kind == Part.Kind.TOOL_CALL && !signed) {
          part.put("thoughtSignature", SKIP_SIGNATURE);
          signed = true;
        }
        parts.add(part);
      }
      if (parts.size() > 0) {
        ObjectNode c = contents.addObject().put("role", m.role == Role.USER ? "user" : "model");
        c.set("parts", parts);
      }
    }
    if (!r.tools.isEmpty()) {
      ArrayNode decls = out.putArray("tools").addObject().putArray("functionDeclarations");
      for (Tool t : r.tools) {
        ObjectNode d = decls.addObject().put("name", t.name);
        if (t.description != null) {
          d.put("description", t.description);
        }
        ObjectNode params = Schemas.toGemini(t.parameters, "parameter schema of tool '" + t.name + "'");
        // Gemini answers 400 to an OBJECT without properties; a tool without parameters omits them.
        if (!Schemas.isEmptyObject(params)) {
          d.set("parameters", params);
        }
      }
      if (r.toolChoice != null) {
        ObjectNode fc = out.putObject("toolConfig").putObject("functionCallingConfig");
        switch (r.toolChoice.mode) {
          case NONE:
            fc.put("mode", "NONE");
            break;
          case REQUIRED:
            fc.put("mode", "ANY");
            break;
          case TOOL:
            fc.put("mode", "ANY").putArray("allowedFunctionNames").add(r.toolChoice.name);
            break;
          default:
            fc.put("mode", "AUTO");
            break;
        }
      }
    }
    ObjectNode g = JsonUtil.object();
    if (r.maxTokens != null) {
      g.put("maxOutputTokens", r.maxTokens);
    }
    if (r.temperature != null) {
      g.put("temperature", r.temperature);
    }
    if (r.topP != null) {
      g.put("topP", r.topP);
    }
    if (r.topK != null) {
      g.put("topK", r.topK);
    }
    if (r.stop != null && !r.stop.isEmpty()) {
      ArrayNode stop = g.putArray("stopSequences");
      r.stop.forEach(stop::add);
    }
    if (r.seed != null) {
      g.put("seed", r.seed);
    }
    if (r.presencePenalty != null) {
      g.put("presencePenalty", r.presencePenalty);
    }
    if (r.frequencyPenalty != null) {
      g.put("frequencyPenalty", r.frequencyPenalty);
    }
    if (r.outputFormat != null && !jsonByInstruction) {
      g.put("responseMimeType", "application/json");
      if (r.outputFormat.kind == OutputFormat.Kind.JSON_SCHEMA) {
        g.set("responseSchema", Schemas.toGemini(r.outputFormat.schema, "response schema"));
      }
    }
    if (g.size() > 0) {
      out.set("generationConfig", g);
    }
    return out;
  }

  private static ObjectNode part(Part p) {
    ObjectNode out = JsonUtil.object();
    switch (p.kind) {
      case TEXT:
        return p.text.isEmpty() ? null : out.put("text", p.text);
      case MEDIA:
        out.putObject("inlineData").put("mimeType", p.mimeType).put("data", p.data);
        return out;
      case MEDIA_URL:
        if (!Media.isGeminiOnlyUri(p.url)) {
          throw new TranslationException(
              "the remote URL " + Part.abbreviate(p.url) + " cannot be sent to Gemini, which takes inline data or"
                  + " files uploaded to Google; send the image inline (base64) instead");
        }
        if (p.mimeType == null) {
          throw new TranslationException("the file " + p.url + " has no media type, which Gemini requires");
        }
        out.putObject("fileData").put("mimeType", p.mimeType).put("fileUri", p.url);
        return out;
      case TOOL_CALL:
        out.putObject("functionCall").put("name", p.toolName).set("args", p.argumentsObject());
        return out;
      default:
        throw new IllegalStateException("unexpected part " + p);
    }
  }

  private static ObjectNode functionResponse(Part p) {
    if (p.toolName == null) {
      throw new TranslationException(
          "the result of tool call '" + p.toolCallId + "' names no function and no earlier tool call has that id;"
              + " Gemini matches results by function name");
    }
    for (Part c : p.content) {
      if (c.kind != Part.Kind.TEXT) {
        throw new TranslationException(
            "the result of tool call '" + p.toolCallId + "' contains " + c.mimeType + " content; Gemini function responses take JSON only");
      }
    }
    String text = p.resultText();
    ObjectNode response;
    JsonNode parsed = JsonUtil.parseOrNull(text);
    if (!p.error && parsed != null && parsed.isObject()) {
      response = (ObjectNode) parsed; // a JSON object result is the output as a whole
    } else {
      response = JsonUtil.object();
      response.set(p.error ? "error" : "output", parsed != null && !parsed.isObject() && !text.trim().isEmpty() ? parsed : JsonUtil.NODES.textNode(text));
    }
    ObjectNode out = JsonUtil.object();
    out.putObject("functionResponse").put("name", p.toolName).set("response", response);
    return out;
  }
}
