package dev.airlock.agent.cli;

import dev.airlock.agent.codec.Usage;
import java.util.Locale;

/**
 * What the agent reserves against budgets and rate limits for one request before sending it, as
 * {@code Pipeline.begin} estimates it: the prompt at four bytes a token, plus {@code max_tokens}
 * for the answer (without it, the agent's own default allowance, not repeated here), priced at the
 * requested model. The reservation is settled with the answer's real usage; nothing is reserved
 * for a request that is not sent.
 */
final class SpendEstimate {

  private final String model;
  private final long inputTokens;
  private final Long maxTokens;
  private final Double usd;

  private SpendEstimate(String model, long inputTokens, Long maxTokens, Double usd) {
    this.model = model;
    this.inputTokens = inputTokens;
    this.maxTokens = maxTokens;
    this.usd = usd;
  }

  /** The estimate of an observed request ({@link DryRunResult#request()} not null). */
  static SpendEstimate of(DryRunResult result) {
    String model = result.request().model() == null ? "unknown" : result.request().model();
    long input = Math.max(1, result.spec().body().length / 4);
    Long max = result.request().maxTokens();
    Double usd = null;
    if (max != null) {
      double cost = result.state().prices().costUsd(model, Usage.of(input, max, 0, 0, 0));
      usd = Double.isNaN(cost) ? null : cost;
    }
    return new SpendEstimate(model, input, max, usd);
  }

  /** The prompt estimate in tokens (body bytes / 4, at least 1). */
  long inputTokens() {
    return inputTokens;
  }

  /** The request's {@code max_tokens}, or null (the agent then adds its default allowance). */
  Long maxTokens() {
    return maxTokens;
  }

  /** Input and output tokens reserved, or null without {@code max_tokens}. */
  Long tokens() {
    return maxTokens == null ? null : inputTokens + maxTokens;
  }

  /** USD reserved, or null without {@code max_tokens} or without a price for the model. */
  Double usd() {
    return usd;
  }

  /** {@code about 120 input tokens (4 bytes a token) + max_tokens 300}. */
  String tokensText() {
    String input = "about " + inputTokens + " input tokens (4 bytes a token)";
    return maxTokens == null ? input + " + the agent's default output allowance (no max_tokens)"
        : input + " + max_tokens " + maxTokens;
  }

  /** The reservation in USD, in words. */
  String usdText() {
    if (maxTokens == null) {
      return "priced at " + model + " for " + tokensText();
    }
    if (usd == null) {
      return "$0 reserved: no price for " + model + " (" + tokensText() + ")";
    }
    return String.format(Locale.ROOT, "about %s at %s prices (%s)", Units.usd(usd), model, tokensText());
  }
}
