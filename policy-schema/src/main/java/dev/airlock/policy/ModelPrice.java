package dev.airlock.policy;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model costs, in US dollars per million tokens, as written under {@code models:}. Exact
 * decimals, because these numbers are multiplied by token counts and summed into budgets.
 *
 * <p>Cached input ({@code cached_input}) and cache writes ({@code cache_write}) are priced
 * separately by providers that offer prompt caching; when absent the agent decides how to bill
 * those tokens (normally at the input price).
 *
 * <p>Immutable.
 */
public final class ModelPrice {

  private final BigDecimal inputPerMillion;
  private final BigDecimal outputPerMillion;
  private final BigDecimal cachedInputPerMillion;
  private final BigDecimal cacheWritePerMillion;

  private ModelPrice(
      BigDecimal input, BigDecimal output, BigDecimal cachedInput, BigDecimal cacheWrite) {
    this.inputPerMillion = nonNegative(Objects.requireNonNull(input, "input"), "input");
    this.outputPerMillion = nonNegative(Objects.requireNonNull(output, "output"), "output");
    this.cachedInputPerMillion =
        cachedInput == null ? null : nonNegative(cachedInput, "cached_input");
    this.cacheWritePerMillion = cacheWrite == null ? null : nonNegative(cacheWrite, "cache_write");
  }

  /** Input and output prices only. */
  public static ModelPrice of(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    return new ModelPrice(inputPerMillion, outputPerMillion, null, null);
  }

  /**
   * All four prices.
   *
   * @param cachedInputPerMillion null when not priced separately
   * @param cacheWritePerMillion null when not priced separately
   */
  public static ModelPrice of(
      BigDecimal inputPerMillion,
      BigDecimal outputPerMillion,
      BigDecimal cachedInputPerMillion,
      BigDecimal cacheWritePerMillion) {
    return new ModelPrice(
        inputPerMillion, outputPerMillion, cachedInputPerMillion, cacheWritePerMillion);
  }

  private static BigDecimal nonNegative(BigDecimal v, String what) {
    if (v.signum() < 0) {
      throw new IllegalArgumentException(what + " price must not be negative");
    }
    return v;
  }

  /** USD per million input (prompt) tokens: key {@code input}. */
  public BigDecimal inputPerMillion() {
    return inputPerMillion;
  }

  /** USD per million output (completion) tokens: key {@code output}. */
  public BigDecimal outputPerMillion() {
    return outputPerMillion;
  }

  /**
   * USD per million input tokens read from the provider's prompt cache: key {@code cached_input}.
   */
  public Optional<BigDecimal> cachedInputPerMillion() {
    return Optional.ofNullable(cachedInputPerMillion);
  }

  /**
   * USD per million input tokens written to the provider's prompt cache: key {@code cache_write}.
   */
  public Optional<BigDecimal> cacheWritePerMillion() {
    return Optional.ofNullable(cacheWritePerMillion);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ModelPrice)) {
      return false;
    }
    // compareTo, not equals: 0.20 and 0.2 are the same price.
    ModelPrice m = (ModelPrice) o;
    return inputPerMillion.compareTo(m.inputPerMillion) == 0
        && outputPerMillion.compareTo(m.outputPerMillion) == 0
        && sameOptional(cachedInputPerMillion, m.cachedInputPerMillion)
        && sameOptional(cacheWritePerMillion, m.cacheWritePerMillion);
  }

  private static boolean sameOptional(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        strip(inputPerMillion),
        strip(outputPerMillion),
        strip(cachedInputPerMillion),
        strip(cacheWritePerMillion));
  }

  private static BigDecimal strip(BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros();
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("ModelPrice[input=")
            .append(inputPerMillion.toPlainString())
            .append(", output=")
            .append(outputPerMillion.toPlainString());
    if (cachedInputPerMillion != null) {
      sb.append(", cached_input=").append(cachedInputPerMillion.toPlainString());
    }
    if (cacheWritePerMillion != null) {
      sb.append(", cache_write=").append(cacheWritePerMillion.toPlainString());
    }
    return sb.append(" USD/1M tokens]").toString();
  }
}
