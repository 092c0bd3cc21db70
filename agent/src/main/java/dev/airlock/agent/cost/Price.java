package dev.airlock.agent.cost;

import dev.airlock.agent.codec.Usage;
import java.util.Objects;

/**
 * A model's list price in USD per million tokens: input, output, and optionally the discounted
 * price of input read from a prompt cache and the (usually higher) price of input written to one.
 * A cache price left unset falls back to the input price. Immutable and thread-safe.
 */
public final class Price {

  private static final double PER_TOKEN = 1_000_000d;

  private final double input;
  private final double output;
  private final Double cachedInput;
  private final Double cacheWrite;

  private Price(double input, double output, Double cachedInput, Double cacheWrite) {
    this.input = check(input, "input");
    this.output = check(output, "output");
    this.cachedInput = cachedInput == null ? null : check(cachedInput, "cachedInput");
    this.cacheWrite = cacheWrite == null ? null : check(cacheWrite, "cacheWrite");
  }

  /**
   * @param inputPerMillion USD per million input tokens
   * @param outputPerMillion USD per million output tokens
   * @throws IllegalArgumentException for a negative, infinite or NaN price
   */
  public static Price of(double inputPerMillion, double outputPerMillion) {
    return new Price(inputPerMillion, outputPerMillion, null, null);
  }

  /** This price with USD per million input tokens read from a prompt cache. */
  public Price withCachedInput(double perMillion) {
    return new Price(input, output, perMillion, cacheWrite);
  }

  /** This price with USD per million input tokens written to a prompt cache (Anthropic: 1.25x input for 5-minute writes). */
  public Price withCacheWrite(double perMillion) {
    return new Price(input, output, cachedInput, perMillion);
  }

  /** USD per million (uncached) input tokens. */
  public double input() {
    return input;
  }

  /** USD per million output tokens (reasoning tokens included). */
  public double output() {
    return output;
  }

  /** USD per million cache-read input tokens; the input price when none was set. */
  public double cachedInput() {
    return cachedInput != null ? cachedInput : input;
  }

  /** USD per million cache-write input tokens; the input price when none was set. */
  public double cacheWrite() {
    return cacheWrite != null ? cacheWrite : input;
  }

  /**
   * The cost of a usage at this price, in USD: uncached input ({@code input − cacheRead −
   * cacheCreation}, never below 0) at the input price, plus cache reads at the cached-input price,
   * cache writes at the cache-write price and output at the output price.
   */
  public double costUsd(Usage usage) {
    long read = usage.cacheReadInputTokens();
    long write = usage.cacheCreationInputTokens();
    long uncached = Math.max(0, usage.inputTokens() - read - write);
    return (uncached * input + read * cachedInput() + write * cacheWrite() + usage.outputTokens() * output)
        / PER_TOKEN;
  }

  private static double check(double price, String what) {
    if (!(price >= 0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException(what + " price must be a finite non-negative number: " + price);
    }
    return price;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Price)) {
      return false;
    }
    Price p = (Price) o;
    return Double.compare(input, p.input) == 0
        && Double.compare(output, p.output) == 0
        && Objects.equals(cachedInput, p.cachedInput)
        && Objects.equals(cacheWrite, p.cacheWrite);
  }

  @Override
  public int hashCode() {
    return Objects.hash(input, output, cachedInput, cacheWrite);
  }

  @Override
  public String toString() {
    return "Price{input=" + input
        + ", output=" + output
        + (cachedInput != null ? ", cachedInput=" + cachedInput : "")
        + (cacheWrite != null ? ", cacheWrite=" + cacheWrite : "")
        + '}';
  }
}
