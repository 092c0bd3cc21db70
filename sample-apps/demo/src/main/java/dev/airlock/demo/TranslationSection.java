package dev.airlock.demo;

import dev.airlock.mock.RecordedRequest;
import java.nio.file.Path;

/**
 * Translation: the app on the OpenAI SDK is served by an Anthropic-format target. The agent turns
 * its chat completion into an Anthropic messages call and the answer back (streams included), so
 * the app notices only the model name.
 */
final class TranslationSection implements Section {

  static final String RULES = String.join("\n",
      "routes:",
      "  - name: gpt-on-claude",
      "    when: {model: \"gpt-4o*\"}",
      "    to: claude-backup/claude-3-5-haiku-latest   # format: anthropic");

  @Override
  public void run(Stage stage) throws Exception {
    stage.title("Translation: the OpenAI-SDK app served by an Anthropic-format target (OpenAI chat <-> Anthropic messages)");
    stage.rules(RULES);
    Path policy = stage.policy("airlock-demo-translation", RULES);
    stage.mocks.reset();
    int mark = stage.spanCount();
    stage.openAi().args("chat", "stream").prompt("Where is my parcel?").execute(policy);
    System.out.println();
    for (RecordedRequest r : stage.mocks.backup.requests()) {
      stage.evidence("backup mock (claude-backup) received " + r.method() + " " + r.path()
          + " model=" + Bodies.field(r, "model") + ("true".equals(Bodies.field(r, "stream")) ? " (stream)" : "")
          + ", x-api-key: " + r.header("x-api-key")
          + (r.header("authorization") == null ? ", no Authorization header (the app's OpenAI key stayed home)" : ""));
    }
    stage.evidence("apps' mock received: " + stage.mocks.app.requests().size() + " requests");
    for (Span call : stage.spansSince(mark)) {
      if (call.isCall()) {
        stage.evidence("span '" + call.name + "': " + call.show("airlock.route", "airlock.target",
            "gen_ai.response.model", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "airlock.cost.usd"));
      }
    }
  }
}
