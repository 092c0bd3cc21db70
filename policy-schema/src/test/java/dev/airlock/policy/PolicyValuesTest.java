package dev.airlock.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The value notations: durations, sizes, budget limits, rates, targets and prompt sizes. */
class PolicyValuesTest {

  private static String reason(Executable parse) {
    return assertThrows(IllegalArgumentException.class, parse).getMessage();
  }

  @Test
  void durations() {
    assertEquals(Duration.ofMillis(200), PolicyValues.duration("200ms"));
    assertEquals(Duration.ofSeconds(30), PolicyValues.duration("30s"));
    assertEquals(Duration.ofMillis(1500), PolicyValues.duration("1.5s"));
    assertEquals(Duration.ofMinutes(5), PolicyValues.duration("5m"));
    assertEquals(Duration.ofSeconds(90), PolicyValues.duration("1.5m"));
    assertEquals(Duration.ofHours(1), PolicyValues.duration("1h"));
    assertEquals(Duration.ofDays(2), PolicyValues.duration("2d"));
    assertEquals(Duration.ZERO, PolicyValues.duration("0s"));
  }

  @Test
  void badDurationsSayWhatADurationIs() {
    String form =
        "must be a duration such as 200ms, 30s, 5m, 1h or 2d (a number and one of ms, s, m, h, d)";
    assertEquals(form + ", got '30 seconds'", reason(() -> PolicyValues.duration("30 seconds")));
    assertEquals(form + ", got '30'", reason(() -> PolicyValues.duration("30")));
    assertEquals(form + ", got '30S'", reason(() -> PolicyValues.duration("30S")));
    assertEquals(form + ", got '-1s'", reason(() -> PolicyValues.duration("-1s")));
    assertEquals(form + ", got ''", reason(() -> PolicyValues.duration("")));
    assertEquals(
        "duration '0.5ms' must be a whole number of milliseconds",
        reason(() -> PolicyValues.duration("0.5ms")));
    assertEquals(
        "duration '99999999999999999999d' is too large",
        reason(() -> PolicyValues.duration("99999999999999999999d")));
  }

  @Test
  void sizesAreBinaryMultiples() {
    assertEquals(256L * 1024 * 1024, PolicyValues.bytes("256MB"));
    assertEquals(256L * 1024 * 1024, PolicyValues.bytes("256MiB"));
    assertEquals(1024L * 1024 * 1024, PolicyValues.bytes("1GiB"));
    assertEquals(3L * 1024 * 1024 * 1024, PolicyValues.bytes("3GB"));
    assertEquals(512, PolicyValues.bytes("0.5KB"));
    assertEquals(2048, PolicyValues.bytes("2KiB"));
    assertEquals(100, PolicyValues.bytes("100B"));
  }

  @Test
  void badSizes() {
    String form =
        "must be a size such as 256MB or 1GiB (a number and one of B, KB, MB, GB, KiB, MiB, GiB;"
            + " 1KB = 1024 bytes)";
    assertEquals(form + ", got '256 megabytes'", reason(() -> PolicyValues.bytes("256 megabytes")));
    assertEquals(form + ", got '256mb'", reason(() -> PolicyValues.bytes("256mb")));
    assertEquals(form + ", got '1TB'", reason(() -> PolicyValues.bytes("1TB")));
    assertEquals(
        "size '0.3KB' must be a whole number of bytes", reason(() -> PolicyValues.bytes("0.3KB")));
  }

  @Test
  void budgetLimits() {
    BudgetLimit usd = PolicyValues.budgetLimit("50 USD/day");
    assertEquals(new BigDecimal("50"), usd.amount());
    assertEquals(BudgetLimit.Unit.USD, usd.unit());
    assertEquals(BudgetLimit.Window.DAY, usd.window());
    assertEquals("50 USD/day", usd.toString());

    BudgetLimit tokens = PolicyValues.budgetLimit("2M tokens/hour");
    assertEquals(new BigDecimal("2000000"), tokens.amount());
    assertEquals(BudgetLimit.Unit.TOKENS, tokens.unit());
    assertEquals(BudgetLimit.Window.HOUR, tokens.window());
    assertEquals("2000000 tokens/hour", tokens.toString());

    assertEquals(
        BudgetLimit.of(new BigDecimal("1500"), BudgetLimit.Unit.TOKENS, BudgetLimit.Window.MINUTE),
        PolicyValues.budgetLimit("1.5k tokens/min"));
    assertEquals(
        BudgetLimit.of(new BigDecimal("100"), BudgetLimit.Unit.USD, BudgetLimit.Window.MONTH),
        PolicyValues.budgetLimit("100 usd/month"));
    assertEquals(BudgetLimit.Window.MINUTE, PolicyValues.budgetLimit("10 Tokens/minute").window());
    assertEquals(BudgetLimit.Window.HOUR, PolicyValues.budgetLimit("1 USD/h").window());
    assertEquals(BudgetLimit.Window.DAY, PolicyValues.budgetLimit("1 USD/d").window());
    assertEquals(new BigDecimal("0.25"), PolicyValues.budgetLimit("0.25 USD/day").amount());
    assertEquals(
        new BigDecimal("3000000000"), PolicyValues.budgetLimit("3G tokens/month").amount());
  }

  @Test
  void badBudgetLimits() {
    String form =
        "must be a budget limit such as 50 USD/day or 2M tokens/hour (an amount, a space, USD or"
            + " tokens, '/', and min, hour, day or month)";
    assertEquals(form + ", got '50USD/day'", reason(() -> PolicyValues.budgetLimit("50USD/day")));
    assertEquals(form + ", got '$50/day'", reason(() -> PolicyValues.budgetLimit("$50/day")));
    assertEquals(form + ", got '50 USD'", reason(() -> PolicyValues.budgetLimit("50 USD")));
    assertEquals(
        "unknown unit 'dollars' in budget limit '50 dollars/day'; write USD or tokens",
        reason(() -> PolicyValues.budgetLimit("50 dollars/day")));
    assertEquals(
        "unknown unit 'token' in budget limit '5 token/day'; write USD or tokens (did you mean"
            + " 'tokens'?)",
        reason(() -> PolicyValues.budgetLimit("5 token/day")));
    assertEquals(
        "unknown window 'week' in budget limit '50 USD/week'; write min, hour, day or month",
        reason(() -> PolicyValues.budgetLimit("50 USD/week")));
    assertEquals(
        "unknown window 'dya' in budget limit '50 USD/dya'; write min, hour, day or month (did"
            + " you mean 'day'?)",
        reason(() -> PolicyValues.budgetLimit("50 USD/dya")));
    assertEquals(
        "budget limit '0 USD/day' must be more than zero (to refuse every request, use a route"
            + " with deny)",
        reason(() -> PolicyValues.budgetLimit("0 USD/day")));
    assertEquals(
        "budget limit '1.5 tokens/day' must be a whole number of tokens",
        reason(() -> PolicyValues.budgetLimit("1.5 tokens/day")));
  }

  @Test
  void rates() {
    assertEquals(Rate.of(600, Duration.ofMinutes(1)), PolicyValues.rate("600/min"));
    assertEquals(Rate.of(200_000, Duration.ofMinutes(1)), PolicyValues.rate("200k/min"));
    assertEquals(Rate.of(10, Duration.ofSeconds(1)), PolicyValues.rate("10/s"));
    assertEquals(Rate.of(1_000_000, Duration.ofHours(1)), PolicyValues.rate("1M/hour"));
    assertEquals(Rate.of(5, Duration.ofDays(1)), PolicyValues.rate("5/day"));
    assertEquals(Rate.of(1500, Duration.ofSeconds(1)), PolicyValues.rate("1.5K/second"));
    assertEquals(200_000, PolicyValues.rate("200k/min").amount());
    assertEquals(Duration.ofMinutes(1), PolicyValues.rate("200k/min").per());
    assertEquals(10.0, PolicyValues.rate("600/min").perSecond());
    assertEquals("600/min", PolicyValues.rate("600/minute").toString());
  }

  @Test
  void badRates() {
    String form =
        "must be a rate such as 600/min, 200k/min or 10/s (a count, '/', and s, min, hour or day)";
    assertEquals(
        form + ", got '600 per minute'", reason(() -> PolicyValues.rate("600 per minute")));
    assertEquals(form + ", got '600'", reason(() -> PolicyValues.rate("600")));
    assertEquals(form + ", got '600 /min'", reason(() -> PolicyValues.rate("600 /min")));
    assertEquals(
        "unknown period 'mni' in rate '600/mni'; write s, min, hour or day (did you mean"
            + " 'min'?)",
        reason(() -> PolicyValues.rate("600/mni")));
    assertEquals(
        "unknown period 'week' in rate '5/week'; write s, min, hour or day",
        reason(() -> PolicyValues.rate("5/week")));
    assertEquals("rate '0.5/s' must be a whole number", reason(() -> PolicyValues.rate("0.5/s")));
    assertEquals(
        "rate '0/min' must be more than zero (to refuse every request, use a route with deny)",
        reason(() -> PolicyValues.rate("0/min")));
  }

  @Test
  void targets() {
    TargetRef bare = TargetRef.parse("openai");
    assertEquals("openai", bare.provider());
    assertEquals(Optional.empty(), bare.model());
    assertEquals("openai", bare.toString());

    TargetRef withModel = TargetRef.parse("openai/gpt-4o-mini");
    assertEquals("openai", withModel.provider());
    assertEquals(Optional.of("gpt-4o-mini"), withModel.model());
    assertEquals("openai/gpt-4o-mini", withModel.toString());

    TargetRef nested = TargetRef.parse("eu-llama/meta/llama-3");
    assertEquals("eu-llama", nested.provider());
    assertEquals(Optional.of("meta/llama-3"), nested.model());
    assertEquals("eu-llama/meta/llama-3", nested.toString());
    assertEquals(TargetRef.of("eu-llama", "meta/llama-3"), nested);
    assertEquals(nested, TargetRef.parse(nested.toString()));
  }

  @Test
  void badTargets() {
    String form = "must be a target: provider or provider/model, e.g. openai/gpt-4o-mini or openai";
    assertEquals(
        form + " (no spaces), got 'bad target'", reason(() -> TargetRef.parse("bad target")));
    assertEquals(form + ", got an empty string", reason(() -> TargetRef.parse("")));
    assertEquals(
        form
            + ", got '/gpt-4o' (a provider name starts with a letter or digit and holds only"
            + " letters, digits, '.', '_' and '-')",
        reason(() -> TargetRef.parse("/gpt-4o")));
    assertEquals(
        form + ", got 'openai/' (nothing after the slash; drop it to keep the app's model)",
        reason(() -> TargetRef.parse("openai/")));
    assertThrows(IllegalArgumentException.class, () -> TargetRef.of("open ai"));
    assertThrows(IllegalArgumentException.class, () -> TargetRef.of("openai", ""));
  }

  @Test
  void promptSizes() {
    assertArrayEquals(new Long[] {8001L, null}, RoutesReader.promptTokens(">8000"));
    assertArrayEquals(new Long[] {8000L, null}, RoutesReader.promptTokens(">=8000"));
    assertArrayEquals(new Long[] {8000L, null}, RoutesReader.promptTokens(">= 8k"));
    assertArrayEquals(new Long[] {null, 1999L}, RoutesReader.promptTokens("<2000"));
    assertArrayEquals(new Long[] {null, 2000L}, RoutesReader.promptTokens("<=2k"));
    assertArrayEquals(new Long[] {1000L, 8000L}, RoutesReader.promptTokens("1000..8000"));
    assertArrayEquals(new Long[] {1500L, 1_000_000L}, RoutesReader.promptTokens("1.5k..1M"));
    String form =
        "must be a prompt size in tokens such as '>8000', '>=8000', '<2000', '<=2000' or"
            + " '1000..8000' (8k = 8000; quote it in YAML, where a bare > starts a block)";
    assertEquals(form + ", got '8000'", reason(() -> RoutesReader.promptTokens("8000")));
    assertEquals(form + ", got '>8x'", reason(() -> RoutesReader.promptTokens(">8x")));
    assertEquals(form + ", got '=>8000'", reason(() -> RoutesReader.promptTokens("=>8000")));
    assertEquals(form + ", got '1..2..3'", reason(() -> RoutesReader.promptTokens("1..2..3")));
    assertEquals("'<0' matches no prompt", reason(() -> RoutesReader.promptTokens("<0")));
    assertEquals(
        "range '8000..1000' is empty: write the smaller bound first",
        reason(() -> RoutesReader.promptTokens("8000..1000")));
  }

  @Test
  void backoffs() {
    assertArrayEquals(
        new Duration[] {Duration.ofMillis(200), Duration.ofSeconds(5)},
        ResilienceReader.backoff("200ms..5s"));
    assertArrayEquals(
        new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(1)},
        ResilienceReader.backoff("1s"));
    assertArrayEquals(
        new Duration[] {Duration.ofMillis(1500), Duration.ofMillis(2500)},
        ResilienceReader.backoff("1.5s..2.5s"));
    String form =
        "must be a back-off such as 200ms..5s (the first and the longest wait) or 1s (always the"
            + " same wait)";
    assertEquals(form + ", got '200ms-5s'", reason(() -> ResilienceReader.backoff("200ms-5s")));
    assertEquals(form + ", got '200ms..'", reason(() -> ResilienceReader.backoff("200ms..")));
    assertEquals(
        "back-off '5s..200ms' shrinks: write the first (shorter) wait first, e.g. 200ms..5s",
        reason(() -> ResilienceReader.backoff("5s..200ms")));
  }
}
