package dev.airlock.agent.translate;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.SseParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a chat answer (OpenAI chat, Anthropic Messages, Gemini), whole or streamed, read
 * with the same decoders translation uses: what a person would read, tool calls left out. Used to
 * compare a shadow target's answer with the one the application got.
 */
public final class AnswerText {

  private AnswerText() {}

  /**
   * @param endpoint the chat endpoint the answer is in the format of
   * @param body a whole JSON answer, or a stream's SSE bytes
   * @param streamed whether {@code body} is SSE
   * @return the text, empty when there is none; null when the endpoint is not a chat endpoint or
   *     the body cannot be read
   */
  public static String of(Endpoint endpoint, byte[] body, boolean streamed) {
    if (!Translation.supports(endpoint, other(endpoint))) {
      return null;
    }
    try {
      return streamed ? ofStream(endpoint, body) : ofWhole(endpoint, body);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static String ofWhole(Endpoint endpoint, byte[] body) {
    ChatResult result = Translation.read(endpoint.format(), JsonUtil.parseObject(body, "answer"), null);
    String text = result.text();
    return text == null ? "" : text;
  }

  private static String ofStream(Endpoint endpoint, byte[] body) {
    StreamDecoder decoder = Translation.decoderFor(endpoint.format());
    List<StreamEvent> events = new ArrayList<>();
    SseParser parser = new SseParser((name, data, raw) -> {
      if (data != null) {
        decoder.onEvent(name, data, events);
      }
    }, 1024 * 1024);
    parser.feed(body, 0, body.length);
    parser.finish();
    decoder.finish(events);
    StringBuilder text = new StringBuilder();
    for (StreamEvent event : events) {
      if (event.kind == StreamEvent.Kind.TEXT && event.text != null) {
        text.append(event.text);
      }
    }
    return text.toString();
  }

  private static dev.airlock.agent.codec.WireFormat other(Endpoint endpoint) {
    return endpoint.format() == dev.airlock.agent.codec.WireFormat.OPENAI
        ? dev.airlock.agent.codec.WireFormat.ANTHROPIC : dev.airlock.agent.codec.WireFormat.OPENAI;
  }

}
