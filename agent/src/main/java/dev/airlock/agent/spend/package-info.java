/**
 * Budgets and rate limits, independent of the policy model: the pipeline maps the policy's
 * {@code budgets:} and {@code rate_limits:} onto {@link dev.airlock.agent.spend.BudgetConfig} and
 * {@link dev.airlock.agent.spend.RateLimitConfig}, then asks {@link dev.airlock.agent.spend.RateLimiter}
 * and {@link dev.airlock.agent.spend.Budgets} about each call, before sending it and after.
 *
 * <pre>{@code
 * CallScope scope = CallScope.of(tenant, feature, user, model);
 * Permit permit = rateLimiter.acquire(scope, estimatedTokens);
 * if (!permit.allowed()) -> answer 429 with permit.retryAfter()
 * Admission admission = budgets.admit(scope, estimatedMicroUsd, estimatedTokens);
 * if (!admission.allowed()) -> answer with the budget's refusal (admission.exceededBudget())
 * if (admission.outcome() == DOWNGRADED) -> route to admission.downgradeTo()
 * ... send ...
 * admission.settle(actualMicroUsd, actualTokens);   // or admission.release() if it failed unused
 * permit.settle(actualTokens);
 * }</pre>
 *
 * <p>Counters live in a {@link dev.airlock.agent.state.CounterState}: memory, or Redis to share them
 * across replicas.
 */
package dev.airlock.agent.spend;
