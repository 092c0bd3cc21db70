package dev.airlock.agent.state;

/**
 * The store behind a {@link CounterState} could not answer in time (Redis refused the connection,
 * timed out, or is being reconnected). Unchecked because every operation may raise it and callers
 * handle it in one place; carries no stack trace because it is an expected condition on a hot path,
 * not a bug.
 */
public final class StateUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StateUnavailableException(String message) {
    super(message, null, false, false);
  }

  public StateUnavailableException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
