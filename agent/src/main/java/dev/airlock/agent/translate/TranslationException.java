package dev.airlock.agent.translate;

/**
 * A request (or, rarely, a response) that cannot be expressed in the other wire format.
 *
 * <p>The message names the offending field and the target, for example {@code "n=3 asks for 3
 * choices; Anthropic Messages returns exactly one"}, so that the routing layer can log it and fall
 * back to sending the call to a provider of the application's own format. Translation never drops
 * something that changes the shape of the answer the application gets; it refuses instead.
 */
public final class TranslationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param message what cannot be translated and why, for a person reading the agent's log */
  public TranslationException(String message) {
    super(message);
  }

  /**
   * @param message what cannot be translated and why
   * @param cause the underlying failure (e.g. a JSON parse error)
   */
  public TranslationException(String message, Throwable cause) {
    super(message, cause);
  }
}
