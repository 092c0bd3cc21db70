package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.translate.ChatRequest.OutputFormat;
import dev.airlock.agent.translate.ChatRequest.Role;
import dev.airlock.agent.translate.ChatRequest.Tool;
import dev.airlock.agent.translate.ChatRequest.ToolChoice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OpenAI chat completions request bodies ({@code POST /chat/completions}) to and from the
 * canonical {@link ChatRequest}.
 *
 * <p>Refused when read, because the answer's shape would change: {@code n > 1}, {@code logprobs},
 * audio output ({@code modalities}/{@code audio}), the legacy {@code functions}/{@code
 * function_call}, non-function tools, uploaded-file references ({@code file_id}), {@code
 * web_search_options}. Ignored, because no other format can express them and they only steer
 * sampling or bookkeeping: {@code logit_bias}, {@code reasoning_effort}, {@code verbosity}, {@code
 * service_tier}, {@code store}, {@code metadata}, {@code prediction}, {@code prompt_cache_key},
 * message {@code name}s and image {@code detail}.
 */
final class OpenAiRequests {

  private OpenAiRequests() {}

  static ChatRequest read(ObjectNode body) {
    refuse(body);
    ChatRequest r = new ChatRequest();
    readMessages(body.get("messages"), r);
    JsonNode tools = body.get("tools");
    for (JsonNode t : JsonUtil.elements(tools)) {
      String type = JsonUtil.string(t, "type");
      if (type != null && !"function".equals(type)) {
        throw new TranslationException("OpenAI tool of type '" + type + "' cannot be translated; only function tools can");
      }
      JsonNode f = t.get("function");
      String name = JsonUtil.string(f, "name");
      if (name == null) {
        throw new TranslationException("OpenAI function tool without a name");
      }
      r.tools.add(new Tool(name, JsonUtil.string(f, "description"), JsonUtil.get(f, "parameters")));
    }
    r.toolChoice = toolChoice(body.get("tool_choice"));
    r.parallelToolCalls = JsonUtil.bool(body, "parallel_tool_calls");
    r.outputFormat = responseFormat(body.get("response_format"));
    // max_completion_tokens superseded max_tokens; when a client sends both, the newer one rules.
    r.maxTokens = JsonUtil.integer(body, "max_completion_tokens", "max_tokens");
    r.temperature = JsonUtil.number(body, "temperature");
    r.topP = JsonUtil.number(body, "top_p");
    JsonNode stop = body.get("stop");
    if (stop != null && stop.isTextual()) {
      r.stop = new ArrayList<>();
      r.stop.add(stop.asText());
    } else if (stop != null && stop.isArray() && stop.size() > 0) {
      r.stop = new ArrayList<>();
      for (JsonNode s : stop) {
        r.stop.add(s.asText());
      }
    }
    r.seed = JsonUtil.integer(body, "seed");
    r.presencePenalty = JsonUtil.number(body, "presence_penalty");
    r.frequencyPenalty = JsonUtil.number(body, "frequency_penalty");
    r.user = JsonUtil.string(body, "user", "safety_identifier");
    r.stream = Boolean.TRUE.equals(JsonUtil.bool(body, "stream"));
    r.includeUsage = Boolean.TRUE.equals(JsonUtil.bool(body.get("stream_options"), "include_usage"));
    return r;
  }

  private static void refuse(ObjectNode body) {
    Long n = JsonUtil.integer(body, "n");
    if (n != null && n > 1) {
      throw new TranslationException(
          "n=" + n + " asks for " + n + " choices; Anthropic and Gemini targets are translated for exactly one");
    }
    if (Boolean.TRUE.equals(JsonUtil.bool(body, "logprobs"))) {
      throw new TranslationException("logprobs cannot be translated: the target's answer would have none");
    }
    if (body.has("functions") || body.has("function_call")) {
      throw new TranslationException("the legacy 'functions'/'function_call' parameters cannot be translated; use 'tools'");
    }
    JsonNode modalities = body.get("modalities");
    for (JsonNode m : JsonUtil.elements(modalities)) {
      if (!"text".equals(m.asText())) {
        throw new TranslationException("output modality '" + m.asText() + "' cannot be translated; only text can");
      }
    }
    if (JsonUtil.get(body, "audio") != null) {
      throw new TranslationException("audio output ('audio' parameter) cannot be translated");
    }
    if (JsonUtil.get(body, "web_search_options") != null) {
      throw new TranslationException("web_search_options cannot be translated: it is an OpenAI-hosted tool");
    }
  }

  private static void readMessages(JsonNode messages, ChatRequest r) {
    if (messages == null || !messages.isArray()) {
      throw new TranslationException("OpenAI chat request without a 'messages' array");
    }
    // Gemini needs the function name with each result; OpenAI gives only the call id.
    Map<String, String> toolNames = new HashMap<>();
    int i = 0;
    for (JsonNode m : messages) {
      String role = JsonUtil.string(m, "role");
      if (role == null) {
        throw new TranslationException("messages[" + i + "] has no role");
      }
      JsonNode content = m.get("content");
      switch (role) {
        case "system":
        case "developer":
          // Anthropic and Gemini take system instructions only up front, so a system message in the
          // middle of the conversation is hoisted there, in order.
          String text = textOf(content, "messages[" + i + "]");
          if (!text.isEmpty()) {
            r.system.add(text);
          }
          break;
        case "user":
          r.add(Role.USER, userParts(content, i));
          break;
        case "assistant":
          r.add(Role.ASSISTANT, assistantParts(m, i, toolNames));
          break;
        case "tool":
          String id = JsonUtil.string(m, "tool_call_id");
          if (id == null) {
            throw new TranslationException("messages[" + i + "] (role tool) has no tool_call_id");
          }
          List<Part> result = new ArrayList<>(1);
          result.add(Part.toolResult(id, toolNames.get(id), textParts(content, "messages[" + i + "]"), false));
          r.add(Role.USER, result);
          break;
        case "function":
          throw new TranslationException("messages[" + i + "] has the legacy role 'function'; use tools and role 'tool'");
        default:
          throw new TranslationException("messages[" + i + "] has unknown role '" + role + "'");
      }
      i++;
    }
  }

  private static List<Part> userParts(JsonNode content, int i) {
    List<Part> parts = new ArrayList<>();
    if (content == null || content.isNull()) {
      return parts;
    }
    if (content.isTextual()) {
      if (!content.asText().isEmpty()) {
        parts.add(Part.text(content.asText()));
      }
      return parts;
    }
    String where = "messages[" + i + "]";
    for (JsonNode c : JsonUtil.elements(content)) {
      String type = JsonUtil.string(c, "type");
      if ("text".equals(type)) {
        String t = JsonUtil.string(c, "text");
        if (t != null && !t.isEmpty()) {
          parts.add(Part.text(t));
        }
      } else if ("image_url".equals(type)) {
        JsonNode img = c.get("image_url");
        String url = img != null && img.isTextual() ? img.asText() : JsonUtil.string(img, "url");
        if (url == null) {
          throw new TranslationException(where + ": image_url part without a url");
        }
        parts.add(Media.isDataUrl(url) ? Media.fromDataUrl(url) : Part.mediaUrl(null, url));
      } else if ("input_audio".equals(type)) {
        JsonNode a = c.get("input_audio");
        parts.add(Part.media(Media.audioMime(JsonUtil.string(a, "format")), JsonUtil.string(a, "data")));
      } else if ("file".equals(type)) {
        JsonNode f = c.get("file");
        String data = JsonUtil.string(f, "file_data");
        if (data == null) {
          throw new TranslationException(
              where + ": a file part referring to an uploaded file (file_id) cannot be translated; the target cannot read OpenAI's files");
        }
        parts.add(Media.isDataUrl(data) ? Media.fromDataUrl(data) : Part.media("application/pdf", data));
      } else {
        throw new TranslationException(where + ": content part of type '" + type + "' cannot be translated");
      }
    }
    return parts;
  }

  private static List<Part> assistantParts(JsonNode m, int i, Map<String, String> toolNames) {
    String where = "messages[" + i + "]";
    if (JsonUtil.get(m, "function_call") != null) {
      throw new TranslationException(where + " has a legacy function_call; use tool_calls");
    }
    if (JsonUtil.get(m, "audio") != null) {
      throw new TranslationException(where + " refers to an earlier audio answer, which cannot be translated");
    }
    List<Part> parts = new ArrayList<>();
    JsonNode content = m.get("content");
    String text = content == null || content.isNull() ? "" : textOf(content, where);
    if (!text.isEmpty()) {
      parts.add(Part.text(text));
    }
    for (JsonNode call : JsonUtil.elements(m.get("tool_calls"))) {
      String type = JsonUtil.string(call, "type");
      if (type != null && !"function".equals(type)) {
        throw new TranslationException(where + ": tool call of type '" + type + "' cannot be translated");
      }
      String id = JsonUtil.string(call, "id");
      JsonNode f = call.get("function");
      String name = JsonUtil.string(f, "name");
      if (id == null || name == null) {
        throw new TranslationException(where + ": tool call without id or function name");
      }
      toolNames.put(id, name);
      String args = JsonUtil.string(f, "arguments");
      parts.add(Part.toolCall(id, name, args == null ? "{}" : args));
    }
    return parts;
  }

  /** Content that may only hold text: a string, or text (and refusal) parts; their texts joined. */
  private static String textOf(JsonNode content, String where) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode c : JsonUtil.elements(content)) {
      String type = JsonUtil.string(c, "type");
      String t = "refusal".equals(type) ? JsonUtil.string(c, "refusal") : JsonUtil.string(c, "text");
      if (!"text".equals(type) && !"refusal".equals(type)) {
        throw new TranslationException(where + ": content part of type '" + type + "' cannot be translated here");
      }
      if (t != null) {
        sb.append(t);
      }
    }
    return sb.toString();
  }

  private static List<Part> textParts(JsonNode content, String where) {
    List<Part> parts = new ArrayList<>(1);
    String text = textOf(content, where);
    parts.add(Part.text(text));
    return parts;
  }

  private static ToolChoice toolChoice(JsonNode c) {
    if (c == null || c.isNull()) {
      return null;
    }
    if (c.isTextual()) {
      switch (c.asText()) {
        case "none":
          return new ToolChoice(ToolChoice.Mode.NONE, null);
        case "required":
          return new ToolChoice(ToolChoice.Mode.REQUIRED, null);
        default:
          return new ToolChoice(ToolChoice.Mode.AUTO, null);
      }
    }
    String type = JsonUtil.string(c, "type");
    if ("function".equals(type)) {
      String name = JsonUtil.string(c.get("function"), "name");
      if (name == null) {
        throw new TranslationException("tool_choice names no function");
      }
      return new ToolChoice(ToolChoice.Mode.TOOL, name);
    }
    throw new TranslationException("tool_choice of type '" + type + "' cannot be translated");
  }

  private static OutputFormat responseFormat(JsonNode f) {
    String type = JsonUtil.string(f, "type");
    if (type == null || "text".equals(type)) {
      return null;
    }
    if ("json_object".equals(type)) {
      return new OutputFormat(OutputFormat.Kind.JSON_OBJECT, null, null, false);
    }
    if ("json_schema".equals(type)) {
      JsonNode js = f.get("json_schema");
      JsonNode schema = JsonUtil.get(js, "schema");
      return new OutputFormat(
          OutputFormat.Kind.JSON_SCHEMA,
          JsonUtil.string(js, "name"),
          schema != null ? schema : JsonUtil.object().put("type", "object"),
          Boolean.TRUE.equals(JsonUtil.bool(js, "strict")));
    }
    throw new TranslationException("response_format of type '" + type + "' cannot be translated");
  }

  /**
   * Writes an OpenAI chat completions body.
   *
   * @param model the target model
   */
  static ObjectNode write(ChatRequest r, String model) {
    ObjectNode out = JsonUtil.object();
    out.put("model", model);
    ArrayNode messages = out.putArray("messages");
    List<String> system = new ArrayList<>(r.system);
    if (r.outputFormat != null && r.outputFormat.kind == OutputFormat.Kind.JSON_OBJECT && !r.mentionsJson()) {
      // OpenAI answers 400 to json_object mode unless the word "JSON" appears in the messages;
      // Gemini and Anthropic apps have no such rule, so their requests often lack it.
      system.add("Respond in JSON.");
    }
    if (!system.isEmpty()) {
      messages.addObject().put("role", "system").put("content", String.join("\n\n", system));
    }
    for (ChatRequest.Message m : r.messages) {
      if (m.role == Role.USER) {
        writeUser(m.parts, messages);
      } else {
        writeAssistant(m.parts, messages);
      }
    }
    if (!r.tools.isEmpty()) {
      ArrayNode tools = out.putArray("tools");
      for (Tool t : r.tools) {
        ObjectNode f = tools.addObject().put("type", "function").putObject("function");
        f.put("name", t.name);
        if (t.description != null) {
          f.put("description", t.description);
        }
        f.set("parameters", t.parameters != null ? t.parameters : JsonUtil.object().put("type", "object").set("properties", JsonUtil.object()));
      }
      if (r.toolChoice != null) {
        switch (r.toolChoice.mode) {
          case NONE:
            out.put("tool_choice", "none");
            break;
          case REQUIRED:
            out.put("tool_choice", "required");
            break;
          case TOOL:
            out.putObject("tool_choice").put("type", "function").putObject("function").put("name", r.toolChoice.name);
            break;
          default:
            out.put("tool_choice", "auto");
            break;
        }
      }
      if (Boolean.FALSE.equals(r.parallelToolCalls)) {
        out.put("parallel_tool_calls", false);
      }
    }
    if (r.outputFormat != null) {
      ObjectNode rf = out.putObject("response_format");
      if (r.outputFormat.kind == OutputFormat.Kind.JSON_OBJECT) {
        rf.put("type", "json_object");
      } else {
        rf.put("type", "json_schema");
        ObjectNode js = rf.putObject("json_schema");
        js.put("name", r.outputFormat.name != null ? r.outputFormat.name : "response");
        js.set("schema", r.outputFormat.schema);
        js.put("strict", r.outputFormat.strict);
      }
    }
    if (r.maxTokens != null) {
      out.put(usesMaxCompletionTokens(model) ? "max_completion_tokens" : "max_tokens", r.maxTokens);
    }
    putIfSet(out, "temperature", r.temperature);
    putIfSet(out, "top_p", r.topP);
    if (r.stop != null && !r.stop.isEmpty()) {
      ArrayNode stop = out.putArray("stop");
      r.stop.forEach(stop::add);
    }
    if (r.seed != null) {
      out.put("seed", r.seed);
    }
    putIfSet(out, "presence_penalty", r.presencePenalty);
    putIfSet(out, "frequency_penalty", r.frequencyPenalty);
    if (r.user != null) {
      out.put("user", r.user);
    }
    if (r.stream) {
      out.put("stream", true);
      // Always: the application's format reports usage in every stream, and Airlock prices it.
      out.putObject("stream_options").put("include_usage", true);
    }
    return out;
  }

  /**
   * OpenAI's reasoning models (o1, o3, o4-mini, gpt-5...) refuse {@code max_tokens}; most
   * OpenAI-compatible servers (vLLM, Mistral, older gateways) only know {@code max_tokens}. The model
   * name decides.
   */
  static boolean usesMaxCompletionTokens(String model) {
    if (model == null) {
      return false;
    }
    String m = model.toLowerCase(Locale.ROOT);
    int slash = m.lastIndexOf('/');
    if (slash >= 0) {
      m = m.substring(slash + 1);
    }
    return m.startsWith("o1") || m.startsWith("o3") || m.startsWith("o4") || m.startsWith("gpt-5");
  }

  private static void writeUser(List<Part> parts, ArrayNode messages) {
    // Tool results first: OpenAI wants each "tool" message right after the assistant's tool_calls.
    for (Part p : parts) {
      if (p.kind == Part.Kind.TOOL_RESULT) {
        for (Part c : p.content) {
          if (c.kind != Part.Kind.TEXT) {
            throw new TranslationException(
                "the result of tool call '" + p.toolCallId + "' contains " + c.mimeType
                    + " content; OpenAI tool messages take text only");
          }
        }
        String text = p.resultText();
        // OpenAI has no error flag on tool results; saying so in the text keeps the model informed.
        messages.addObject().put("role", "tool").put("tool_call_id", p.toolCallId).put("content", p.error ? "Error: " + text : text);
      }
    }
    List<Part> rest = new ArrayList<>();
    boolean textOnly = true;
    for (Part p : parts) {
      if (p.kind != Part.Kind.TOOL_RESULT) {
        rest.add(p);
        textOnly &= p.kind == Part.Kind.TEXT;
      }
    }
    if (rest.isEmpty()) {
      return;
    }
    ObjectNode msg = messages.addObject().put("role", "user");
    if (textOnly && rest.size() == 1) {
      msg.put("content", rest.get(0).text);
      return;
    }
    ArrayNode content = msg.putArray("content");
    for (Part p : rest) {
      content.add(contentPart(p));
    }
  }

  private static ObjectNode contentPart(Part p) {
    ObjectNode c = JsonUtil.object();
    switch (p.kind) {
      case TEXT:
        return c.put("type", "text").put("text", p.text);
      case MEDIA:
        if (p.isImage()) {
          c.put("type", "image_url").putObject("image_url").put("url", Media.toDataUrl(p));
          return c;
        }
        if ("application/pdf".equals(p.mimeType)) {
          ObjectNode f = c.put("type", "file").putObject("file");
          f.put("filename", "document.pdf").put("file_data", Media.toDataUrl(p));
          return c;
        }
        String audio = p.mimeType.startsWith("audio/") ? Media.openAiAudioFormat(p.mimeType) : null;
        if (audio != null) {
          c.put("type", "input_audio").putObject("input_audio").put("data", p.data).put("format", audio);
          return c;
        }
        throw new TranslationException("content of type " + p.mimeType + " cannot be sent to an OpenAI chat target");
      case MEDIA_URL:
        Media.requireFetchable(p, "an OpenAI chat target");
        if (p.mimeType == null || p.isImage()) {
          c.put("type", "image_url").putObject("image_url").put("url", p.url);
          return c;
        }
        throw new TranslationException(
            "a " + p.mimeType + " file by URL (" + p.url + ") cannot be sent to an OpenAI chat target, which takes images by URL only");
      default:
        throw new IllegalStateException("unexpected part " + p);
    }
  }

  private static void writeAssistant(List<Part> parts, ArrayNode messages) {
    StringBuilder text = new StringBuilder();
    ArrayNode calls = null;
    for (Part p : parts) {
      if (p.kind == Part.Kind.TEXT) {
        text.append(p.text);
      } else if (p.kind == Part.Kind.TOOL_CALL) {
        if (calls == null) {
          calls = JsonUtil.array();
        }
        ObjectNode call = calls.addObject().put("id", p.toolCallId).put("type", "function");
        call.putObject("function").put("name", p.toolName).put("arguments", p.arguments);
      } else {
        throw new TranslationException("an assistant turn with " + p.kind + " content cannot be sent to an OpenAI chat target");
      }
    }
    ObjectNode msg = messages.addObject().put("role", "assistant");
    if (text.length() > 0) {
      msg.put("content", text.toString());
    } else {
      msg.putNull("content");
    }
    if (calls != null) {
      msg.set("tool_calls", calls);
    }
  }

  private static void putIfSet(ObjectNode out, String name, Double value) {
    if (value != null) {
      out.put(name, value);
    }
  }
}
