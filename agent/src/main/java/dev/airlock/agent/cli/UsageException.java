package dev.airlock.agent.cli;

/**
 * A mistake in how a command was called or in a file it was given to read (not in the policy):
 * the command prints the message and exits with {@link AirlockCli#USAGE}, so a CI can tell "your
 * invocation is broken" apart from "your policy is wrong".
 */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
