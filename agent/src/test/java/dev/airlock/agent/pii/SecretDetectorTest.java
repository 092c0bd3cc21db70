package dev.airlock.agent.pii;

import static dev.airlock.agent.pii.Scans.found;
import static dev.airlock.agent.pii.Scans.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectorTest {

  /** Random-looking but fake material, built so no real credential sits in the source. */
  private static final String R40 = "q7Zk2LmX9vB4nR8tW1yC6pD3sF5gH0jK2aE7uQ9x";

  @ParameterizedTest
  @CsvSource({
    "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6, openai_key",
    "sk-" + "Ab3dEf6hIj9kLm2nOp5q" + "T3BlbkFJ" + "Rs8tUv1wXy4zAb7cDe0f, openai_key",
    "sk-ant-api03-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq2rSt5uVw8xYz1aBc4dEf7g-AbCdEfAA, anthropic_key",
    "AKIA" + "IOSFODNN7EXAMPLE, aws_access_key_id",
    "ghp_" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c, github_token",
    "github_pat_" + "11ABCDEFG0123456789abc_" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq2rSt5uV, github_token",
    "glpat-" + "Ab3dEf6hIj9kLm2nOp5q, gitlab_token",
    "xoxb-" + "123456789012-1234567890123-Ab3dEf6hIj9kLm2nOp5qRs8t, slack_token",
    "https://hooks.slack.com/services/T00000000/B00000000/" + "XXXXXXXXXXXXXXXXXXXXXXXX, slack_webhook",
    "sk_live_" + "Ab3dEf6hIj9kLm2nOp5qRs8t, stripe_key",
    "rk_test_" + "Ab3dEf6hIj9kLm2nOp5qRs8t, stripe_key",
    "AIza" + "SyAb3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z0, google_api_key",
    "GOCSPX-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1w, google_oauth_secret",
    "ya29." + "a0Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z, google_oauth_token",
  })
  void knownFormatsAreFoundWithTheirKind(String secret, String kind) {
    String text = "config: use \"" + secret + "\" for the call";
    Detection d = single(PiiTypes.SECRET, text);
    assertEquals(secret, d.text(text));
    assertEquals(kind, d.detail());
    assertTrue(d.confidence() >= 0.85);
  }

  @Test
  void jwtNeedsAJsonHeader() {
    String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
        + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    Detection d = single(PiiTypes.SECRET, "Authorization: Bearer " + jwt);
    assertEquals("jwt", d.detail());
    assertEquals(jwt, d.text("Authorization: Bearer " + jwt));
    assertFalse(KnownSecretDetector.jwtHeader("eyJub3RqwXNvbi.eyJhYmNkZWZnaA.abc"));
  }

  @Test
  void privateKeyBlockIsTakenWhole() {
    String block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HECdnH\n"
        + "lWu2/a1gB9JW5TBQ+AVpum9Okx7KfqkfBKL9mcHgSL0yWMdjMfNOqNtrQqKlN4kE\n-----END RSA PRIVATE KEY-----";
    String text = "key:\n" + block + "\nthanks";
    Detection d = single(PiiTypes.SECRET, text);
    assertEquals(block, d.text(text));
    assertEquals("private_key", d.detail());
  }

  @Test
  void truncatedPrivateKeyStopsAtTheProse() {
    String text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
        + "why does ssh reject this?";
    Detection d = single(PiiTypes.SECRET, text);
    assertTrue(d.text(text).endsWith("AAAAtzc2gtZW"), d.text(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "password=hunter2! | hunter2!",
        "DB_PASSWORD: s3cr3t-Pa55 | s3cr3t-Pa55",
        "{\"passphrase\": \"correct horse battery staple\"} | correct horse battery staple",
        "{\"password\": \"Tr0ub4dor&3\"} | Tr0ub4dor&3",
        "my password is Tr0ub4dor&3. | Tr0ub4dor&3",
        "Passwort: Sommer2024! | Sommer2024!",
        "api_key = '" + R40 + "' | " + R40,
        "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "client_secret: " + R40 + " | " + R40,
        "Authorization: Bearer " + R40 + " | " + R40,
        "GET /callback?access_token=" + R40 + "&scope=read | " + R40,
        "password=Tr0ub4dor&3&user=ana | Tr0ub4dor&3",
      })
  void valuesOfCredentialNames(String text, String value) {
    assertEquals(Collections.singletonList(value), found(PiiTypes.SECRET, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "password: ${DB_PASSWORD}",
    "password = os.getenv(\"DB_PASSWORD\")",
    "password: <your password>",
    "password: ********",
    "password: required",
    "The password is incorrect",
    "Your password is case-sensitive.",
    "password is too short",
    "max_tokens: 4096",
    "token: expired",
    "tokens=1234567890123456789",
    "input_tokens: 1532, output_tokens: 201",
    "secretary: Alice Smith",
    "api_key: sk-...",
    "Forgot your password? Reset it here.",
    "tokenizer = AutoTokenizer.from_pretrained(\"gpt2\")",
    "const password = 'Password used to generate key';",
    "\"PWD\": \"/srv/app/project\"",
    "printf(&quot;Password is incorrect.&quot;);",
  })
  void namesWithoutSecretValuesAreNotSecrets(String text) {
    assertTrue(found(PiiTypes.SECRET, text).isEmpty(), text + " -> " + found(PiiTypes.SECRET, text));
  }

  @Test
  void randomTokensNeedACredentialWordNearby() {
    assertTrue(found(PiiTypes.SECRET, "request " + R40 + " completed").isEmpty());
    assertEquals(Arrays.asList(R40), found(PiiTypes.SECRET, "here is my secret " + R40));
    assertTrue(found(PiiTypes.SECRET, "the key is in LangChain4jSampleApp1234 class").isEmpty());
    assertTrue(found(PiiTypes.SECRET, "token 123e4567-e89b-12d3-a456-426614174000").isEmpty());
    assertTrue(found(PiiTypes.SECRET, "commit sha " + "3f2a9c1e7b4d8f0a6c5e2b1d9f8e7a6b5c4d3e2f").isEmpty());
  }

  @Test
  void shapeHeuristics() {
    assertTrue(HighEntropySecretDetector.wordy("LangChain4jSampleApp"));
    assertTrue(HighEntropySecretDetector.wordy("MAX_RETRY_COUNT_2"));
    assertFalse(HighEntropySecretDetector.wordy(R40));
    assertTrue(HighEntropySecretDetector.random(R40));
    assertFalse(HighEntropySecretDetector.random("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"));
    assertTrue(CredentialAssignmentDetector.isPlainWord("Case-sensitive"));
    assertFalse(CredentialAssignmentDetector.isPlainWord("hunter2"));
    assertEquals(0.0, KnownSecretDetector.skConfidence("sk-this-is-a-long-hyphenated-phrase"));
  }
}
