package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.cost.Price;
import java.util.Locale;

/**
 * The model's price as the agent will apply it to the answer's usage (policy {@code models:} over
 * the built-in table), and the most the output can cost when the request caps it (see {@link
 * CostEstimate}).
 */
final class CostSection implements ExplanationSection {

  private final DryRunResult result;
  private final CostEstimate cost;

  CostSection(DryRunResult result) {
    this.result = result;
    this.cost = CostEstimate.of(result);
  }

  @Override
  public String key() {
    return "cost";
  }

  @Override
  public void writeText(TextReport out) {
    String model = cost.model();
    if (model == null) {
      out.row("cost", result.request() == null ? "not priced: the call is not observed" : "not priced: no model in the request");
      return;
    }
    Price price = cost.price();
    if (price == null) {
      out.row("cost", model + ": no price known (built-in table or policy models:); the span will carry no cost");
      return;
    }
    String line = String.format(Locale.ROOT, "%s: $%s input, $%s output per 1M tokens (%s%s)", model,
        Units.price(price.input()), Units.price(price.output()), cost.source(),
        cost.routed() ? "; the route's model" : "");
    if (cost.maxOutputUsd() != null) {
      line += String.format(Locale.ROOT, "; output at most %s (max_tokens %d)", Units.usd(cost.maxOutputUsd()),
          cost.maxTokens());
    }
    out.row("cost", line);
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("model", cost.model());
    Price price = cost.price();
    if (price == null) {
      node.putNull("price");
      return;
    }
    ObjectNode p = node.putObject("price");
    p.put("input_per_million", price.input());
    p.put("output_per_million", price.output());
    p.put("cached_input_per_million", price.cachedInput());
    p.put("cache_write_per_million", price.cacheWrite());
    node.put("source", cost.source());
    node.put("routed", cost.routed());
    if (cost.maxOutputUsd() != null) {
      node.put("max_output_cost_usd", cost.maxOutputUsd());
    }
  }
}
