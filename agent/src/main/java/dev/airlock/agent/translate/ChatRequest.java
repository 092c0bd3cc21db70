package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat request in the canonical model that all three wire formats are read into and written
 * from.
 *
 * <p><b>Why a canonical model rather than one translator per pair.</b> Three formats make six
 * directions, for requests, responses and streams alike. With an intermediate model each format
 * is written down twice (a reader and a writer) instead of four times, a quirk of one format (e.g.
 * Gemini's missing tool-call ids, Anthropic's required {@code max_tokens}) is handled in exactly
 * one place, and every direction gets every fix. The model is the union of what the formats share:
 * it is not a fourth format, and anything it cannot hold is refused by the reader with a {@link
 * TranslationException} rather than silently lost.
 *
 * <p>Shape: system texts apart (all three formats keep them apart from the turns); then turns of
 * {@link Role#USER} and {@link Role#ASSISTANT}, consecutive same-role turns already merged; tool
 * results are {@link Part.Kind#TOOL_RESULT} parts of user turns (as in Anthropic's format, which
 * the other two map to without loss). Every optional parameter is null when the application did not
 * set it. Mutable while a reader fills it; one instance per translation.
 */
final class ChatRequest {

  enum Role {
    USER,
    ASSISTANT
  }

  /** One turn of the conversation. */
  static final class Message {
    final Role role;
    final List<Part> parts;

    Message(Role role, List<Part> parts) {
      this.role = role;
      this.parts = parts;
    }

    @Override
    public String toString() {
      return role + parts.toString();
    }
  }

  /** A function the model may call. */
  static final class Tool {
    final String name;
    final String description;
    /** The parameters as a JSON Schema object, or null for a tool without parameters. */
    final JsonNode parameters;

    Tool(String name, String description, JsonNode parameters) {
      this.name = name;
      this.description = description;
      this.parameters = parameters;
    }
  }

  /** How the model must use the tools. */
  static final class ToolChoice {
    enum Mode {
      /** The model decides (all formats' default). */
      AUTO,
      /** No tool calls. */
      NONE,
      /** At least one tool call, any tool (OpenAI {@code required}, Anthropic {@code any}, Gemini {@code ANY}). */
      REQUIRED,
      /** A call of the named tool. */
      TOOL
    }

    final Mode mode;
    final String name;

    ToolChoice(Mode mode, String name) {
      this.mode = mode;
      this.name = name;
    }
  }

  /** The requested shape of the answer: JSON mode. */
  static final class OutputFormat {
    enum Kind {
      /** Any JSON object (OpenAI {@code json_object}, Gemini {@code application/json} without schema). */
      JSON_OBJECT,
      /** JSON conforming to {@link #schema}. */
      JSON_SCHEMA
    }

    final Kind kind;
    /** The schema's name (OpenAI requires one), or null. */
    final String name;
    /** JSON_SCHEMA: a JSON Schema (not Gemini's subset; readers convert). */
    final JsonNode schema;
    final boolean strict;

    OutputFormat(Kind kind, String name, JsonNode schema, boolean strict) {
      this.kind = kind;
      this.name = name;
      this.schema = schema;
      this.strict = strict;
    }

    /**
     * JSON mode as a system instruction, for a target without a native JSON mode (Anthropic) or
     * that cannot combine it with tools (Gemini before 3: "Function calling with a response mime
     * type: 'application/json' is unsupported"). For a schema, the schema is quoted in full.
     */
    String instruction() {
      String base = "Respond with a single valid JSON object and nothing else: no text before or after it, no Markdown code fences.";
      if (kind == Kind.JSON_OBJECT) {
        return base;
      }
      return base + " The object must conform to this JSON Schema" + (name != null ? " (\"" + name + "\")" : "")
          + ":\n" + JsonUtil.text(schema);
    }
  }

  final List<String> system = new ArrayList<>();
  final List<Message> messages = new ArrayList<>();
  final List<Tool> tools = new ArrayList<>();
  ToolChoice toolChoice;
  /** False when the application forbade parallel tool calls; null when it did not say. */
  Boolean parallelToolCalls;
  OutputFormat outputFormat;
  Long maxTokens;
  Double temperature;
  Double topP;
  Long topK;
  List<String> stop;
  Long seed;
  Double presencePenalty;
  Double frequencyPenalty;
  /** An end-user identifier (OpenAI {@code user}, Anthropic {@code metadata.user_id}). */
  String user;
  boolean stream;
  /** OpenAI {@code stream_options.include_usage}: the application wants a final usage chunk. */
  boolean includeUsage;

  /**
   * Appends parts as a turn of {@code role}, merging them into the previous turn when it has the
   * same role: Anthropic and Gemini require alternating roles, and OpenAI's one-message-per-tool-
   * result becomes one user turn this way.
   */
  void add(Role role, List<Part> parts) {
    if (parts.isEmpty()) {
      return;
    }
    if (!messages.isEmpty()) {
      Message last = messages.get(messages.size() - 1);
      if (last.role == role) {
        last.parts.addAll(parts);
        return;
      }
    }
    messages.add(new Message(role, new ArrayList<>(parts)));
  }

  /** Whether any text of the request (system or turns) mentions JSON; OpenAI's json_object mode demands it. */
  boolean mentionsJson() {
    for (String s : system) {
      if (s.toLowerCase(java.util.Locale.ROOT).contains("json")) {
        return true;
      }
    }
    for (Message m : messages) {
      for (Part p : m.parts) {
        if (p.kind == Part.Kind.TEXT && p.text.toLowerCase(java.util.Locale.ROOT).contains("json")) {
          return true;
        }
      }
    }
    return false;
  }
}
