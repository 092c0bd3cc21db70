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
  /** Where each read's bytes are copied for the call: one array for the stream, not one per read. */
  private byte[] piece = new byte[8192];
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
      int count = (int) scratch.size();
      if (piece.length < count) {
        piece = new byte[count];
      }
      for (int off = 0; off < count; ) {
        off += scratch.read(piece, off, count - off);
      }
      byte[] out = pass(piece, count);
      if (out == null) {
        sink.write(piece, 0, count);
        return count;
      }
      if (out.length > 0) {
        sink.write(out);
        return out.length;
      }
    }
  }

  /** What to pass on of the piece: the call's rewrite of it, or null for the piece itself. */
  private byte[] pass(byte[] bytes, int count) {
    try {
      if (call.rewritesResponse()) {
        return call.rewrite(bytes, 0, count);
      }
      call.observe(bytes, 0, count);
    } catch (RuntimeException agentFailure) {
      AgentLog.debug("observing a response failed; passing it on as is", agentFailure);
    }
    return null;
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
