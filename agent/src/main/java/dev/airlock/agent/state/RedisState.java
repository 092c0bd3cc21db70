package dev.airlock.agent.state;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.MaintNotificationsConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counters in Redis, shared by every JVM that points at the same server: the
 * {@code state: redis://host:port} setting. Each operation is one {@code EVALSHA} of a script in
 * {@link RedisScripts}, so it is atomic and costs one round trip.
 *
 * <p>Failure is quick and explicit: a command that has no answer within the command timeout (50 ms
 * by default), a refused connection or a dropped one all raise {@link StateUnavailableException}.
 * Commands are never queued while disconnected (they would only answer late, and a late
 * reservation is worse than none); instead the state reconnects on demand, at most once per
 * {@code reconnectEvery}, or whenever {@link #probe()} asks. Wrap it in {@link ResilientState} to
 * keep answering from local counters meanwhile.
 *
 * <p>Caveat of any timeout: a command that timed out may still have reached Redis and run. A
 * reservation that did so stays reserved until its key expires with its window, and a settle that is
 * retried counts twice; both err towards refusing early, never towards overspending.
 *
 * <p>Building one does not connect; the first operation (or {@link #probe()}) does, and on a cold
 * JVM that includes loading the client (Lettuce, Netty, Reactor: about a second). The client's
 * threads (one I/O thread, one for timers and events) are daemon threads; only Netty's shared
 * "globalEventExecutor" thread, which closing a connection uses, is not, and it ends by itself a
 * second after its last task.
 */
public final class RedisState implements CounterState {

  static {
    QuietClientLogs.install();
  }

  private final RedisURI uri;
  private final String description;
  private final ClientResources resources;
  private final RedisClient client;
  private final Duration commandTimeout;
  private final Duration connectTimeout;
  private final long reconnectEveryNanos;
  private final Object connectLock = new Object();
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile long nextConnectNanos = System.nanoTime();
  private volatile boolean closed;

  private RedisState(Builder b) {
    this.uri = b.uri;
    this.description = "redis " + uri.getHost() + ":" + uri.getPort();
    this.commandTimeout = b.commandTimeout;
    this.reconnectEveryNanos = b.reconnectEvery.toNanos();
    // The URI's timeout bounds connecting (TCP, handshake) in RedisClient.connect; commands get their own below.
    this.uri.setTimeout(b.connectTimeout);
    this.connectTimeout = b.connectTimeout;
    this.resources = DefaultClientResources.builder()
        .threadFactoryProvider(pool -> new DefaultThreadFactory("airlock-redis-" + pool, true))
        .ioThreadPoolSize(1)
        .computationThreadPoolSize(1)
        .build();
    this.client = RedisClient.create(resources, uri);
    this.client.setOptions(ClientOptions.builder()
        // Reconnection is ours (on demand, throttled): Lettuce's own would queue or replay commands.
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(b.connectTimeout).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled())  // each command expires after the connection's timeout
        // Maintenance notifications are a Redis Enterprise feature that needs SLF4J, which is not bundled.
        .maintNotificationsConfig(MaintNotificationsConfig.disabled())
        .build());
  }

  /**
   * A builder for a state at {@code uri}: {@code redis://[user:password@]host[:port][/database]} or
   * {@code rediss://...} for TLS.
   *
   * @throws IllegalArgumentException if the URI is not a Redis URI
   */
  public static Builder builder(String uri) {
    return new Builder(uri);
  }

  /** Settings of a {@link RedisState}. */
  public static final class Builder {
    private final RedisURI uri;
    private Duration commandTimeout = Duration.ofMillis(50);
    private Duration connectTimeout = Duration.ofMillis(500);
    private Duration reconnectEvery = Duration.ofSeconds(1);

    private Builder(String uri) {
      if (uri == null) {
        throw new NullPointerException("uri");
      }
      try {
        this.uri = RedisURI.create(uri);
      } catch (RuntimeException e) {
        // The message of Lettuce's exception may repeat the URI, password included: keep it out.
        throw new IllegalArgumentException("not a Redis URI (expected redis://host:port)");
      }
    }

    /** How long one command may take before the state counts Redis as unavailable (default 50 ms). */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "commandTimeout");
      return this;
    }

    /** How long opening a connection may take (default 500 ms). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** The least time between two connection attempts made by operations (default 1 s). */
    public Builder reconnectEvery(Duration interval) {
      this.reconnectEvery = positive(interval, "reconnectEvery");
      return this;
    }

    public RedisState build() {
      return new RedisState(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }

  @Override
  public Reservation reserve(List<Charge> charges, long nowMillis) {
    List<Charge> list = Collections.unmodifiableList(new ArrayList<>(charges));
    int n = list.size();
    String[] keys = new String[n];
    String[] args = new String[4 * n];
    for (int i = 0; i < n; i++) {
      Charge c = list.get(i);
      keys[i] = c.key();
      args[4 * i] = Long.toString(c.amount());
      args[4 * i + 1] = Long.toString(c.limit());
      args[4 * i + 2] = c.hard() ? "1" : "0";
      args[4 * i + 3] = ttl(c.expiresAtMillis(), nowMillis);
    }
    List<Object> out = eval(RedisScripts.RESERVE, ScriptOutputType.MULTI, keys, args);
    long[] spent = new long[n];
    long[] reserved = new long[n];
    for (int i = 0; i < n; i++) {
      spent[i] = number(out.get(2 + 2 * i));
      reserved[i] = number(out.get(3 + 2 * i));
    }
    int refused = number(out.get(0)) == 1 ? -1 : (int) number(out.get(1)) - 1;
    return new Reservation(list, refused, spent, reserved, null);
  }

  @Override
  public long[] add(List<CounterDelta> deltas, long nowMillis) {
    int n = deltas.size();
    if (n == 0) {
      return new long[0];
    }
    String[] keys = new String[n];
    String[] args = new String[3 * n];
    for (int i = 0; i < n; i++) {
      CounterDelta d = deltas.get(i);
      keys[i] = d.key();
      args[3 * i] = Long.toString(d.spent());
      args[3 * i + 1] = Long.toString(d.reserved());
      args[3 * i + 2] = ttl(d.expiresAtMillis(), nowMillis);
    }
    List<Object> out = eval(RedisScripts.ADD, ScriptOutputType.MULTI, keys, args);
    long[] spentAfter = new long[n];
    for (int i = 0; i < n; i++) {
      spentAfter[i] = number(out.get(i));
    }
    return spentAfter;
  }

  @Override
  public Counter read(String key, long nowMillis) {
    List<Object> out = eval(RedisScripts.READ, ScriptOutputType.MULTI, new String[] {key}, new String[0]);
    long spent = number(out.get(0));
    long reserved = number(out.get(1));
    return spent == 0 && reserved == 0 ? Counter.ZERO : new Counter(spent, reserved);
  }

  @Override
  public RateGrant acquire(List<RateDraw> draws, long nowMicros) {
    List<RateDraw> list = Collections.unmodifiableList(new ArrayList<>(draws));
    int n = list.size();
    String[] keys = new String[n];
    String[] args = new String[1 + 3 * n];
    args[0] = Long.toString(nowMicros);
    for (int i = 0; i < n; i++) {
      RateDraw d = list.get(i);
      keys[i] = d.key();
      args[1 + 3 * i] = Long.toString(d.costMicros());
      args[2 + 3 * i] = Long.toString(d.burstMicros());
      args[3 + 3 * i] = Long.toString(d.maxDelayMicros());
    }
    List<Object> out = eval(RedisScripts.ACQUIRE, ScriptOutputType.MULTI, keys, args);
    int refused = number(out.get(0)) == 1 ? -1 : (int) number(out.get(2)) - 1;
    return new RateGrant(list, refused, number(out.get(1)), null);
  }

  @Override
  public void adjust(RateGrant grant, long[] deltaMicros, long nowMicros) {
    if (!grant.admitted()) {
      return;
    }
    List<RateDraw> draws = grant.draws();
    String[] keys = new String[draws.size()];
    String[] args = new String[1 + keys.length];
    args[0] = Long.toString(nowMicros);
    boolean any = false;
    for (int i = 0; i < keys.length; i++) {
      keys[i] = draws.get(i).key();
      args[1 + i] = Long.toString(deltaMicros[i]);
      any |= deltaMicros[i] != 0;
    }
    if (any) {
      eval(RedisScripts.ADJUST, ScriptOutputType.INTEGER, keys, args);
    }
  }

  /** Connects if needed (regardless of the reconnect throttle) and sends a PING. */
  @Override
  public void probe() {
    RedisCommands<String, String> commands = commands(true);
    try {
      commands.ping();
    } catch (RuntimeException e) {
      throw failed("ping", e);
    }
  }

  /** Closes the connection and stops the client's threads (waiting at most about a second). */
  @Override
  public void close() {
    closed = true;
    synchronized (connectLock) {
      StatefulRedisConnection<String, String> c = connection;
      connection = null;
      if (c != null) {
        c.closeAsync();
      }
    }
    client.shutdown(0, 1, TimeUnit.SECONDS);
    resources.shutdown(0, 1, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * The string stored under {@code key}, or null: for values other replicas share as a whole (the
   * exact cache's answers), not counters.
   *
   * @throws StateUnavailableException when Redis does not answer in time
   */
  public String getValue(String key) {
    try {
      return commands(false).get(key);
    } catch (StateUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed("get", e);
    }
  }

  /**
   * Stores {@code value} under {@code key} for {@code ttl}.
   *
   * @throws StateUnavailableException when Redis does not answer in time
   */
  public void setValue(String key, String value, Duration ttl) {
    try {
      commands(false).psetex(key, Math.max(1, ttl.toMillis()), value);
    } catch (StateUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed("set", e);
    }
  }

  private <T> T eval(RedisScripts.Script script, ScriptOutputType type, String[] keys, String[] args) {
    RedisCommands<String, String> commands = commands(false);
    try {
      try {
        return commands.evalsha(script.sha, type, keys, args);
      } catch (RedisNoScriptException e) {
        // A restarted or flushed Redis forgot the script: EVAL sends it along and caches it again.
        return commands.eval(script.text, type, keys, args);
      }
    } catch (RuntimeException e) {
      throw failed(script.name, e);
    }
  }

  private RedisCommands<String, String> commands(boolean force) {
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      return c.sync();
    }
    return connect(force).sync();
  }

  private StatefulRedisConnection<String, String> connect(boolean force) {
    synchronized (connectLock) {
      if (closed) {
        throw new StateUnavailableException(description + ": closed");
      }
      StatefulRedisConnection<String, String> c = connection;
      if (c != null && c.isOpen()) {
        return c;
      }
      if (c != null) {
        connection = null;
        c.closeAsync();
      }
      if (!force && nextConnectNanos - System.nanoTime() > 0) {
        throw new StateUnavailableException(description + ": unreachable, next connection attempt pending");
      }
      try {
        c = client.connect(StringCodec.UTF8);
      } catch (RuntimeException e) {
        nextConnectNanos = System.nanoTime() + reconnectEveryNanos;
        throw new StateUnavailableException(description + ": cannot connect: " + rootMessage(e), e);
      }
      try {
        // Loading the scripts up front spares the first operations a NOSCRIPT round trip, and runs
        // the client's command path once under the generous connect timeout (a cold JVM can take
        // longer than the command timeout for its first command).
        c.setTimeout(connectTimeout);
        RedisCommands<String, String> sync = c.sync();
        for (RedisScripts.Script script : RedisScripts.ALL) {
          sync.scriptLoad(script.text);
        }
        c.setTimeout(commandTimeout);
        connection = c;
        return c;
      } catch (RuntimeException e) {
        c.closeAsync();
        nextConnectNanos = System.nanoTime() + reconnectEveryNanos;
        throw new StateUnavailableException(description + ": cannot connect: " + rootMessage(e), e);
      }
    }
  }

  /** Turns a client failure into the state's exception, dropping a connection that is no longer usable. */
  private StateUnavailableException failed(String operation, RuntimeException e) {
    StatefulRedisConnection<String, String> c = connection;
    if (e instanceof RedisConnectionException || (c != null && !c.isOpen())) {
      synchronized (connectLock) {
        if (connection == c && c != null) {
          connection = null;
          c.closeAsync();
        }
      }
    }
    return new StateUnavailableException(description + ": " + operation + " failed: " + rootMessage(e), e);
  }

  private static String ttl(long expiresAtMillis, long nowMillis) {
    return Long.toString(Math.max(1, expiresAtMillis - nowMillis));
  }

  private static long number(Object o) {
    return o instanceof Number ? ((Number) o).longValue() : Long.parseLong(String.valueOf(o));
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /**
   * Keeps the Redis client's own log lines (Lettuce and Netty) off the application's stderr and out
   * of its logging framework: they go to java.util.logging loggers that are switched off unless the
   * agent runs with {@code log=debug}. In the agent jar these packages are relocated, so the names
   * below are the agent's private copies and the application's own Netty or Reactor are untouched.
   */
  static final class QuietClientLogs {
    /** Held so that java.util.logging, which keeps loggers weakly, does not forget the levels. */
    private static final List<Logger> HELD = new ArrayList<>();

    private QuietClientLogs() {}

    static synchronized void install() {
      if (!HELD.isEmpty()) {
        return;
      }
      InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
      reactor.util.Loggers.useJdkLoggers();
      Level level = dev.airlock.agent.AgentLog.isDebug() ? Level.FINE : Level.OFF;
      for (String name : new String[] {"io.lettuce", "io.netty", "reactor"}) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        HELD.add(logger);
      }
    }
  }
}
