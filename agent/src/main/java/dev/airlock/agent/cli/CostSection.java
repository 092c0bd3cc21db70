package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.cost.Price;
import dev.airlock.agent.cost.PriceTable;
import java.util.Locale;

/**
 * The model's price as the agent will apply it to the answer's usage (policy {@code models:} over
 * the built-in table), and the most the output can cost when the request caps it. No input
 * estimate: without the provider's tokenizer any count would be a guess dressed as a number.
 */
final class CostSection implements ExplanationSection {

  private final DryRunResult result;

  CostSection(DryRunResult result) {
    this.result = result;
  }

  @Override
  public String key() {
    return "cost";
  }

  @Override
  public void writeText(TextReport out) {
    String model = model();
    if (model == null) {
      out.row("cost", result.request() == null ? "not priced: the call is not observed" : "not priced: no model in the request");
      return;
    }
    Price price = result.state().prices().find(model);
    if (price == null) {
      out.row("cost", model + ": no price known (built-in table or policy models:); the span will carry no cost");
      return;
    }
    String line = String.format(Locale.ROOT, "%s: $%s input, $%s output per 1M tokens (%s)", model,
        number(price.input()), number(price.output()), source(model));
    Long max = result.request().maxTokens();
    if (max != null) {
      line += String.format(Locale.ROOT, "; output at most $%.6f (max_tokens %d)", max * price.output() / 1e6, max);
    }
    out.row("cost", line);
  }

  @Override
  public void writeJson(ObjectNode node) {
    String model = model();
    node.put("model", model);
    Price price = model == null ? null : result.state().prices().find(model);
    if (price == null) {
      node.putNull("price");
      return;
    }
    ObjectNode p = node.putObject("price");
    p.put("input_per_million", price.input());
    p.put("output_per_million", price.output());
    p.put("cached_input_per_million", price.cachedInput());
    p.put("cache_write_per_million", price.cacheWrite());
    node.put("source", source(model));
    Long max = result.request().maxTokens();
    if (max != null) {
      node.put("max_output_cost_usd", max * price.output() / 1e6);
    }
  }

  private String model() {
    return result.request() == null ? null : result.request().model();
  }

  /** Where the price comes from: whatever differs from the built-in table is the policy's {@code models:}. */
  private String source(String model) {
    Price builtIn = PriceTable.builtIn().find(model);
    if (!result.state().prices().find(model).equals(builtIn)) {
      return "policy models";
    }
    String asOf = PriceTable.builtIn().asOf();
    return "built-in prices" + (asOf == null ? "" : " as of " + asOf);
  }

  /** {@code 0.15}, {@code 0.60}, {@code 0.075}: at least cents, no float noise. */
  private static String number(double d) {
    java.math.BigDecimal b = java.math.BigDecimal.valueOf(d).stripTrailingZeros();
    return b.scale() < 2 ? b.setScale(2).toPlainString() : b.toPlainString();
  }
}
