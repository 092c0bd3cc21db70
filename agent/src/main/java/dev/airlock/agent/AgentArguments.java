package dev.airlock.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agent argument string ({@code -javaagent:airlock-agent.jar=policy=PATH,telemetry=PATH}),
 * with environment variables as the fallback for each setting.
 */
public final class AgentArguments {

  private static final Set<String> KNOWN = Set.of("policy", "telemetry", "log");

  private final String policyPath;
  private final String telemetryFile;
  private final AgentLog.Level logLevel;

  private AgentArguments(String policyPath, String telemetryFile, AgentLog.Level logLevel) {
    this.policyPath = policyPath;
    this.telemetryFile = telemetryFile;
    this.logLevel = logLevel;
  }

  /**
   * Parses {@code key=value} pairs separated by commas.
   *
   * @throws IllegalArgumentException naming the offending item, for unknown keys or bad values
   */
  public static AgentArguments parse(String agentArgs, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    if (agentArgs != null && !agentArgs.isBlank()) {
      for (String item : agentArgs.split(",")) {
        String trimmed = item.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        int eq = trimmed.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "agent argument '" + trimmed + "' is not key=value (known keys: " + KNOWN + ")");
        }
        String key = trimmed.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(key)) {
          throw new IllegalArgumentException(
              "unknown agent argument '" + key + "' (known keys: policy, telemetry, log)");
        }
        values.put(key, trimmed.substring(eq + 1).trim());
      }
    }
    String policy = firstNonBlank(values.get("policy"), env.get("AIRLOCK_POLICY"));
    String telemetry = firstNonBlank(values.get("telemetry"), env.get("AIRLOCK_TELEMETRY_FILE"));
    String log = firstNonBlank(values.get("log"), env.get("AIRLOCK_LOG"));
    return new AgentArguments(policy, telemetry, parseLevel(log));
  }

  public static AgentArguments parse(String agentArgs) {
    return parse(agentArgs, System.getenv());
  }

  static AgentArguments none() {
    return new AgentArguments(null, null, AgentLog.Level.INFO);
  }

  private static AgentLog.Level parseLevel(String value) {
    if (value == null) {
      return AgentLog.Level.INFO;
    }
    try {
      return AgentLog.Level.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "log level '" + value + "' is not one of error, warn, info, debug");
    }
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }

  /** The policy file, or null to observe only. */
  public String policyPath() {
    return policyPath;
  }

  /** The OTLP JSON lines file, or null. */
  public String telemetryFile() {
    return telemetryFile;
  }

  public AgentLog.Level logLevel() {
    return logLevel;
  }

  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("policy", String.valueOf(policyPath));
    shown.put("telemetry", String.valueOf(telemetryFile));
    shown.put("log", logLevel.name().toLowerCase(Locale.ROOT));
    return Collections.unmodifiableMap(shown).toString();
  }
}
