package dev.airlock.agent.door.okhttp.chain;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** The body of an answer the agent gives itself (a blocked call); its type is in the Content-Type header. */
final class BytesResponseBody extends ResponseBody {

  private final byte[] bytes;
  private BufferedSource source;

  BytesResponseBody(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public MediaType contentType() {
    return null;
  }

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public synchronized BufferedSource source() {
    if (source == null) {
      source = new Buffer().write(bytes);
    }
    return source;
  }
}
