package dev.airlock.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the agent refuses at load time beyond validation, and what an unusable policy leaves in force. */
class PolicyGateTest {

  private static Policy load(String yaml) {
    PolicyLoadResult loaded = PolicyLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), name -> null);
    assertTrue(loaded.ok(), loaded.problems().toString());
    return loaded.policy().get();
  }

  @Test
  void aKeyARouteWouldSendMustBeSetButAnUnusedProvidersNeedNotBe() {
    Policy policy = load(String.join("\n",
        "airlock: 1",
        "name: p",
        "providers:",
        "  eu: {format: openai, base_url: 'https://eu.example/v1', api_key: '${env:EU_KEY}'}",
        "  spare: {format: openai, base_url: 'https://spare.example/v1', api_key: '${env:SPARE_KEY}'}",
        "routes:",
        "  - {name: main, to: eu}",
        ""));
    List<String> missing = PolicyGate.missingSecrets(policy, name -> null);
    assertEquals(1, missing.size(), missing.toString());
    assertTrue(missing.get(0).contains("providers.eu.api_key: ${env:EU_KEY} is not set"), missing.get(0));
    assertTrue(PolicyGate.missingSecrets(policy, Map.of("EU_KEY", "k")::get).isEmpty());
  }

  @Test
  void aPolicyThatCannotBeAppliedRefusesEveryCallOnlyWhenItFailsClosed() {
    String closed = "airlock: 1\nname: p\non_internal_error: block   # fail closed\n";
    assertNotNull(PipelineStates.unavailable(closed.getBytes(StandardCharsets.UTF_8), "bad signature").refusal());
    String open = "airlock: 1\nname: p\non_internal_error: pass_through\n";
    assertNull(PipelineStates.unavailable(open.getBytes(StandardCharsets.UTF_8), "bad signature").refusal());
    String nested = "airlock: 1\nname: p\nnotes:\n  on_internal_error: block\n";
    assertNull(PipelineStates.unavailable(nested.getBytes(StandardCharsets.UTF_8), "invalid").refusal(),
        "only the top-level key counts");
  }

  @Test
  void aLoadedFailClosedPolicyFailsClosed() {
    Policy policy = load("airlock: 1\nname: p\non_internal_error: block\n");
    assertTrue(PipelineStates.of(policy).failClosed());
    assertTrue(!PipelineStates.of(load("airlock: 1\nname: p\n")).failClosed());
  }
}
