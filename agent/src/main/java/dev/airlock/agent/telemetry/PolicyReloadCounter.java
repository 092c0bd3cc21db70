package dev.airlock.agent.telemetry;

import dev.airlock.agent.policy.PolicyWatcher;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import java.util.Locale;

/** The counter {@code airlock.policy.reloads}, by {@code outcome} ({@code applied}, {@code refused}). */
public final class PolicyReloadCounter implements PolicyWatcher.ReloadListener {

  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

  private final LongCounter reloads;

  public PolicyReloadCounter(OpenTelemetry openTelemetry) {
    this.reloads = openTelemetry.getMeter(LlmInstruments.SCOPE)
        .counterBuilder("airlock.policy.reloads")
        .setUnit("{reload}")
        .setDescription("Attempts to apply a changed policy file, by outcome.")
        .build();
  }

  @Override
  public void onReload(PolicyWatcher.Outcome outcome) {
    reloads.add(1, Attributes.of(OUTCOME, outcome.name().toLowerCase(Locale.ROOT)));
  }
}
