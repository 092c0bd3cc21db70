package dev.airlock.policy;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code state:} setting: where budgets, rate limits and the cache keep their counters and
 * entries. {@code state: memory} (the default) keeps them in this JVM; {@code state:
 * redis://host:port} (or {@code rediss://} for TLS) shares them across replicas. Immutable.
 */
public final class StatePolicy {

  /** Where the state lives. */
  public enum Kind {
    /** In this JVM only; each replica counts on its own. */
    MEMORY,
    /** In Redis, shared by every replica that names the same server. */
    REDIS;

    /** {@code memory} or {@code redis}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final StatePolicy MEMORY = new StatePolicy(Kind.MEMORY, null);

  private final Kind kind;
  private final URI redisUri;

  private StatePolicy(Kind kind, URI redisUri) {
    this.kind = kind;
    this.redisUri = redisUri;
  }

  /** State in this JVM: what a policy without {@code state:} gets. */
  public static StatePolicy memory() {
    return MEMORY;
  }

  /**
   * State in the Redis server at {@code uri}.
   *
   * @throws IllegalArgumentException unless the scheme is {@code redis} or {@code rediss} and the
   *     URI names a host, or if it carries credentials ({@code user:password@}), which would end up
   *     in logs
   */
  public static StatePolicy redis(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("redis") || scheme.equals("rediss")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "a Redis URI is redis://host:port or rediss://host:port, got scheme '" + scheme + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("a Redis URI must not contain credentials");
    }
    return new StatePolicy(Kind.REDIS, uri);
  }

  public Kind kind() {
    return kind;
  }

  /** The Redis server, for {@link Kind#REDIS}; empty for memory. */
  public Optional<URI> redisUri() {
    return Optional.ofNullable(redisUri);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StatePolicy)) {
      return false;
    }
    StatePolicy s = (StatePolicy) o;
    return kind == s.kind && Objects.equals(redisUri, s.redisUri);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, redisUri);
  }

  /** {@code memory}, or the Redis URI (which never holds credentials, see {@link #redis}). */
  @Override
  public String toString() {
    return redisUri == null ? kind.id() : redisUri.toString();
  }
}
