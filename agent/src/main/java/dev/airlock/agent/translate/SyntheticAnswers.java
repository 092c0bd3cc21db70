package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.Usage;
import dev.airlock.agent.codec.WireFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * Answers the agent writes itself, in the application's own wire format: the policy's degraded
 * answer when every target failed, and the error event that ends a stream cleanly when its target
 * broke off mid-way. Built on the same writers as translation, so an SDK parses them like any
 * answer of its provider.
 */
public final class SyntheticAnswers {

  private SyntheticAnswers() {}

  /**
   * A whole (non-streamed) answer holding {@code text}, with zero usage (it cost nothing).
   *
   * @param appEndpoint the endpoint the application called (OpenAI chat, Anthropic Messages, Gemini)
   * @param model the model the answer names
   */
  public static byte[] whole(Endpoint appEndpoint, String model, String text) {
    ChatResult result = new ChatResult(null, model, Collections.singletonList(Part.text(text)), FinishReason.STOP,
        null, Usage.of(0, 0, 0, 0, 0));
    return JsonUtil.bytes(Translation.write(appEndpoint.format(), result, model));
  }

  /**
   * A complete stream holding {@code text} as one delta, properly ended ({@code [DONE]},
   * {@code message_stop}, a final {@code finishReason}), with zero usage.
   *
   * @param includeUsage whether an OpenAI application asked for the usage chunk
   */
  public static byte[] stream(Endpoint appEndpoint, String model, String text, boolean includeUsage) {
    // Written as an OpenAI stream, then put through the same translator a real target's stream takes.
    ByteArrayOutputStream openAi = new ByteArrayOutputStream(512);
    ObjectNode first = chunk(model);
    ObjectNode opening = first.putArray("choices").addObject().put("index", 0);
    opening.putObject("delta").put("role", "assistant").put("content", text);
    opening.putNull("finish_reason");
    Sse.data(openAi, first);
    ObjectNode last = chunk(model);
    ObjectNode choice = last.putArray("choices").addObject().put("index", 0);
    choice.putObject("delta");
    choice.put("finish_reason", "stop");
    last.putObject("usage").put("prompt_tokens", 0).put("completion_tokens", 0).put("total_tokens", 0);
    Sse.data(openAi, last);
    Sse.done(openAi);
    if (appEndpoint.format() == WireFormat.OPENAI) {
      if (includeUsage) {
        return openAi.toByteArray();
      }
      // Without include_usage, OpenAI puts no usage on the last chunk.
      last.remove("usage");
      ByteArrayOutputStream plain = new ByteArrayOutputStream(512);
      Sse.data(plain, first);
      Sse.data(plain, last);
      Sse.done(plain);
      return plain.toByteArray();
    }
    TranslatedRequest request = new TranslatedRequest(appEndpoint, Endpoint.OPENAI_CHAT, model, model, new byte[0],
        true, includeUsage);
    StreamTranslator translator = Translation.stream(request);
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    for (String event : openAi.toString(StandardCharsets.UTF_8).split("\n\n")) {
      if (event.startsWith("data: ")) {
        byte[] piece = translator.onEvent(null, event.substring("data: ".length()));
        out.write(piece, 0, piece.length);
      }
    }
    byte[] tail = translator.finish();
    out.write(tail, 0, tail.length);
    return out.toByteArray();
  }

  /**
   * The SSE error event that ends a stream whose target failed after the application already had
   * part of the answer: Anthropic's {@code event: error}, or a {@code data:} event holding the
   * provider's error object (OpenAI, Gemini). Each SDK raises it as an API error.
   */
  public static byte[] streamError(WireFormat appFormat, int status, String message) {
    ObjectNode error = ErrorBodies.write(appFormat, new ErrorBodies.Info(status, null, message));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    if (appFormat == WireFormat.ANTHROPIC) {
      Sse.event(out, "error", error);
    } else {
      Sse.data(out, error);
    }
    return out.toByteArray();
  }

  /** A whole error body of the application's provider, e.g. for a route that denies the call. */
  public static byte[] errorBody(WireFormat appFormat, int status, String message) {
    return JsonUtil.bytes(ErrorBodies.write(appFormat, new ErrorBodies.Info(status, null, message)));
  }

  private static ObjectNode chunk(String model) {
    ObjectNode chunk = JsonUtil.MAPPER.createObjectNode();
    chunk.put("id", Ids.openAiCompletion(null));
    chunk.put("object", "chat.completion.chunk");
    chunk.put("created", System.currentTimeMillis() / 1000);
    chunk.put("model", model);
    return chunk;
  }
}
