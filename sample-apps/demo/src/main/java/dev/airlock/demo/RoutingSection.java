package dev.airlock.demo;

import dev.airlock.mock.MockProvider;
import dev.airlock.mock.RecordedRequest;
import java.nio.file.Path;

/**
 * Routing by data sensitivity: a prompt with an IBAN goes to the in-region model with the PII left
 * in (it never leaves the region), while other personal data goes to the default target
 * pseudonymized.
 */
final class RoutingSection implements Section {

  static final String RULES = String.join("\n",
      "routes:",
      "  - name: sensitive-in-eu",
      "    when: {pii: [iban]}              # what the PII detectors found in the request",
      "    to: eu-llama/llama-3.3-70b",
      "    pii: {action: detect}            # in-region: recorded, not redacted",
      "    require_region: eu               # no retry or fallback may leave the EU",
      "  - {name: default, to: mock-openai}");

  @Override
  public void run(Stage stage) throws Exception {
    stage.title("Routing by data sensitivity: an IBAN stays in the EU (in-region model, unredacted);"
        + " an e-mail goes to the default target, pseudonymized");
    stage.rules(RULES);
    Path policy = stage.policy("airlock-demo-routing", RULES);
    stage.mocks.reset();
    int mark = stage.spanCount();
    stage.openAi().args("chat").prompt("Refund order 1042 to IBAN DE89 3704 0044 0532 0130 00, please.")
        .execute(policy);
    stage.openAi().args("chat").prompt("Send the invoice to ana.silva@example.com, please.").execute(policy);
    System.out.println();
    received(stage, "EU mock (eu-llama, region eu)", stage.mocks.eu);
    received(stage, "apps' mock (mock-openai, region us)", stage.mocks.app);
    for (Span call : stage.spansSince(mark)) {
      if (call.isCall()) {
        stage.evidence("span '" + call.name + "': " + call.show("airlock.route", "airlock.target", "airlock.region",
            "airlock.pii.types", "gen_ai.response.model"));
      }
    }
  }

  private static void received(Stage stage, String who, MockProvider mock) throws Exception {
    for (RecordedRequest r : mock.requests()) {
      stage.evidence(who + " received " + r.method() + " " + r.path() + " model=" + Bodies.field(r, "model")
          + " with \"" + r.header("authorization") + "\": \"" + Bodies.lastMessage(r) + "\"");
    }
  }
}
