package dev.airlock.agent.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The facts of one finished LLM call that go into the audit log: who called, under which policy,
 * where the request was addressed and where it was really sent, what the guards found and did, and
 * what the call cost. It holds no content by construction: no prompt, no answer, no PII value, no
 * header, no key; only names, counts, identifiers and numbers. Immutable; build with {@link
 * #builder()}. {@link AuditLine} turns it into a line.
 */
public final class AuditRecord {

  private final Instant timestamp;
  private final String callId;
  private final String traceId;
  private final String spanId;
  private final String policyName;
  private final String policyVersion;
  private final String policySha256;
  private final String tenant;
  private final String feature;
  private final String user;
  private final String appProvider;
  private final String appModel;
  private final String endpoint;
  private final boolean sent;
  private final String sentProvider;
  private final String sentModel;
  private final String sentHost;
  private final String sentRegion;
  private final String route;
  private final int attempts;
  private final int fallbacks;
  private final Map<String, Integer> piiCounts;
  private final Map<String, String> piiActions;
  private final double injectionScore;
  private final boolean injectionFlagged;
  private final boolean injectionBlocked;
  private final String blockedRule;
  private final Set<String> outputTypes;
  private final String outputJsonProblem;
  private final String cache;
  private final int status;
  private final String errorType;
  private final long inputTokens;
  private final long outputTokens;
  private final double costUsd;
  private final long durationMs;

  private AuditRecord(Builder b) {
    this.timestamp = Objects.requireNonNull(b.timestamp, "timestamp");
    this.callId = Objects.requireNonNull(b.callId, "callId");
    this.traceId = b.traceId;
    this.spanId = b.spanId;
    this.policyName = b.policyName;
    this.policyVersion = b.policyVersion;
    this.policySha256 = b.policySha256;
    this.tenant = b.tenant;
    this.feature = b.feature;
    this.user = b.user;
    this.appProvider = b.appProvider;
    this.appModel = b.appModel;
    this.endpoint = b.endpoint;
    this.sent = b.sent;
    this.sentProvider = b.sentProvider;
    this.sentModel = b.sentModel;
    this.sentHost = b.sentHost;
    this.sentRegion = b.sentRegion;
    this.route = b.route;
    this.attempts = b.attempts;
    this.fallbacks = b.fallbacks;
    this.piiCounts = Collections.unmodifiableMap(new LinkedHashMap<>(b.piiCounts));
    this.piiActions = Collections.unmodifiableMap(new LinkedHashMap<>(b.piiActions));
    this.injectionScore = b.injectionScore;
    this.injectionFlagged = b.injectionFlagged;
    this.injectionBlocked = b.injectionBlocked;
    this.blockedRule = b.blockedRule;
    this.outputTypes = Collections.unmodifiableSet(new LinkedHashSet<>(b.outputTypes));
    this.outputJsonProblem = b.outputJsonProblem;
    this.cache = b.cache;
    this.status = b.status;
    this.errorType = b.errorType;
    this.inputTokens = b.inputTokens;
    this.outputTokens = b.outputTokens;
    this.costUsd = b.costUsd;
    this.durationMs = b.durationMs;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** When the call ended. */
  public Instant timestamp() {
    return timestamp;
  }

  /** Identifies the call in this log: its span id when tracing is on, else a random id. */
  public String callId() {
    return callId;
  }

  /** The call span's trace id, or null when the span is not recorded. */
  public String traceId() {
    return traceId;
  }

  /** The call span's id, or null when the span is not recorded. */
  public String spanId() {
    return spanId;
  }

  public String policyName() {
    return policyName;
  }

  public String policyVersion() {
    return policyVersion;
  }

  public String policySha256() {
    return policySha256;
  }

  /** The tenant, or null when none was resolved. */
  public String tenant() {
    return tenant;
  }

  /** The feature, or null when none was resolved. */
  public String feature() {
    return feature;
  }

  /** The user, or null when none was resolved. */
  public String user() {
    return user;
  }

  /** The provider the application addressed (the policy's name for it). */
  public String appProvider() {
    return appProvider;
  }

  /** The model the application asked for, or null. */
  public String appModel() {
    return appModel;
  }

  /** The API the application called ({@code openai_chat}, {@code anthropic_messages}, ...). */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Whether the request left the JVM: false for a call that was blocked (a guard, a route, a budget,
   * a rate limit) or answered from the cache, which then has no {@code sent_to}.
   */
  public boolean sent() {
    return sent;
  }

  /** The provider that answered (a routed call's target, or the one addressed); null when not {@link #sent()}. */
  public String sentProvider() {
    return sentProvider;
  }

  public String sentModel() {
    return sentModel;
  }

  public String sentHost() {
    return sentHost;
  }

  /** The policy's region of the provider that answered, or null when the policy gives none. */
  public String sentRegion() {
    return sentRegion;
  }

  /** The route that decided the call, or null. */
  public String route() {
    return route;
  }

  /** Requests sent upstream, retries and fallbacks included; 0 when nothing was sent. */
  public int attempts() {
    return attempts;
  }

  /** How many targets of the chain were given up on. */
  public int fallbacks() {
    return fallbacks;
  }

  /** PII found in the request, as type to number of values. */
  public Map<String, Integer> piiCounts() {
    return piiCounts;
  }

  /** What was done with each PII type found ({@code mask}, {@code pseudonymize}, {@code block}, {@code detect}). */
  public Map<String, String> piiActions() {
    return piiActions;
  }

  /** The prompt-injection score, or a negative number when the policy does not score. */
  public double injectionScore() {
    return injectionScore;
  }

  public boolean injectionFlagged() {
    return injectionFlagged;
  }

  public boolean injectionBlocked() {
    return injectionBlocked;
  }

  /** The rule that refused the call or its answer, or null. */
  public String blockedRule() {
    return blockedRule;
  }

  /** PII and secret types the output rules found in the answer. */
  public Set<String> outputTypes() {
    return outputTypes;
  }

  /** Why the answer is not the JSON the request asked for, or null. */
  public String outputJsonProblem() {
    return outputJsonProblem;
  }

  /** {@code hit}, {@code miss}, {@code semantic_hit}, or null when no cache was asked. */
  public String cache() {
    return cache;
  }

  /** The HTTP status the application got, or -1 when there was no response. */
  public int status() {
    return status;
  }

  /** Why the call failed ({@code airlock_blocked}, a status, an exception class), or null. */
  public String errorType() {
    return errorType;
  }

  /** Input tokens, or -1 when the provider reported no usage. */
  public long inputTokens() {
    return inputTokens;
  }

  /** Output tokens, or -1 when the provider reported no usage. */
  public long outputTokens() {
    return outputTokens;
  }

  /** The cost in USD, or NaN when the model has no price or the call used nothing measurable. */
  public double costUsd() {
    return costUsd;
  }

  public long durationMs() {
    return durationMs;
  }

  /** Builds an {@link AuditRecord}; {@link #timestamp} and {@link #callId} are required. */
  public static final class Builder {
    private Instant timestamp;
    private String callId;
    private String traceId;
    private String spanId;
    private String policyName;
    private String policyVersion;
    private String policySha256;
    private String tenant;
    private String feature;
    private String user;
    private String appProvider;
    private String appModel;
    private String endpoint;
    private boolean sent;
    private String sentProvider;
    private String sentModel;
    private String sentHost;
    private String sentRegion;
    private String route;
    private int attempts;
    private int fallbacks;
    private Map<String, Integer> piiCounts = Map.of();
    private Map<String, String> piiActions = Map.of();
    private double injectionScore = -1;
    private boolean injectionFlagged;
    private boolean injectionBlocked;
    private String blockedRule;
    private Set<String> outputTypes = Set.of();
    private String outputJsonProblem;
    private String cache;
    private int status = -1;
    private String errorType;
    private long inputTokens = -1;
    private long outputTokens = -1;
    private double costUsd = Double.NaN;
    private long durationMs;

    private Builder() {}

    public Builder timestamp(Instant timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** The call's identifiers; {@code traceId} and {@code spanId} may be null (span not recorded). */
    public Builder ids(String callId, String traceId, String spanId) {
      this.callId = callId;
      this.traceId = traceId;
      this.spanId = spanId;
      return this;
    }

    public Builder policy(String name, String version, String sha256) {
      this.policyName = name;
      this.policyVersion = version;
      this.policySha256 = sha256;
      return this;
    }

    public Builder identity(String tenant, String feature, String user) {
      this.tenant = tenant;
      this.feature = feature;
      this.user = user;
      return this;
    }

    /** What the application addressed. */
    public Builder app(String provider, String model, String endpoint) {
      this.appProvider = provider;
      this.appModel = model;
      this.endpoint = endpoint;
      return this;
    }

    /** Where the request went; call only when it left the JVM. */
    public Builder sentTo(String provider, String model, String host, String region) {
      this.sent = true;
      this.sentProvider = provider;
      this.sentModel = model;
      this.sentHost = host;
      this.sentRegion = region;
      return this;
    }

    public Builder route(String route, int attempts, int fallbacks) {
      this.route = route;
      this.attempts = attempts;
      this.fallbacks = fallbacks;
      return this;
    }

    /** PII found in the request: type to count, and type to action. */
    public Builder pii(Map<String, Integer> counts, Map<String, String> actions) {
      this.piiCounts = Objects.requireNonNull(counts, "counts");
      this.piiActions = Objects.requireNonNull(actions, "actions");
      return this;
    }

    /** @param score a negative number when the policy does not score prompt injection */
    public Builder injection(double score, boolean flagged, boolean blocked) {
      this.injectionScore = score;
      this.injectionFlagged = flagged;
      this.injectionBlocked = blocked;
      return this;
    }

    public Builder blockedRule(String blockedRule) {
      this.blockedRule = blockedRule;
      return this;
    }

    public Builder output(Set<String> types, String jsonProblem) {
      this.outputTypes = Objects.requireNonNull(types, "types");
      this.outputJsonProblem = jsonProblem;
      return this;
    }

    public Builder cache(String cache) {
      this.cache = cache;
      return this;
    }

    public Builder outcome(int status, String errorType) {
      this.status = status;
      this.errorType = errorType;
      return this;
    }

    /** Tokens as the provider reported them; leave unset when it reported none. */
    public Builder tokens(long input, long output) {
      this.inputTokens = input;
      this.outputTokens = output;
      return this;
    }

    public Builder costUsd(double costUsd) {
      this.costUsd = costUsd;
      return this;
    }

    public Builder durationMs(long durationMs) {
      this.durationMs = durationMs;
      return this;
    }

    public AuditRecord build() {
      return new AuditRecord(this);
    }
  }
}
