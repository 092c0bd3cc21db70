package dev.airlock.demo;

import java.nio.file.Path;

/** A card number is refused before it leaves the JVM; the app gets its SDK's usual error. */
final class BlockingSection implements Section {

  @Override
  public void run(Stage stage) throws Exception {
    stage.title("Blocking: a card number may not leave the application (pii.actions: {credit_card: block})");
    Path policy = stage.policy("airlock-demo", "");
    stage.mocks.reset();
    stage.anthropic().args("messages").prompt("Charge 4111 1111 1111 1111 please.").execute(policy);
    stage.evidence("requests the provider received: " + stage.mocks.app.requests().size());
  }
}
