package dev.airlock.demo;

import java.nio.file.Path;

/**
 * The exact cache: the same deterministic chat (temperature 0) asked twice reaches the provider
 * once; the second answer comes from the agent, costs nothing, and records what it saved.
 */
final class CacheSection implements Section {

  static final String RULES = String.join("\n",
      "cache:",
      "  exact: {ttl: 1h, max_size: 16MB}   # when: deterministic (temperature 0 or a seed)");

  @Override
  public void run(Stage stage) throws Exception {
    stage.title("Caching: the same deterministic chat twice; the second answer never leaves the JVM");
    stage.rules(RULES);
    Path policy = stage.policy("airlock-demo-cache", RULES);
    stage.mocks.reset();
    int mark = stage.spanCount();
    stage.openAi().args("chat", "chat").prompt("What are your opening hours?").execute(policy);
    System.out.println();
    stage.evidence("the provider received " + stage.mocks.app.requests().size() + " request(s) for 2 calls");
    for (Span call : stage.spansSince(mark)) {
      if (call.isCall()) {
        stage.evidence("span '" + call.name + "': " + call.show("airlock.cache", "airlock.cost.usd",
            "airlock.cache.saved_usd", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens")
            + " (" + call.millis() + " ms)");
      }
    }
  }
}
