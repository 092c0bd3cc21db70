package dev.airlock.agent.spend;

import java.util.Locale;

/** What a budget or rate limit is counted per: the policy's {@code per:} value. */
public enum ScopeKind {
  /** Per tenant (customer, organisation), as identity resolution found it. */
  TENANT("tenant"),
  /** Per feature of the application (the part of the product that made the call). */
  FEATURE("feature"),
  /** Per end user. */
  USER("user"),
  /** Per model requested. */
  MODEL("model"),
  /** One counter for all calls of the application (of every replica, with shared state). */
  GLOBAL("global");

  private final String id;

  ScopeKind(String id) {
    this.id = id;
  }

  /** The policy's name for it, and the key segment in Redis: {@code tenant}, {@code feature}, ... */
  public String id() {
    return id;
  }

  /**
   * The kind named {@code id} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static ScopeKind of(String id) {
    if (id != null) {
      String lower = id.trim().toLowerCase(Locale.ROOT);
      for (ScopeKind k : values()) {
        if (k.id.equals(lower)) {
          return k;
        }
      }
    }
    throw new IllegalArgumentException("unknown scope '" + id + "' (expected tenant, feature, user, model or global)");
  }

  @Override
  public String toString() {
    return id;
  }
}
