package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.pii.PiiTypes;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * When the output rules check secrets, the answer's PII scan leaves the secret detectors out (the
 * secret scanner runs them on the same text anyway). The findings must be exactly those of a PII
 * scan that still runs them: checked here on the PII development set, the look-alike list, and
 * texts where keys and personal data touch.
 */
class OutputScanSharingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Policy policy(String secretsAction) {
    String yaml = String.join("\n",
        "airlock: 1",
        "name: t",
        "pii:",
        "  detect: [email, phone, credit_card, iban, us_ssn, ip_address, secret, uk_nino]",
        "  custom:",
        "    - {name: customer_id, pattern: 'CUST-[0-9]{8}'}",
        "  action: pseudonymize",
        "guardrails:",
        "  output:",
        "    pii: mask",
        "    secrets: " + secretsAction,
        "");
    PolicyLoadResult r = PolicyLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ok(), r::toString);
    return r.policy().get();
  }

  @Test
  void piiScanWithoutTheSecretDetectorsFindsTheSame() throws IOException {
    List<String> texts = corpus();
    assertTrue(texts.size() > 1000, "corpus loaded: " + texts.size());
    for (String action : new String[] {"block", "mask"}) {
      Policy p = policy(action);
      OutputGuard shared = OutputGuard.of(p.guardrails().get(), p.pii().get());
      OutputGuard separate = OutputGuard.withScanners(p.guardrails().get(), PiiScanners.from(p.pii().get()),
          p.pii().get());
      int withFindings = 0;
      for (String text : texts) {
        String expected = describe(separate.check(text, Set.of()));
        assertEquals(expected, describe(shared.check(text, Set.of())), () -> "text: " + text);
        if (!expected.isEmpty()) {
          withFindings++;
        }
      }
      // Not a vacuous comparison: hundreds of texts carry something to find (350 when written).
      assertTrue(withFindings > 300, "texts with findings: " + withFindings);
    }
  }

  @Test
  void aKeyIsASecretFindingAndTheMailBesideItPii() {
    Policy p = policy("block");
    OutputGuard shared = OutputGuard.of(p.guardrails().get(), p.pii().get());
    // A key is a secret finding (from the secret scanner), an email next to it still PII.
    List<OutputGuard.Finding> findings = shared.check(
        "token sk-proj-4fQ9zT2mX8vL1nR6kW3pY7sA0dJ5hG2b and mail ana@example.org", Set.of());
    assertEquals("secret@6 email", describeTypes(findings));
    assertTrue(!shared.piiScanTypes().contains(PiiTypes.SECRET), shared.piiScanTypes()::toString);
    // Without a secrets rule the PII scan keeps them: they stop a key's digits from being read as
    // a phone number.
    PolicyLoadResult r = PolicyLoader.parse("p.yaml", String.join("\n", "airlock: 1", "name: t", "pii:",
        "  detect: [phone, secret]", "guardrails:", "  output:", "    pii: mask", "")
        .getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ok(), r::toString);
    Policy piiOnly = r.policy().get();
    assertEquals(List.of(PiiTypes.PHONE, PiiTypes.SECRET),
        OutputGuard.of(piiOnly.guardrails().get(), piiOnly.pii().get()).piiScanTypes());
  }

  private static String describe(List<OutputGuard.Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (OutputGuard.Finding f : findings) {
      out.append(f.rule).append(' ').append(f.type).append(' ').append(f.start).append('-').append(f.end)
          .append(' ').append(f.action).append('\n');
    }
    return out.toString();
  }

  private static String describeTypes(List<OutputGuard.Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (OutputGuard.Finding f : findings) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(f.type);
      if (PiiTypes.SECRET.equals(f.type)) {
        out.append('@').append(f.start);
      }
    }
    return out.toString();
  }

  private static List<String> corpus() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String line : lines("/pii/pii-dev.jsonl")) {
      if (!line.isBlank()) {
        texts.add(JSON.readTree(line).path("text").asText());
      }
    }
    texts.addAll(lines("/pii/lookalikes.txt"));
    // Keys and personal data touching: digits inside keys, a phone right after a key, an
    // assignment whose value looks like a card number, an IP inside a URL with a token.
    texts.add("AKIAIOSFODNN7EXAMPLE+4915112345678 call me");
    texts.add("api_key=4111111111111111 and my card 4111 1111 1111 1111");
    texts.add("password: \"0201234567890\" phone +44 20 7946 0958");
    texts.add("https://10.0.0.12/hook?token=ghp_16C7e42F292c6912E7710c838347Ae178B4a");
    texts.add("-----BEGIN RSA PRIVATE KEY-----\nMIIEow 555-123-4567 IBAN DE89370400440532013000\n"
        + "-----END RSA PRIVATE KEY-----");
    texts.add("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx ana@example.org 078-05-1120");
    return texts;
  }

  private static List<String> lines(String resource) throws IOException {
    List<String> out = new ArrayList<>();
    InputStream in = OutputScanSharingTest.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
    }
    return out;
  }
}
