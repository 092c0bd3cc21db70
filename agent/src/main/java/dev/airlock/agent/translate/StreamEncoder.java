package dev.airlock.agent.translate;

import java.io.ByteArrayOutputStream;

/**
 * Writes canonical {@link StreamEvent}s as the application's Server-Sent Events. One per stream;
 * not thread-safe. Every call writes complete events only, so the bytes can go to the application
 * at once.
 */
interface StreamEncoder {

  /** Writes what {@code event} means in the application's format (possibly nothing). */
  void write(StreamEvent event, ByteArrayOutputStream out);
}
