package dev.airlock.policy;

import java.util.Locale;

/**
 * The {@code on_internal_error:} setting: what the agent does with a request when it fails
 * internally while handling it (a bug, a resource it cannot reach).
 */
public enum OnInternalError {
  /** Fail open: the original request goes out unchanged, and the error is counted. The default. */
  PASS_THROUGH,
  /** Fail closed: the request is refused with an error in the provider's own wire format. */
  BLOCK;

  /** {@code pass_through} or {@code block}, as the policy writes it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
