package dev.airlock.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the demo's policy files. Every file declares the same providers (the three mocks, as a
 * team would declare its self-hosted and backup models), prices, PII rules and guardrails; a
 * section adds its own rules (routes, resilience, cache) in a file of its own, so that one
 * section's routes or cache never change what another section shows.
 */
final class DemoPolicy {

  /** The variables the policy reads the target providers' keys from; the demo sets them for each app. */
  static final String EU_KEY_VARIABLE = "EU_LLM_KEY";
  static final String CLAUDE_KEY_VARIABLE = "CLAUDE_BACKUP_KEY";
  static final String BACKUP_KEY_VARIABLE = "BACKUP_LLM_KEY";

  private DemoPolicy() {}

  /**
   * @param name the file's base name, also the policy's name on every span
   * @param rules YAML appended to the shared part (top-level keys), or "" for none
   */
  static Path write(Path dir, String name, Mocks mocks, String rules) throws IOException {
    String app = "http://127.0.0.1:" + mocks.app.port();
    String eu = "http://127.0.0.1:" + mocks.eu.port();
    String backup = "http://127.0.0.1:" + mocks.backup.port();
    String yaml = String.join("\n",
        "# An Airlock demo policy: the local mock providers, declared as a team's own providers would be.",
        "airlock: 1",
        "name: " + name,
        "version: \"1\"",
        "providers:",
        "  mock-openai: {format: openai, base_url: \"" + app + "/v1\", region: us}",
        "  mock-anthropic: {format: anthropic, base_url: \"" + app + "\", region: us}",
        "  eu-llama: {format: openai, base_url: \"" + eu + "/v1\", api_key: \"${env:" + EU_KEY_VARIABLE + "}\", region: eu}",
        "  claude-backup: {format: anthropic, base_url: \"" + backup + "\", api_key: \"${env:" + CLAUDE_KEY_VARIABLE + "}\", region: us}",
        "  backup-openai: {format: openai, base_url: \"" + backup + "/v1\", api_key: \"${env:" + BACKUP_KEY_VARIABLE + "}\", region: us}",
        "models:",
        "  gpt-4o-mini: {input: 0.15, output: 0.60, cached_input: 0.075}",
        "  llama-3.3-70b: {input: 0.20, output: 0.60}",
        "pii:",
        "  detect: [email, credit_card, iban, phone]",
        "  custom:",
        "    - {name: customer_id, pattern: 'CUST-[0-9]{8}'}",
        "  action: pseudonymize",
        "  actions: {credit_card: block}",
        "  restore: true",
        "guardrails:",
        "  prompt_injection: {action: block, threshold: 0.8}",
        rules,
        "");
    Path policy = dir.resolve(name + ".yaml");
    Files.writeString(policy, yaml);
    return policy;
  }
}
