package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code routes:}. Routes are tried in file order and the first whose {@link #when()}
 * matches decides: it refuses the request ({@link #deny()}), or sends it along {@link #to()} (a
 * fallback chain tried in order), possibly with a {@link #canary()} share and a {@link #shadow()}
 * copy. A route without {@code to} sends the request where the application addressed it, with the
 * route's other settings applied (a PII action, a region requirement).
 *
 * <p>Immutable; build with {@link #builder(String)}.
 */
public final class RoutePolicy {

  private final String name;
  private final RouteMatch when;
  private final String deny;
  private final List<TargetRef> to;
  private final CanaryPolicy canary;
  private final ShadowPolicy shadow;
  private final String requireRegion;
  private final PiiPolicy.Action piiAction;
  private final int line;

  private RoutePolicy(Builder b) {
    this.name = b.name;
    this.when = b.when;
    this.deny = b.deny;
    this.to = Collections.unmodifiableList(new ArrayList<>(b.to));
    this.canary = b.canary;
    this.shadow = b.shadow;
    this.requireRegion = b.requireRegion;
    this.piiAction = b.piiAction;
    this.line = b.line;
    if (deny != null && (!to.isEmpty() || canary != null || shadow != null)) {
      throw new IllegalArgumentException(
          "route '" + name + "' denies, so it cannot also send (to, canary, shadow)");
    }
  }

  /** Starts a route called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The route's {@code name}, or {@code route-N} (N counted from 1 in file order) without one. */
  public String name() {
    return name;
  }

  /** The conditions; never null, and {@link RouteMatch#isEmpty() empty} matches every request. */
  public RouteMatch when() {
    return when;
  }

  /**
   * {@code deny:}: the message of the error a matching request gets instead of an answer (in the
   * provider's wire format, naming the route). Empty for a route that sends.
   */
  public Optional<String> deny() {
    return Optional.ofNullable(deny);
  }

  /**
   * {@code to:}: the targets in fallback order (one target is a chain of one). Empty when the route
   * denies, or when it has no {@code to} and the request goes where the application addressed it.
   */
  public List<TargetRef> to() {
    return to;
  }

  /** {@code canary:}, if the route has one. */
  public Optional<CanaryPolicy> canary() {
    return Optional.ofNullable(canary);
  }

  /** {@code shadow:}, if the route has one. */
  public Optional<ShadowPolicy> shadow() {
    return Optional.ofNullable(shadow);
  }

  /**
   * {@code require_region:}: every provider this route sends to (chain, retries, fallbacks, canary,
   * shadow) must declare this region. The loader checks the targets it can see ({@code to}, canary,
   * shadow, and {@code when.provider} for a route without {@code to}); a route without {@code to}
   * and without {@code when.provider} can only be checked per request.
   */
  public Optional<String> requireRegion() {
    return Optional.ofNullable(requireRegion);
  }

  /**
   * {@code pii: {action: ...}}: the PII action for requests this route matches, overriding the pii
   * section's.
   */
  public Optional<PiiPolicy.Action> piiAction() {
    return Optional.ofNullable(piiAction);
  }

  /**
   * 1-based line of the route in the policy file (for {@code airlock explain}); 0 if built in code.
   */
  public int line() {
    return line;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RoutePolicy)) {
      return false;
    }
    RoutePolicy r = (RoutePolicy) o;
    return name.equals(r.name)
        && when.equals(r.when)
        && Objects.equals(deny, r.deny)
        && to.equals(r.to)
        && Objects.equals(canary, r.canary)
        && Objects.equals(shadow, r.shadow)
        && Objects.equals(requireRegion, r.requireRegion)
        && piiAction == r.piiAction
        && line == r.line;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, when, deny, to, canary, shadow, requireRegion, piiAction, line);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Route[name=").append(name);
    if (!when.isEmpty()) {
      sb.append(", when=").append(when);
    }
    if (deny != null) {
      sb.append(", deny");
    }
    if (!to.isEmpty()) {
      sb.append(", to=").append(to);
    }
    if (canary != null) {
      sb.append(", canary=").append(canary);
    }
    if (shadow != null) {
      sb.append(", shadow=").append(shadow);
    }
    if (requireRegion != null) {
      sb.append(", requireRegion=").append(requireRegion);
    }
    if (piiAction != null) {
      sb.append(", pii=").append(piiAction.id());
    }
    return sb.append(", line=").append(line).append(']').toString();
  }

  /** Builds a {@link RoutePolicy}; everything but the name is optional. */
  public static final class Builder {
    private final String name;
    private RouteMatch when = RouteMatch.any();
    private String deny;
    private final List<TargetRef> to = new ArrayList<>();
    private CanaryPolicy canary;
    private ShadowPolicy shadow;
    private String requireRegion;
    private PiiPolicy.Action piiAction;
    private int line;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder when(RouteMatch when) {
      this.when = Objects.requireNonNull(when, "when");
      return this;
    }

    /** The refusal message; null for a route that sends. */
    public Builder deny(String message) {
      this.deny = message;
      return this;
    }

    /** Appends targets to the fallback chain. */
    public Builder to(Collection<TargetRef> targets) {
      for (TargetRef t : targets) {
        to.add(Objects.requireNonNull(t, "target"));
      }
      return this;
    }

    public Builder canary(CanaryPolicy canary) {
      this.canary = canary;
      return this;
    }

    public Builder shadow(ShadowPolicy shadow) {
      this.shadow = shadow;
      return this;
    }

    public Builder requireRegion(String region) {
      this.requireRegion = region;
      return this;
    }

    public Builder piiAction(PiiPolicy.Action action) {
      this.piiAction = action;
      return this;
    }

    /** 1-based source line; 0 when unknown. */
    public Builder line(int line) {
      this.line = line;
      return this;
    }

    /**
     * @throws IllegalArgumentException if the route both denies and sends
     */
    public RoutePolicy build() {
      return new RoutePolicy(this);
    }
  }
}
