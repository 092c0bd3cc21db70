package dev.airlock.demo;

import java.nio.file.Path;

/** The three unmodified apps, every scenario, under the shared policy: what the agent observes. */
final class ObservationSection implements Section {

  @Override
  public void run(Stage stage) throws Exception {
    stage.title("Observation: three unmodified apps (openai-java, anthropic-java, LangChain4j), every scenario");
    Path policy = stage.policy("airlock-demo", "");
    stage.openAi().execute(policy);
    stage.anthropic().execute(policy);
    stage.langChain4j().execute(policy);
  }
}
