package dev.airlock.agent.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Accumulates one streamed response, event by event, into an {@link LlmResponse}.
 *
 * <p>Feed it the events an {@link SseParser} emits. Each event is read on its own and only the
 * facts are kept (id, model, finish reasons, usage), never the generated text, so memory stays
 * constant however long the stream. Per dialect:
 *
 * <ul>
 *   <li>OpenAI chat/completions: every chunk (finish reasons per choice; the usage chunk sent when
 *       {@code stream_options.include_usage} is set); {@code [DONE]} ends the stream.
 *   <li>OpenAI Responses: {@code response.created}/{@code in_progress} give id and model; {@code
 *       response.completed}/{@code incomplete}/{@code failed} give usage and end the stream; other
 *       events (text deltas...) are ignored by name, without parsing.
 *   <li>Anthropic: {@code message_start} gives id, model and input usage; {@code message_delta}
 *       gives the stop reason and the final cumulative output count (replacing {@code
 *       message_start}'s placeholder); {@code message_stop} ends the stream; {@code ping} and
 *       {@code content_block_*} are ignored by name.
 *   <li>Gemini: every chunk; the latest {@code usageMetadata} wins; a chunk with a {@code
 *       finishReason} ends the stream.
 *   <li>An {@code error} event (or error chunk) sets {@link LlmResponse#errorType()} and ends it.
 * </ul>
 *
 * <p>A malformed event is ignored and the stream goes on. Methods are synchronized so that {@link
 * #result()} may be read from another thread (e.g. when the application cancels the stream).
 */
public final class StreamAccumulator {

  private final Endpoint endpoint;
  private final ResponseState state = new ResponseState();

  /** @param endpoint the endpoint the streaming request went to */
  public StreamAccumulator(Endpoint endpoint) {
    if (endpoint == null) {
      throw new NullPointerException("endpoint");
    }
    this.endpoint = endpoint;
  }

  /**
   * Takes one event.
   *
   * @param eventName the SSE {@code event:} name, or null when the stream has none (OpenAI chat,
   *     Gemini) or a proxy dropped it
   * @param data the event's data; null (an event without data, e.g. a keep-alive comment) is
   *     ignored; {@code [DONE]} is tolerated for every dialect
   */
  public synchronized void onEvent(String eventName, String data) {
    if (data == null) {
      return;
    }
    if (isDone(data)) {
      state.terminal = true;
      return;
    }
    if (eventName != null && !interesting(eventName)) {
      return;
    }
    if (endpoint == Endpoint.OPENAI_CHAT && teachesNothing(data)) {
      return;
    }
    try (JsonParser p = Json.parser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      switch (endpoint) {
        case OPENAI_RESPONSES:
          ResponseReaders.responsesEvent(p, state);
          break;
        case ANTHROPIC_MESSAGES:
          ResponseReaders.anthropicEvent(p, state);
          break;
        case GEMINI_GENERATE_CONTENT:
        case GEMINI_STREAM_GENERATE_CONTENT:
          ResponseReaders.gemini(p, state);
          break;
        default:
          ResponseReaders.openAi(p, state);
          if (state.errorType != null) {
            state.terminal = true;
          }
          break;
      }
    } catch (IOException | RuntimeException e) {
      // One unreadable event must not cost the facts of the others, nor disturb the application.
    }
  }

  /** The facts seen so far: complete once {@link #sawTerminalEvent()}, partial for a cut stream. */
  public synchronized LlmResponse result() {
    return state.toResponse();
  }

  /**
   * Whether the stream's end was seen: {@code [DONE]}, {@code message_stop}, {@code
   * response.completed}/{@code incomplete}/{@code failed}, a Gemini chunk with a {@code
   * finishReason}, or an error event. False means the stream was cut short (usage may be missing).
   */
  public synchronized boolean sawTerminalEvent() {
    return state.terminal;
  }

  /**
   * Whether an OpenAI chat chunk can add nothing to what is known: id and model are kept from
   * earlier chunks, and this one has no usage, no error and no finish reason (each key absent or
   * null). Nearly every chunk of a stream is such a content delta, and reading it would change
   * nothing. Decided on the raw JSON: an escaped quote inside a string can never close a quoted
   * key, so text that mentions these words cannot pass for them; a {@code \\u} escape anywhere
   * (which could spell a key) sends the chunk to the full read.
   */
  private boolean teachesNothing(String data) {
    return state.id != null && state.model != null
        && data.indexOf("\\u") < 0
        && data.indexOf("\"error\"") < 0
        && onlyNull(data, "\"usage\"")
        && onlyNull(data, "\"finish_reason\"");
  }

  /** Whether every occurrence of {@code key} in {@code data} is followed by {@code : null}. */
  private static boolean onlyNull(String data, String key) {
    for (int at = data.indexOf(key); at >= 0; at = data.indexOf(key, at + key.length())) {
      int i = skipSpace(data, at + key.length());
      if (i >= data.length() || data.charAt(i) != ':') {
        return false;
      }
      i = skipSpace(data, i + 1);
      if (!data.startsWith("null", i)) {
        return false;
      }
    }
    return true;
  }

  private static int skipSpace(String data, int i) {
    while (i < data.length() && data.charAt(i) <= ' ') {
      i++;
    }
    return i;
  }

  private boolean interesting(String eventName) {
    switch (endpoint) {
      case OPENAI_RESPONSES:
        return ResponseReaders.isInterestingResponsesEvent(eventName);
      case ANTHROPIC_MESSAGES:
        return ResponseReaders.isInterestingAnthropicEvent(eventName);
      default:
        // OpenAI chat and Gemini streams carry no event names; a name there is unknown territory,
        // so read the data rather than risk losing usage.
        return true;
    }
  }

  private static boolean isDone(String data) {
    int start = 0;
    int end = data.length();
    while (start < end && data.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && data.charAt(end - 1) <= ' ') {
      end--;
    }
    return end - start == 6 && data.startsWith("[DONE]", start);
  }

  /**
   * Whether an OpenAI chat chunk carries only usage: a non-null {@code usage} object, {@code choices}
   * empty (or null/absent, as some compatible servers send it) and no {@code error}. This is the
   * chunk that {@code stream_options.include_usage} adds before {@code [DONE]}; the agent removes it
   * when the agent, not the application, asked for it, so the application sees the stream it asked
   * for.
   *
   * @param data the event data; null or non-JSON gives false
   */
  public static boolean isUsageOnlyChunk(String data) {
    // Nearly every chunk is a content delta without usage: a substring test settles those cheaply.
    if (data == null || data.indexOf("\"usage\"") < 0) {
      return false;
    }
    // With include_usage every chunk carries "usage" (null until the end), so that test rarely
    // settles it; a content chunk has a "delta", and the usage-only chunk (empty choices) has none.
    if (data.indexOf("\"delta\"") >= 0) {
      return false;
    }
    try (JsonParser p = Json.parser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean usage = false;
      boolean choicesEmpty = true;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        t = p.nextToken();
        if ("usage".equals(field)) {
          usage = t == JsonToken.START_OBJECT;
          p.skipChildren();
        } else if ("choices".equals(field)) {
          if (t == JsonToken.START_ARRAY) {
            choicesEmpty = p.nextToken() == JsonToken.END_ARRAY;
            if (!choicesEmpty) {
              return false;
            }
          } else if (t != JsonToken.VALUE_NULL) {
            return false;
          }
        } else if ("error".equals(field)) {
          return false;
        } else {
          p.skipChildren();
        }
      }
      return usage && choicesEmpty && t == JsonToken.END_OBJECT && p.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
