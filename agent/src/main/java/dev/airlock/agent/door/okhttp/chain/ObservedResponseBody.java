package dev.airlock.agent.door.okhttp.chain;

import dev.airlock.agent.engine.LlmCall;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/** The provider's response body, read through an {@link ObservingSource}. */
final class ObservedResponseBody extends ResponseBody {

  private final ResponseBody delegate;
  private final LlmCall call;
  private BufferedSource source;

  ObservedResponseBody(ResponseBody delegate, LlmCall call) {
    this.delegate = delegate;
    this.call = call;
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() {
    // A rewritten stream's length is not known in advance.
    return call.rewritesResponse() ? -1 : delegate.contentLength();
  }

  @Override
  public synchronized BufferedSource source() {
    if (source == null) {
      source = Okio.buffer(new ObservingSource(delegate.source(), call));
    }
    return source;
  }
}
