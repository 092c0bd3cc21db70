package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.translate.ChatRequest.Role;
import dev.airlock.agent.translate.ChatRequest.Tool;
import dev.airlock.agent.translate.ChatRequest.ToolChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anthropic Messages request bodies ({@code POST /v1/messages}) to and from the canonical {@link
 * ChatRequest}.
 *
 * <p>Anthropic has no JSON mode: a request for JSON output becomes a last system block asking for
 * a bare JSON object (with the schema, for a JSON schema), which Claude follows reliably. It
 * requires {@code max_tokens}: {@link #DEFAULT_MAX_TOKENS} when the application set none.
 *
 * <p>Refused when read: server tools (web search, code execution, computer use...), MCP servers,
 * containers, and content blocks that only Anthropic understands (server tool results, uploaded
 * file references). Dropped when read: {@code thinking} configuration and {@code thinking}/{@code
 * redacted_thinking} blocks of earlier turns (their signatures are valid for Anthropic only), {@code
 * cache_control}, citations, {@code service_tier}.
 */
final class AnthropicRequests {

  /** Used when the application gave no output limit: Anthropic requires one, the others do not. */
  static final long DEFAULT_MAX_TOKENS = 4096;

  private static final Set<String> IMAGE_TYPES =
      new HashSet<>(Arrays.asList("image/jpeg", "image/png", "image/gif", "image/webp"));

  private AnthropicRequests() {}

  static ChatRequest read(ObjectNode body) {
    for (String unsupported : new String[] {"mcp_servers", "container"}) {
      if (JsonUtil.get(body, unsupported) != null) {
        throw new TranslationException("Anthropic '" + unsupported + "' cannot be translated to another provider");
      }
    }
    ChatRequest r = new ChatRequest();
    JsonNode system = body.get("system");
    if (system != null && system.isTextual()) {
      if (!system.asText().isEmpty()) {
        r.system.add(system.asText());
      }
    } else {
      for (JsonNode b : JsonUtil.elements(system)) {
        String t = JsonUtil.string(b, "text");
        if (t != null && !t.isEmpty()) {
          r.system.add(t);
        }
      }
    }
    JsonNode messages = body.get("messages");
    if (messages == null || !messages.isArray()) {
      throw new TranslationException("Anthropic request without a 'messages' array");
    }
    Map<String, String> toolNames = new HashMap<>();
    int i = 0;
    for (JsonNode m : messages) {
      String role = JsonUtil.string(m, "role");
      Role canonical;
      if ("user".equals(role)) {
        canonical = Role.USER;
      } else if ("assistant".equals(role)) {
        canonical = Role.ASSISTANT;
      } else {
        throw new TranslationException("messages[" + i + "] has unknown role '" + role + "'");
      }
      r.add(canonical, blocks(m.get("content"), "messages[" + i + "]", toolNames));
      i++;
    }
    for (JsonNode t : JsonUtil.elements(body.get("tools"))) {
      String type = JsonUtil.string(t, "type");
      if (type != null && !"custom".equals(type)) {
        throw new TranslationException(
            "Anthropic server tool '" + type + "' cannot be translated; only client tools (name, description, input_schema) can");
      }
      String name = JsonUtil.string(t, "name");
      if (name == null) {
        throw new TranslationException("Anthropic tool without a name");
      }
      r.tools.add(new Tool(name, JsonUtil.string(t, "description"), JsonUtil.get(t, "input_schema")));
    }
    JsonNode choice = body.get("tool_choice");
    if (choice != null && choice.isObject()) {
      String type = JsonUtil.string(choice, "type");
      if ("any".equals(type)) {
        r.toolChoice = new ToolChoice(ToolChoice.Mode.REQUIRED, null);
      } else if ("tool".equals(type)) {
        r.toolChoice = new ToolChoice(ToolChoice.Mode.TOOL, JsonUtil.string(choice, "name"));
      } else if ("none".equals(type)) {
        r.toolChoice = new ToolChoice(ToolChoice.Mode.NONE, null);
      } else {
        r.toolChoice = new ToolChoice(ToolChoice.Mode.AUTO, null);
      }
      if (Boolean.TRUE.equals(JsonUtil.bool(choice, "disable_parallel_tool_use"))) {
        r.parallelToolCalls = false;
      }
    }
    r.maxTokens = JsonUtil.integer(body, "max_tokens");
    r.temperature = JsonUtil.number(body, "temperature");
    r.topP = JsonUtil.number(body, "top_p");
    r.topK = JsonUtil.integer(body, "top_k");
    JsonNode stop = body.get("stop_sequences");
    if (stop != null && stop.isArray() && stop.size() > 0) {
      r.stop = new ArrayList<>();
      for (JsonNode s : stop) {
        r.stop.add(s.asText());
      }
    }
    r.user = JsonUtil.string(body.get("metadata"), "user_id");
    r.stream = Boolean.TRUE.equals(JsonUtil.bool(body, "stream"));
    return r;
  }

  private static List<Part> blocks(JsonNode content, String where, Map<String, String> toolNames) {
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
    for (JsonNode b : JsonUtil.elements(content)) {
      String type = JsonUtil.string(b, "type");
      if (type == null) {
        throw new TranslationException(where + ": content block without a type");
      }
      switch (type) {
        case "text":
          String t = JsonUtil.string(b, "text");
          if (t != null && !t.isEmpty()) {
            parts.add(Part.text(t));
          }
          break;
        case "image":
        case "document":
          parts.add(source(b.get("source"), type, where));
          break;
        case "tool_use":
          String id = JsonUtil.string(b, "id");
          String name = JsonUtil.string(b, "name");
          toolNames.put(id, name);
          JsonNode input = b.get("input");
          parts.add(Part.toolCall(id, name, input == null || input.isNull() ? "{}" : JsonUtil.text(input)));
          break;
        case "tool_result":
          String callId = JsonUtil.string(b, "tool_use_id");
          List<Part> result = blocks(b.get("content"), where + " tool_result", toolNames);
          for (Part p : result) {
            if (p.kind != Part.Kind.TEXT && p.kind != Part.Kind.MEDIA) {
              throw new TranslationException(where + ": a tool_result may hold only text and images here");
            }
          }
          parts.add(Part.toolResult(callId, toolNames.get(callId), result, Boolean.TRUE.equals(JsonUtil.bool(b, "is_error"))));
          break;
        case "thinking":
        case "redacted_thinking":
          // Signed for Anthropic only; another model can neither verify nor use them.
          break;
        default:
          throw new TranslationException(where + ": content block of type '" + type + "' cannot be translated");
      }
    }
    return parts;
  }

  private static Part source(JsonNode source, String blockType, String where) {
    String type = JsonUtil.string(source, "type");
    if ("base64".equals(type)) {
      return Part.media(JsonUtil.string(source, "media_type"), JsonUtil.string(source, "data"));
    }
    if ("url".equals(type)) {
      return Part.mediaUrl("document".equals(blockType) ? "application/pdf" : null, JsonUtil.string(source, "url"));
    }
    if ("text".equals(type) && "document".equals(blockType)) {
      return Part.text(JsonUtil.string(source, "data"));
    }
    throw new TranslationException(
        where + ": " + blockType + " source of type '" + type + "' cannot be translated (uploaded files stay with Anthropic)");
  }

  /**
   * Writes an Anthropic Messages body.
   *
   * @param model the target model
   */
  static ObjectNode write(ChatRequest r, String model) {
    ObjectNode out = JsonUtil.object();
    out.put("model", model);
    out.put("max_tokens", r.maxTokens != null ? r.maxTokens : DEFAULT_MAX_TOKENS);
    List<String> system = new ArrayList<>(r.system);
    if (r.outputFormat != null) {
      system.add(r.outputFormat.instruction());
    }
    if (system.size() == 1) {
      out.put("system", system.get(0));
    } else if (system.size() > 1) {
      ArrayNode blocks = out.putArray("system");
      for (String s : system) {
        blocks.addObject().put("type", "text").put("text", s);
      }
    }
    ArrayNode messages = out.putArray("messages");
    for (ChatRequest.Message m : r.messages) {
      ArrayNode content = JsonUtil.array();
      // Anthropic wants the tool_result blocks at the start of the user turn that follows the tool use.
      for (Part p : m.parts) {
        if (p.kind == Part.Kind.TOOL_RESULT) {
          content.add(block(p));
        }
      }
      for (Part p : m.parts) {
        if (p.kind != Part.Kind.TOOL_RESULT) {
          ObjectNode b = block(p);
          if (b != null) {
            content.add(b);
          }
        }
      }
      if (content.size() > 0) {
        ObjectNode msg = messages.addObject().put("role", m.role == Role.USER ? "user" : "assistant");
        msg.set("content", content);
      }
    }
    List<Tool> declared = r.tools;
    ChatRequest.ToolChoice toolChoice = r.toolChoice;
    if (declared.isEmpty()) {
      // Anthropic refuses a history with tool_use blocks when the request defines no tools (OpenAI
      // and Gemini apps often drop the tools on a final "summarize" turn). Declaring the used tools
      // with any-object inputs and tool_choice none keeps the history and, as in the app's
      // request, allows no new call.
      declared = toolsUsedIn(r);
      if (!declared.isEmpty()) {
        toolChoice = new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NONE, null);
      }
    }
    if (!declared.isEmpty()) {
      ArrayNode tools = out.putArray("tools");
      for (Tool t : declared) {
        ObjectNode tool = tools.addObject().put("name", t.name);
        if (t.description != null) {
          tool.put("description", t.description);
        }
        tool.set("input_schema", t.parameters != null && t.parameters.isObject()
            ? t.parameters : JsonUtil.object().put("type", "object").set("properties", JsonUtil.object()));
      }
      ObjectNode choice = null;
      if (toolChoice != null) {
        choice = out.putObject("tool_choice");
        switch (toolChoice.mode) {
          case NONE:
            choice.put("type", "none");
            break;
          case REQUIRED:
            choice.put("type", "any");
            break;
          case TOOL:
            choice.put("type", "tool").put("name", toolChoice.name);
            break;
          default:
            choice.put("type", "auto");
            break;
        }
      }
      if (Boolean.FALSE.equals(r.parallelToolCalls)) {
        if (choice == null) {
          choice = out.putObject("tool_choice").put("type", "auto");
        }
        if (!"none".equals(JsonUtil.string(choice, "type"))) {
          choice.put("disable_parallel_tool_use", true);
        }
      }
    }
    if (r.temperature != null) {
      // Anthropic's range is 0..1, OpenAI's and Gemini's 0..2: clamp rather than have a 400.
      out.put("temperature", Math.min(1.0, Math.max(0.0, r.temperature)));
    } else if (r.topP != null) {
      // Current Claude models refuse temperature and top_p together; temperature wins when both are set.
      out.put("top_p", r.topP);
    }
    if (r.topK != null) {
      out.put("top_k", r.topK);
    }
    if (r.stop != null && !r.stop.isEmpty()) {
      ArrayNode stop = out.putArray("stop_sequences");
      r.stop.forEach(stop::add);
    }
    if (r.user != null) {
      out.putObject("metadata").put("user_id", r.user);
    }
    if (r.stream) {
      out.put("stream", true);
    }
    return out;
  }

  /** The tools the history calls, in order of first call, each taking any object. */
  private static List<Tool> toolsUsedIn(ChatRequest r) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    for (ChatRequest.Message m : r.messages) {
      for (Part p : m.parts) {
        if (p.kind == Part.Kind.TOOL_CALL && p.toolName != null) {
          names.add(p.toolName);
        }
      }
    }
    List<Tool> tools = new ArrayList<>(names.size());
    for (String name : names) {
      tools.add(new Tool(name, null, JsonUtil.object().put("type", "object")));
    }
    return tools;
  }

  /** One content block, or null for a part that has nothing to say (empty text: Anthropic refuses those). */
  private static ObjectNode block(Part p) {
    ObjectNode b = JsonUtil.object();
    switch (p.kind) {
      case TEXT:
        if (p.text.isEmpty()) {
          return null;
        }
        return b.put("type", "text").put("text", p.text);
      case MEDIA:
        if (IMAGE_TYPES.contains(p.mimeType)) {
          b.put("type", "image").putObject("source").put("type", "base64").put("media_type", p.mimeType).put("data", p.data);
          return b;
        }
        if ("application/pdf".equals(p.mimeType)) {
          b.put("type", "document").putObject("source").put("type", "base64").put("media_type", p.mimeType).put("data", p.data);
          return b;
        }
        if ("text/plain".equals(p.mimeType)) {
          String text = new String(java.util.Base64.getMimeDecoder().decode(p.data), java.nio.charset.StandardCharsets.UTF_8);
          b.put("type", "document").putObject("source").put("type", "text").put("media_type", "text/plain").put("data", text);
          return b;
        }
        throw new TranslationException(
            "content of type " + p.mimeType + " cannot be sent to Anthropic, which takes JPEG, PNG, GIF and WebP images, PDF and plain text");
      case MEDIA_URL:
        Media.requireFetchable(p, "Anthropic");
        if (p.mimeType == null || p.isImage()) {
          b.put("type", "image").putObject("source").put("type", "url").put("url", p.url);
          return b;
        }
        if ("application/pdf".equals(p.mimeType)) {
          b.put("type", "document").putObject("source").put("type", "url").put("url", p.url);
          return b;
        }
        throw new TranslationException("a " + p.mimeType + " file by URL cannot be sent to Anthropic");
      case TOOL_CALL:
        b.put("type", "tool_use").put("id", p.toolCallId).put("name", p.toolName);
        b.set("input", p.argumentsObject());
        return b;
      default:
        b.put("type", "tool_result").put("tool_use_id", p.toolCallId);
        ArrayNode content = JsonUtil.array();
        for (Part c : p.content) {
          ObjectNode cb = block(c);
          if (cb != null) {
            content.add(cb);
          }
        }
        if (content.size() > 0) {
          b.set("content", content);
        }
        if (p.error) {
          b.put("is_error", true);
        }
        return b;
    }
  }
}
