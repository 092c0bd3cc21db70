package dev.airlock.agent.door.okhttp.chain;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.engine.LlmCall;
import java.io.IOException;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * Hands each piece of the response to the application as soon as it arrives, letting the call
 * parse it on the way; when the call rewrites the stream, only what the call releases is passed on.
 */
final class ObservingSource implements Source {

  private final Source upstream;
  private final LlmCall call;
  private final Buffer scratch = new Buffer();
  private boolean finished;

  ObservingSource(Source upstream, LlmCall call) {
    this.upstream = upstream;
    this.call = call;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (finished) {
      return -1;
    }
    while (true) {
      long n;
      try {
        n = upstream.read(scratch, byteCount);
      } catch (IOException | RuntimeException failure) {
        finished = true;
        call.fail(failure);
        throw failure;
      }
      if (n == -1) {
        return endOfStream(sink);
      }
      byte[] bytes = scratch.readByteArray();
      byte[] out = pass(bytes);
      if (out.length > 0) {
        sink.write(out);
        return out.length;
      }
    }
  }

  private byte[] pass(byte[] bytes) {
    try {
      if (call.rewritesResponse()) {
        return call.rewrite(bytes, 0, bytes.length);
      }
      call.observe(bytes, 0, bytes.length);
    } catch (RuntimeException agentFailure) {
      AgentLog.debug("observing a response failed; passing it on as is", agentFailure);
    }
    return bytes;
  }

  private long endOfStream(Buffer sink) {
    finished = true;
    byte[] tail = new byte[0];
    try {
      if (call.rewritesResponse()) {
        tail = call.finishRewrite();
      }
      call.complete();
    } catch (RuntimeException agentFailure) {
      AgentLog.debug("finishing a response failed", agentFailure);
    }
    if (tail.length == 0) {
      return -1;
    }
    sink.write(tail);
    return tail.length;
  }

  @Override
  public Timeout timeout() {
    return upstream.timeout();
  }

  @Override
  public void close() throws IOException {
    if (!finished) {
      finished = true;
      try {
        call.cancel();
      } catch (RuntimeException agentFailure) {
        AgentLog.debug("recording a cancelled call failed", agentFailure);
      }
    }
    upstream.close();
  }
}
