package dev.airlock.agent.spend;

import java.util.Objects;

/**
 * One counter's scope: a kind and the call's value for it, e.g. {@code tenant:acme}. A call with no
 * value for the kind (no tenant known) counts under {@code tenant:(none)}, one shared counter for all
 * such calls; {@link ScopeKind#GLOBAL} has no value and reads {@code global}.
 */
public final class ScopeKey {

  /** How a missing value reads. */
  public static final String NONE = "(none)";

  private final ScopeKind kind;
  private final String value;
  /** The value as a key segment, computed on first use. */
  private String keyPart;

  private ScopeKey(ScopeKind kind, String value) {
    this.kind = kind;
    this.value = value;
  }

  /** The key of {@code kind} for {@code value}; a null or blank value, and any value for GLOBAL, mean none. */
  public static ScopeKey of(ScopeKind kind, String value) {
    Objects.requireNonNull(kind, "kind");
    if (kind == ScopeKind.GLOBAL || value == null || value.trim().isEmpty()) {
      return new ScopeKey(kind, null);
    }
    return new ScopeKey(kind, value);
  }

  public ScopeKind kind() {
    return kind;
  }

  /** The call's value, or null when it had none (and always for GLOBAL). */
  public String value() {
    return value;
  }

  /** True when the call had no value for this kind (never for GLOBAL). */
  public boolean isNone() {
    return value == null && kind != ScopeKind.GLOBAL;
  }

  /** The value's segment in counter keys: escaped value, {@code (none)}, or {@code *} for GLOBAL. */
  String keyPart() {
    String p = keyPart;
    if (p == null) {
      p = kind == ScopeKind.GLOBAL ? "*" : value == null ? NONE : Keys.escape(value);
      keyPart = p;
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScopeKey && ((ScopeKey) o).kind == kind && Objects.equals(((ScopeKey) o).value, value);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Objects.hashCode(value);
  }

  /** {@code tenant:acme}, {@code tenant:(none)}, {@code global}. */
  @Override
  public String toString() {
    return kind == ScopeKind.GLOBAL ? kind.id() : kind.id() + ":" + (value == null ? NONE : value);
  }
}
