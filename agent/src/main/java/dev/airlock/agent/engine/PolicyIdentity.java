package dev.airlock.agent.engine;

/** Which policy is in force, as every span names it: name, version and the file's sha256. */
public final class PolicyIdentity {

  /** No policy file: the agent observes only. */
  public static final PolicyIdentity OBSERVE_ONLY = new PolicyIdentity("(none)", "", "");

  private final String name;
  private final String version;
  private final String sha256;

  public PolicyIdentity(String name, String version, String sha256) {
    this.name = name;
    this.version = version == null ? "" : version;
    this.sha256 = sha256 == null ? "" : sha256;
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  public String sha256() {
    return sha256;
  }

  public boolean isObserveOnly() {
    return this == OBSERVE_ONLY;
  }

  /** {@code acme (2026-11-22.1, sha256 1a2b3c4d5e6f)}. */
  @Override
  public String toString() {
    if (isObserveOnly()) {
      return "none (observe only)";
    }
    String shortSha = sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    return name + (version.isEmpty() ? "" : " " + version) + " (sha256 " + shortSha + ")";
  }
}
