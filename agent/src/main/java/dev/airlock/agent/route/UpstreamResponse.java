package dev.airlock.agent.route;

import java.io.Closeable;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The response to one attempt, as its door received it. The body's reads fail with an
 * {@link java.io.InterruptedIOException} when the idle timeout passes without a byte.
 */
public interface UpstreamResponse extends Closeable {

  int status();

  /** The first value of a header, the name in any case; null when absent. */
  String header(String name);

  /** Every header, as received. */
  Map<String, List<String>> headers();

  /** The body; read it once. */
  InputStream body();

  /** Releases the connection; never throws. */
  @Override
  void close();
}
