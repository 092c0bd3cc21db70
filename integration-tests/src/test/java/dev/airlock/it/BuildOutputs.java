package dev.airlock.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build left the artifacts the tests run: the agent jar and the sample app jars. */
final class BuildOutputs {

  private BuildOutputs() {}

  static Path root() {
    return Path.of(System.getProperty("airlock.root", "..")).toAbsolutePath().normalize();
  }

  static Path agentJar() {
    return existing(root().resolve("agent/target/airlock-agent.jar"));
  }

  /** The semantic-cache extension jar (the embedder the agent loads with {@code extensions=}). */
  static Path semanticCacheExtension() {
    return existing(root().resolve("extensions/semantic-cache/target/airlock-semantic-cache.jar"));
  }

  static Path sampleApp(String name) {
    return existing(root().resolve("sample-apps/" + name + "/target/" + name + ".jar"));
  }

  /** The Temurin 25 JDK the machine ships, or null when absent. */
  static Path jdk25() {
    Path home = Path.of(System.getProperty("airlock.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    return Files.isExecutable(home.resolve("bin/java")) ? home : null;
  }

  private static Path existing(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " is missing: run 'mvn -B verify' from the repository root");
    }
    return path;
  }
}
