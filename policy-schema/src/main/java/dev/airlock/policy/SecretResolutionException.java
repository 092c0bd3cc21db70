package dev.airlock.policy;

/**
 * A {@link SecretRef} could not be turned into a value. The message names the environment variable
 * or file, never a value, so it is safe to log.
 */
public final class SecretResolutionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SecretResolutionException(String message) {
    super(message);
  }

  SecretResolutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
