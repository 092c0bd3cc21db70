package dev.airlock.agent;

import java.io.PrintStream;

/**
 * The agent's own diagnostics, on stderr. Quiet by default: the application's output is the
 * application's, so the agent prints its one start-up line and real problems, and more only when
 * started with {@code log=debug}. Never pass prompt text, answers or credentials to it.
 */
public final class AgentLog {

  /** How much the agent says. */
  public enum Level { ERROR, WARN, INFO, DEBUG }

  private static volatile Level level = Level.INFO;
  private static final PrintStream OUT = System.err;

  private AgentLog() {}

  public static void setLevel(Level newLevel) {
    level = newLevel;
  }

  public static boolean isDebug() {
    return level == Level.DEBUG;
  }

  /** The start-up line and other lines the user asked for by starting the agent. */
  public static void banner(String message) {
    OUT.println("[airlock] " + message);
  }

  public static void error(String message) {
    OUT.println("[airlock] ERROR " + message);
  }

  public static void error(String message, Throwable cause) {
    OUT.println("[airlock] ERROR " + message + ": " + describe(cause));
    if (isDebug()) {
      cause.printStackTrace(OUT);
    }
  }

  public static void warn(String message) {
    if (level.compareTo(Level.WARN) >= 0) {
      OUT.println("[airlock] WARN " + message);
    }
  }

  public static void debug(String message) {
    if (level == Level.DEBUG) {
      OUT.println("[airlock] DEBUG " + message);
    }
  }

  public static void debug(String message, Throwable cause) {
    if (level == Level.DEBUG) {
      OUT.println("[airlock] DEBUG " + message + ": " + describe(cause));
      cause.printStackTrace(OUT);
    }
  }

  private static String describe(Throwable t) {
    return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
