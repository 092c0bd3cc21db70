package dev.airlock.agent.cli;

import dev.airlock.agent.cost.Price;
import dev.airlock.agent.cost.PriceTable;

/**
 * What one request can cost, as far as it can be known before the answer: the price of the model
 * that answers (the route's first target's model when a route changes it, else the application's),
 * from the policy's {@code models:} over the built-in table, and the most the output can cost when
 * the request caps it with {@code max_tokens}. No input estimate: without the provider's tokenizer
 * any count would be a guess dressed as a number.
 */
final class CostEstimate {

  private final String model;
  private final boolean routed;
  private final Price price;
  private final String source;
  private final Long maxTokens;

  private CostEstimate(String model, boolean routed, Price price, String source, Long maxTokens) {
    this.model = model;
    this.routed = routed;
    this.price = price;
    this.source = source;
    this.maxTokens = maxTokens;
  }

  static CostEstimate of(DryRunResult result) {
    if (result.request() == null) {
      return new CostEstimate(null, false, null, null, null);
    }
    String appModel = result.request().model();
    ChainTarget first = result.route().first();
    String model = first != null && first.model() != null ? first.model() : appModel;
    boolean routed = model != null && !model.equals(appModel);
    Price price = model == null ? null : result.state().prices().find(model);
    String source = price == null ? null : source(model, price);
    return new CostEstimate(model, routed, price, source, result.request().maxTokens());
  }

  /** Where the price comes from: whatever differs from the built-in table is the policy's {@code models:}. */
  private static String source(String model, Price price) {
    if (!price.equals(PriceTable.builtIn().find(model))) {
      return "policy models";
    }
    String asOf = PriceTable.builtIn().asOf();
    return "built-in prices" + (asOf == null ? "" : " as of " + asOf);
  }

  /** The model priced, or null when the call is not observed or names no model. */
  String model() {
    return model;
  }

  /** Whether the priced model is a route's rather than the one the application asked for. */
  boolean routed() {
    return routed;
  }

  /** The price, or null when none is known. */
  Price price() {
    return price;
  }

  /** {@code policy models} or {@code built-in prices as of ...}; null without a price. */
  String source() {
    return source;
  }

  /** The request's {@code max_tokens}, or null. */
  Long maxTokens() {
    return maxTokens;
  }

  /** The most the output can cost in USD, or null when there is no price or no {@code max_tokens}. */
  Double maxOutputUsd() {
    return price == null || maxTokens == null ? null : maxTokens * price.output() / 1e6;
  }
}
