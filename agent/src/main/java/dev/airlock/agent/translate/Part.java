package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;

/**
 * One piece of message content in the canonical model: text, inline media, a media URL, a tool call
 * or a tool result.
 *
 * <p>The three wire formats agree on these five kinds; they differ only in spelling (an OpenAI
 * {@code image_url} data URL, an Anthropic base64 {@code image} source and a Gemini {@code
 * inlineData} are all {@link Kind#MEDIA}), which is why one small value class can carry content
 * from any format to any other. Immutable.
 */
final class Part {

  enum Kind {
    /** Plain text. */
    TEXT,
    /** Inline bytes, base64: images, PDFs, audio. */
    MEDIA,
    /** A reference to content elsewhere (an {@code https:} image URL, a Gemini file URI). */
    MEDIA_URL,
    /** A call of a tool by the model (assistant side). */
    TOOL_CALL,
    /** The result of a tool call, sent back by the application (user side). */
    TOOL_RESULT
  }

  final Kind kind;
  /** TEXT: the text. */
  final String text;
  /** MEDIA: the IANA media type (required); MEDIA_URL: the media type when known, else null. */
  final String mimeType;
  /** MEDIA: the bytes, standard base64. */
  final String data;
  /** MEDIA_URL: the URL or URI. */
  final String url;
  /** TOOL_CALL and TOOL_RESULT: the call's id (synthesized for Gemini, which has none). */
  final String toolCallId;
  /** TOOL_CALL: the tool's name; TOOL_RESULT: the name of the tool that was called, when known. */
  final String toolName;
  /** TOOL_CALL: the arguments as JSON text (OpenAI's representation; may be malformed when the model was cut off). */
  final String arguments;
  /** TOOL_RESULT: the result's content, TEXT and MEDIA parts. */
  final List<Part> content;
  /** TOOL_RESULT: whether the tool reported a failure. */
  final boolean error;

  private Part(
      Kind kind,
      String text,
      String mimeType,
      String data,
      String url,
      String toolCallId,
      String toolName,
      String arguments,
      List<Part> content,
      boolean error) {
    this.kind = kind;
    this.text = text;
    this.mimeType = mimeType;
    this.data = data;
    this.url = url;
    this.toolCallId = toolCallId;
    this.toolName = toolName;
    this.arguments = arguments;
    this.content = content;
    this.error = error;
  }

  static Part text(String text) {
    return new Part(Kind.TEXT, text, null, null, null, null, null, null, null, false);
  }

  static Part media(String mimeType, String base64) {
    return new Part(Kind.MEDIA, null, mimeType, base64, null, null, null, null, null, false);
  }

  static Part mediaUrl(String mimeType, String url) {
    return new Part(Kind.MEDIA_URL, null, mimeType, null, url, null, null, null, null, false);
  }

  static Part toolCall(String id, String name, String argumentsJson) {
    return new Part(Kind.TOOL_CALL, null, null, null, null, id, name, argumentsJson, null, false);
  }

  static Part toolResult(String callId, String toolName, List<Part> content, boolean error) {
    List<Part> c = content == null ? Collections.<Part>emptyList() : Collections.unmodifiableList(content);
    return new Part(Kind.TOOL_RESULT, null, null, null, null, callId, toolName, null, c, error);
  }

  boolean isImage() {
    return mimeType != null && mimeType.startsWith("image/");
  }

  /**
   * The arguments of a TOOL_CALL as a JSON object, as Anthropic's {@code input} and Gemini's
   * {@code args} require. Blank arguments are an empty object (OpenAI sends {@code ""} for a tool
   * without parameters).
   *
   * @throws TranslationException when the arguments are not a JSON object
   */
  ObjectNode argumentsObject() {
    if (arguments == null || arguments.trim().isEmpty()) {
      return JsonUtil.object();
    }
    JsonNode node = JsonUtil.parseOrNull(arguments);
    if (node == null || !node.isObject()) {
      throw new TranslationException(
          "the arguments of tool call '" + toolCallId + "' (" + toolName + ") are not a JSON object,"
              + " which Anthropic and Gemini require: " + abbreviate(arguments));
    }
    return (ObjectNode) node;
  }

  /** The text of a TOOL_RESULT's TEXT parts, joined by newlines. */
  String resultText() {
    StringBuilder sb = new StringBuilder();
    for (Part p : content) {
      if (p.kind == Kind.TEXT) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(p.text);
      }
    }
    return sb.toString();
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  @Override
  public String toString() {
    switch (kind) {
      case TEXT:
        return "text(" + abbreviate(text) + ")";
      case MEDIA:
        return "media(" + mimeType + ", " + data.length() + " base64 chars)";
      case MEDIA_URL:
        return "mediaUrl(" + mimeType + ", " + url + ")";
      case TOOL_CALL:
        return "toolCall(" + toolCallId + ", " + toolName + ", " + arguments + ")";
      default:
        return "toolResult(" + toolCallId + ", " + toolName + ", " + content + (error ? ", error" : "") + ")";
    }
  }
}
