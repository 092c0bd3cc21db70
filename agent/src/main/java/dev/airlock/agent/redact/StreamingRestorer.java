package dev.airlock.agent.redact;

import java.util.Map;

/**
 * Restores placeholders in text that arrives in pieces (stream deltas). A piece ending in what may
 * be the start of a placeholder ({@code "... <EMA"}) keeps that tail back until the next piece
 * completes or rules it out; so at most one placeholder's length is ever held.
 */
public final class StreamingRestorer {

  private final Map<String, String> restorations;
  private final StringBuilder pending = new StringBuilder();

  public StreamingRestorer(Map<String, String> restorations) {
    this.restorations = restorations;
  }

  /** The restored text that can be passed on now. */
  public String feed(String piece) {
    pending.append(piece);
    int cut = Placeholders.safeCut(pending);
    String ready = pending.substring(0, cut);
    pending.delete(0, cut);
    return Placeholders.restoreText(ready, restorations);
  }

  /** Everything still held, restored as far as it goes; the stream is over. */
  public String flush() {
    String rest = Placeholders.restoreText(pending.toString(), restorations);
    pending.setLength(0);
    return rest;
  }

  public boolean hasPending() {
    return pending.length() > 0;
  }
}
