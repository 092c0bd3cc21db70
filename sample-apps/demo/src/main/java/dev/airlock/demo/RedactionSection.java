package dev.airlock.demo;

import dev.airlock.mock.RecordedRequest;
import java.nio.file.Path;
import java.util.List;

/** Personal data is pseudonymized on the way out and restored in the answer the app gets. */
final class RedactionSection implements Section {

  @Override
  public void run(Stage stage) throws Exception {
    stage.title("Redaction: the prompt holds an email and a customer id; the mock provider echoes what it received");
    Path policy = stage.policy("airlock-demo", "");
    stage.mocks.reset();
    stage.openAi().args("chat", "stream")
        .prompt("Please email ana.silva@example.com about order CUST-12345678.")
        .execute(policy);
    List<RecordedRequest> received = stage.mocks.app.requests();
    stage.evidence("what the provider received: "
        + (received.isEmpty() ? "nothing" : Bodies.lastMessage(received.get(0))));
  }
}
