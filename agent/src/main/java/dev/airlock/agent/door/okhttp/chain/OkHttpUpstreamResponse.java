package dev.airlock.agent.door.okhttp.chain;

import dev.airlock.agent.route.UpstreamResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** An attempt's OkHttp response; its body switches to the idle timeout after the first bytes. */
final class OkHttpUpstreamResponse implements UpstreamResponse {

  private final Response response;
  private final Duration idleTimeout;
  private InputStream body;

  OkHttpUpstreamResponse(Response response, Duration idleTimeout) {
    this.response = response;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public int status() {
    return response.code();
  }

  @Override
  public String header(String name) {
    return response.header(name);
  }

  @Override
  public Map<String, List<String>> headers() {
    return response.headers().toMultimap();
  }

  @Override
  public synchronized InputStream body() {
    if (body == null) {
      ResponseBody raw = response.body();
      body = raw == null ? InputStream.nullInputStream() : new IdleTimedStream(raw);
    }
    return body;
  }

  @Override
  public void close() {
    try {
      response.close();
    } catch (RuntimeException alreadyBroken) {
      // Nothing left to release.
    }
  }

  /** Reads the body; after the first bytes, a silence longer than the idle timeout fails the read. */
  private final class IdleTimedStream extends InputStream {
    private final ResponseBody raw;
    private final InputStream in;
    private boolean idleArmed;

    IdleTimedStream(ResponseBody raw) {
      this.raw = raw;
      this.in = raw.byteStream();
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      arm();
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = in.read(buffer, off, len);
      if (n > 0) {
        arm();
      }
      return n;
    }

    private void arm() {
      if (!idleArmed && idleTimeout != null) {
        idleArmed = true;
        try {
          raw.source().timeout().timeout(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException | LinkageError unsupported) {
          // The socket's read timeout (the attempt timeout) still bounds each read.
        }
      }
    }

    @Override
    public void close() {
      OkHttpUpstreamResponse.this.close();
    }
  }
}
