/**
 * The exact response cache: a repeated request gets the stored answer without a provider call.
 *
 * <p>The pipeline's use of it, per call:
 *
 * <ol>
 *   <li>{@link dev.airlock.agent.cache.ExactCacheConfig.When#admits} decides whether the request is
 *       cacheable at all (by default only deterministic ones, see {@link
 *       dev.airlock.agent.cache.Determinism});
 *   <li>{@link dev.airlock.agent.cache.CacheKeys} derives its {@link dev.airlock.agent.cache.CacheKey}
 *       from the endpoint, the target that will answer, the tenant and the canonical body;
 *   <li>{@link dev.airlock.agent.cache.ExactCache#lookup} finds a {@link
 *       dev.airlock.agent.cache.CachedAnswer}, which {@link dev.airlock.agent.cache.AnswerReplay}
 *       hands to the application as the original bytes, in the original chunks;
 *   <li>on a miss, an {@link dev.airlock.agent.cache.AnswerRecorder} watches the response the
 *       application reads and, if it is a complete 2xx answer within the size cap, produces the
 *       answer for {@link dev.airlock.agent.cache.ExactCache#store}.
 * </ol>
 *
 * <p>Engine code only: nothing here knows a transport or bytecode.
 */
package dev.airlock.agent.cache;
