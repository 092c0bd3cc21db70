package dev.airlock.agent.door.okhttp.chain;

import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/** The body of a routed answer, as routing hands it over; its type is in the Content-Type header. */
final class StreamResponseBody extends ResponseBody {

  private final InputStream body;
  private BufferedSource source;

  StreamResponseBody(InputStream body) {
    this.body = body;
  }

  @Override
  public MediaType contentType() {
    return null;
  }

  @Override
  public long contentLength() {
    return -1;
  }

  @Override
  public synchronized BufferedSource source() {
    if (source == null) {
      source = Okio.buffer(Okio.source(body));
    }
    return source;
  }
}
