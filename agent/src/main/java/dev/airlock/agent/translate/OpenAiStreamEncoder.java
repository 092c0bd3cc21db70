package dev.airlock.agent.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Usage;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes an OpenAI chat completions stream, chunk for chunk as OpenAI does and as openai-java's
 * {@code ChatCompletionAccumulator} expects: a role chunk first ({@code delta: {role: assistant,
 * content: ""}}), content deltas, tool call deltas (first {@code index}, {@code id}, {@code type},
 * {@code function.name} and empty {@code arguments}, then {@code index} and argument fragments),
 * a finish chunk with an empty delta, a usage chunk with empty {@code choices} only when the
 * application asked for it ({@code stream_options.include_usage}), then {@code data: [DONE]}.
 *
 * <p>Every chunk carries the same {@code id}, {@code created} and {@code model}. Tool calls are
 * numbered 0, 1, ... in the order they start, whatever the target's numbering.
 */
final class OpenAiStreamEncoder implements StreamEncoder {

  private final boolean includeUsage;
  private final String fallbackModel;
  private final Map<Integer, Integer> toolIndexes = new HashMap<>();
  private String id;
  private String model;
  private long created;
  private boolean roleSent;
  private boolean done;

  /**
   * @param includeUsage whether the application asked for the final usage chunk
   * @param fallbackModel the model to name when the target names none (the route's model)
   */
  OpenAiStreamEncoder(boolean includeUsage, String fallbackModel) {
    this.includeUsage = includeUsage;
    this.fallbackModel = fallbackModel;
  }

  @Override
  public void write(StreamEvent e, ByteArrayOutputStream out) {
    if (done) {
      return;
    }
    switch (e.kind) {
      case START:
        begin(e.id, e.model);
        roleChunk(out);
        break;
      case TEXT:
        roleChunk(out);
        ObjectNode text = chunk();
        delta(text).put("content", e.text);
        Sse.data(out, text);
        break;
      case TOOL_START:
        roleChunk(out);
        int index = toolIndexes.size();
        toolIndexes.put(e.index, index);
        ObjectNode start = chunk();
        ObjectNode call = delta(start).putArray("tool_calls").addObject();
        call.put("index", index);
        call.put("id", e.toolId != null ? e.toolId : Ids.openAiToolCall());
        call.put("type", "function");
        call.putObject("function").put("name", e.toolName).put("arguments", "");
        Sse.data(out, start);
        break;
      case TOOL_ARGS:
        Integer i = toolIndexes.get(e.index);
        if (i == null) {
          break; // arguments of a call that never started: nothing to attach them to
        }
        ObjectNode args = chunk();
        ObjectNode argCall = delta(args).putArray("tool_calls").addObject();
        argCall.put("index", i);
        argCall.putObject("function").put("arguments", e.text);
        Sse.data(out, args);
        break;
      case FINISH:
        roleChunk(out);
        ObjectNode finish = chunk();
        ((ObjectNode) finish.get("choices").get(0)).put("finish_reason", FinishReason.toOpenAi(e.finishReason));
        Sse.data(out, finish);
        if (includeUsage) {
          ObjectNode usage = chunk();
          usage.putArray("choices");
          usage.set("usage", UsageJson.openAi(e.usage != null ? e.usage : Usage.of(0, 0, 0, 0, 0)));
          Sse.data(out, usage);
        }
        Sse.done(out);
        done = true;
        break;
      case ERROR:
        // OpenAI reports a failure mid-stream as a data event with an error object; the SDK raises it.
        Sse.data(out, ErrorBodies.write(dev.airlock.agent.codec.WireFormat.OPENAI, e.error));
        done = true;
        break;
      default:
        break; // TOOL_END: OpenAI has no end-of-call marker
    }
  }

  private void begin(String targetId, String targetModel) {
    if (id == null) {
      id = Ids.openAiCompletion(targetId);
      model = targetModel != null ? targetModel : fallbackModel;
      created = System.currentTimeMillis() / 1000;
    }
  }

  private void roleChunk(ByteArrayOutputStream out) {
    if (roleSent) {
      return;
    }
    begin(null, null);
    roleSent = true;
    ObjectNode c = chunk();
    delta(c).put("role", "assistant").put("content", "");
    Sse.data(out, c);
  }

  private ObjectNode chunk() {
    ObjectNode c = JsonUtil.object();
    c.put("id", id);
    c.put("object", "chat.completion.chunk");
    c.put("created", created);
    c.put("model", model);
    ObjectNode choice = c.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("delta");
    choice.putNull("logprobs");
    choice.putNull("finish_reason");
    if (includeUsage) {
      c.putNull("usage"); // as OpenAI does on every chunk but the last when usage is requested
    }
    return c;
  }

  private static ObjectNode delta(ObjectNode chunk) {
    return (ObjectNode) chunk.get("choices").get(0).get("delta");
  }
}
