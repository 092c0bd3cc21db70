/**
 * Where budget and rate-limit counters live: in this JVM ({@link dev.airlock.agent.state.MemoryState}),
 * shared by every replica through Redis ({@link dev.airlock.agent.state.RedisState}), or Redis with a
 * local fallback while it is unreachable ({@link dev.airlock.agent.state.ResilientState}).
 *
 * <p>The package knows nothing of budgets, scopes or policies: it stores two kinds of counters under
 * string keys that its callers build, and offers the few atomic operations they need.
 *
 * <ul>
 *   <li><b>Budget counters</b> hold {@code spent} (settled) and {@code reserved} (held by calls in
 *       flight). {@link dev.airlock.agent.state.CounterState#reserve reserve} checks and reserves
 *       against several counters in one atomic step; {@link dev.airlock.agent.state.CounterState#add
 *       add} moves amounts between the two afterwards (settle, release, catch-up).</li>
 *   <li><b>Rate counters</b> hold one number, the GCRA "theoretical arrival time" in microseconds
 *       since the epoch (a token bucket expressed as a time). {@link
 *       dev.airlock.agent.state.CounterState#acquire acquire} admits or refuses several of them in
 *       one atomic step; {@link dev.airlock.agent.state.CounterState#adjust adjust} corrects them
 *       once a call's real size is known.</li>
 * </ul>
 *
 * <p>The memory and Redis implementations run the same arithmetic (the Redis one as Lua scripts,
 * one {@code EVALSHA} round trip per operation), so a limit behaves the same whichever holds it.
 * Times always come from the caller's clock, never from Redis, so that tests can drive them and so
 * that both implementations see the same instant.
 *
 * <p><b>Key names</b> are chosen by the callers ({@code dev.airlock.agent.spend}); they read
 * <pre>
 *   airlock:budget:&lt;scope kind&gt;:&lt;scope value&gt;:&lt;unit&gt;-&lt;window&gt;:&lt;window start, UTC yyyyMMdd'T'HHmm&gt;
 *       e.g. airlock:budget:tenant:acme:usd-day:20261122T0000       (a hash: s = spent, r = reserved)
 *   airlock:rate:&lt;scope kind&gt;:&lt;scope value&gt;:&lt;requests|tokens&gt;-&lt;limit&gt;-per-&lt;interval&gt;
 *       e.g. airlock:rate:tenant:acme:requests-600-per-60s          (a string: the GCRA time)
 * </pre>
 * A second budget with the same scope, unit and window gets {@code usd-day-2}, and so on, so that
 * each budget keeps its own counter. Budget keys expire a grace period (15 minutes) after their
 * window ends, so that calls admitted just before the end still settle into them; rate keys expire one second after
 * their bucket would be full again. All keys of one operation are passed to one script, so on a
 * Redis Cluster they would have to share a hash slot: the agent expects a single Redis (with
 * replicas or Sentinel in front of it if you like).
 */
package dev.airlock.agent.state;
