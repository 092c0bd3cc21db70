package dev.airlock.policy;

import static dev.airlock.policy.Policies.render;
import static dev.airlock.policy.Policies.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretHandlingTest {

  @Test
  void inlineKeyIsRefusedWithoutEchoingIt() {
    PolicyLoadResult r =
        yaml("airlock: 1", "name: d", "providers:", "  openai:", "    api_key: sk-proj-abcdef123");
    assertEquals(1, r.errors().size());
    PolicyProblem p = r.errors().get(0);
    assertEquals(5, p.line());
    assertEquals(14, p.column());
    assertEquals("providers.openai.api_key", p.path());
    assertTrue(p.message().startsWith("inline API keys are refused"));
    assertFalse(r.toString().contains("abcdef123"));
  }

  @Test
  void malformedReferenceIsRefused() {
    PolicyLoadResult r =
        yaml("airlock: 1", "name: d", "providers:", "  openai: {api_key: '${ENV:KEY}'}");
    assertEquals(
        "4:21 providers.openai.api_key: malformed secret reference; write ${env:NAME} (NAME of"
            + " letters, digits and '_') or ${file:PATH}\n",
        render(r.errors()));
  }

  @Test
  void missingEnvironmentVariableIsAWarningNotAnError() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "providers:",
            "  openai: {api_key: '${env:NOT_SET_ANYWHERE}'}",
            "  anthropic: {api_key: '${env:OPENAI_KEY}'}");
    assertTrue(r.ok(), r::toString);
    assertEquals(
        "4:21 providers.openai.api_key: environment variable NOT_SET_ANYWHERE is not set;"
            + " requests Airlock sends to provider 'openai' will fail until it is\n",
        render(r.warnings()));
    assertEquals(
        Optional.of(SecretRef.env("NOT_SET_ANYWHERE")),
        r.policy().orElseThrow().providers().get("openai").apiKey());
  }

  @Test
  void missingSecretFileIsAWarning(@TempDir Path dir) {
    Path missing = dir.resolve("key.txt");
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "providers:",
            "  openai: {api_key: '${file:" + missing + "}'}");
    assertTrue(r.ok());
    assertEquals(1, r.warnings().size());
    assertEquals(
        "secret file "
            + missing
            + " is not a readable file; requests Airlock sends to provider"
            + " 'openai' will fail until it is",
        r.warnings().get(0).message());
  }

  @Test
  void parseAcceptsOnlyExactReferences() {
    assertEquals(Optional.of(SecretRef.env("A_1")), SecretRef.parse("${env:A_1}"));
    assertEquals(Optional.of(SecretRef.file("/run/s/k")), SecretRef.parse("${file:/run/s/k}"));
    assertEquals(Optional.empty(), SecretRef.parse("sk-123"));
    assertEquals(Optional.empty(), SecretRef.parse("${env:1BAD}"));
    assertEquals(Optional.empty(), SecretRef.parse("${env:}"));
    assertEquals(Optional.empty(), SecretRef.parse("${file:}"));
    assertEquals(Optional.empty(), SecretRef.parse("x${env:A}"));
    assertEquals(Optional.empty(), SecretRef.parse("${vault:a}"));
  }

  @Test
  void resolvesFromAMapAndNamesTheVariableWhenMissing() {
    SecretRef ref = SecretRef.env("EU_LLM_KEY");
    assertEquals("eu-secret-value", ref.resolve(Policies.ENV::get));

    SecretResolutionException e =
        assertThrows(
            SecretResolutionException.class,
            () -> SecretRef.env("NOPE").resolve(Map.<String, String>of()::get));
    assertEquals("environment variable NOPE is not set", e.getMessage());

    SecretResolutionException empty =
        assertThrows(
            SecretResolutionException.class, () -> ref.resolve(Map.of("EU_LLM_KEY", " ")::get));
    assertEquals("environment variable EU_LLM_KEY is empty", empty.getMessage());
  }

  @Test
  void resolvesFromAFileWithoutTheTrailingNewline(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("key");
    Files.write(key, "file-secret\n".getBytes(StandardCharsets.UTF_8));
    SecretRef ref = SecretRef.parse("${file:" + key + "}").orElseThrow();
    assertEquals(SecretRef.Kind.FILE, ref.kind());
    assertEquals("file-secret", ref.resolve(Map.<String, String>of()::get));

    SecretRef missing = SecretRef.file(dir.resolve("gone").toString());
    SecretResolutionException e =
        assertThrows(SecretResolutionException.class, () -> missing.resolve());
    assertEquals("secret file " + dir.resolve("gone") + " does not exist", e.getMessage());
  }

  @Test
  void toStringNeverRevealsAValue() {
    SecretRef ref = SecretRef.env("EU_LLM_KEY");
    assertEquals("${env:EU_LLM_KEY}", ref.toString());
    PolicyLoadResult r =
        yaml("airlock: 1", "name: d", "providers:", "  openai: {api_key: '${env:EU_LLM_KEY}'}");
    Policy p = r.policy().orElseThrow();
    String rendered = p.toString() + p.providers() + p.providers().get("openai").apiKey();
    assertFalse(rendered.contains("eu-secret-value"), rendered);
    assertTrue(p.providers().get("openai").toString().contains("${env:EU_LLM_KEY}"));
  }
}
