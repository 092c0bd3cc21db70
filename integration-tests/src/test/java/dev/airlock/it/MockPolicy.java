package dev.airlock.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Policies that declare the mock provider, as a team with a self-hosted model would. */
final class MockPolicy {

  /** The price the policy gives gpt-4o-mini, USD per million tokens, so costs can be checked exactly. */
  static final double GPT_4O_MINI_INPUT = 1.0;
  static final double GPT_4O_MINI_OUTPUT = 2.0;

  private MockPolicy() {}

  static Path write(Path dir, int mockPort, String extra) throws IOException {
    return write(dir, mockPort, "", extra);
  }

  /**
   * @param extraProviders more entries under {@code providers:}, each line indented by two spaces
   */
  static Path write(Path dir, int mockPort, String extraProviders, String extra) throws IOException {
    String yaml = String.join("\n",
        "airlock: 1",
        "name: it-mock",
        "version: \"2026-11-22.1\"",
        "providers:",
        "  mock-openai:",
        "    format: openai",
        "    base_url: http://127.0.0.1:" + mockPort + "/v1",
        "  mock-anthropic:",
        "    format: anthropic",
        "    base_url: http://127.0.0.1:" + mockPort,
        "  mock-gemini:",
        "    format: gemini",
        "    base_url: http://127.0.0.1:" + mockPort,
        extraProviders.isEmpty() ? "models:" : extraProviders + "\nmodels:",
        "  gpt-4o-mini: {input: " + GPT_4O_MINI_INPUT + ", output: " + GPT_4O_MINI_OUTPUT + "}",
        extra == null ? "" : extra,
        "");
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, yaml);
    return policy;
  }
}
