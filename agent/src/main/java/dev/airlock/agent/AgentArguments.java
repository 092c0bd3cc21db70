package dev.airlock.agent;

import java.time.Duration;
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

  private static final Set<String> KNOWN = Set.of("policy", "policy.pubkey", "telemetry", "log", "reload", "extensions");

  private final String policyPath;
  private final String telemetryFile;
  private final AgentLog.Level logLevel;
  private final Duration reloadInterval;
  private final String publicKeyPath;
  private final String extensions;

  private AgentArguments(String policyPath, String telemetryFile, AgentLog.Level logLevel, Duration reloadInterval,
      String publicKeyPath, String extensions) {
    this.policyPath = policyPath;
    this.extensions = extensions;
    this.publicKeyPath = publicKeyPath;
    this.telemetryFile = telemetryFile;
    this.logLevel = logLevel;
    this.reloadInterval = reloadInterval;
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
              "unknown agent argument '" + key + "' (known keys: policy, policy.pubkey, telemetry, log, reload, extensions)");
        }
        values.put(key, trimmed.substring(eq + 1).trim());
      }
    }
    String policy = firstNonBlank(values.get("policy"), env.get("AIRLOCK_POLICY"));
    String telemetry = firstNonBlank(values.get("telemetry"), env.get("AIRLOCK_TELEMETRY_FILE"));
    String log = firstNonBlank(values.get("log"), env.get("AIRLOCK_LOG"));
    String reload = firstNonBlank(values.get("reload"), env.get("AIRLOCK_RELOAD"));
    String publicKey = firstNonBlank(values.get("policy.pubkey"), env.get("AIRLOCK_POLICY_PUBKEY"));
    // Several jars are separated by the platform's path separator (':' or ';'), never ',' (which separates arguments).
    String extensions = firstNonBlank(values.get("extensions"), env.get("AIRLOCK_EXTENSIONS"));
    return new AgentArguments(policy, telemetry, parseLevel(log), parseReload(reload), publicKey, extensions);
  }

  public static AgentArguments parse(String agentArgs) {
    return parse(agentArgs, System.getenv());
  }

  static AgentArguments none() {
    return new AgentArguments(null, null, AgentLog.Level.INFO, DEFAULT_RELOAD, null, null);
  }

  /** How often the policy file is checked for changes unless {@code reload=} says otherwise. */
  static final Duration DEFAULT_RELOAD = Duration.ofSeconds(1);

  /** {@code off}, or a duration such as {@code 500ms}, {@code 2s}, {@code 1m}. */
  private static Duration parseReload(String value) {
    if (value == null) {
      return DEFAULT_RELOAD;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("off")) {
      return null;
    }
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      if (v.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
      }
      if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new IllegalArgumentException("reload '" + value + "' is not 'off' or a duration like 500ms, 2s, 1m");
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

  /** The public key policy signatures must verify with, or null when policies are not signed. */
  public String publicKeyPath() {
    return publicKeyPath;
  }

  /** The extension jars, separated by the platform's path separator, or null when there are none. */
  public String extensions() {
    return extensions;
  }

  /** The OTLP JSON lines file, or null. */
  public String telemetryFile() {
    return telemetryFile;
  }

  public AgentLog.Level logLevel() {
    return logLevel;
  }

  /** How often to check the policy file for changes, or null when reloading is off. */
  public Duration reloadInterval() {
    return reloadInterval;
  }

  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("policy", String.valueOf(policyPath));
    shown.put("telemetry", String.valueOf(telemetryFile));
    shown.put("log", logLevel.name().toLowerCase(Locale.ROOT));
    shown.put("reload", reloadInterval == null ? "off" : reloadInterval.toString());
    shown.put("extensions", String.valueOf(extensions));
    return Collections.unmodifiableMap(shown).toString();
  }
}
