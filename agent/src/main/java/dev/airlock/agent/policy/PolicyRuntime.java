package dev.airlock.agent.policy;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.engine.PipelineState;
import dev.airlock.policy.PolicySignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Loads the policy the agent starts with. A policy that does not validate (or, when the agent has
 * a public key, whose signature does not verify) is never applied: every problem is printed as
 * file:line:col, and the agent observes only (built-in providers, no enforcement) rather than
 * enforce a policy that is not the one the security team wrote and signed.
 */
public final class PolicyRuntime {

  private final PipelineState initialState;
  private final String loadedSha256;
  private final PolicyGate gate;

  private PolicyRuntime(PipelineState initialState, String loadedSha256, PolicyGate gate) {
    this.initialState = initialState;
    this.loadedSha256 = loadedSha256;
    this.gate = gate;
  }

  /**
   * @param policyPath the policy file, or null for none
   * @param publicKeyPath the key its signature must verify with, or null when policies are not signed
   */
  public static PolicyRuntime startWith(String policyPath, String publicKeyPath) {
    if (policyPath == null) {
      return new PolicyRuntime(PipelineStates.observeOnly(), "", null);
    }
    PolicyGate gate;
    try {
      gate = new PolicyGate(publicKeyPath == null ? null : PolicySignatures.readPublicKey(Path.of(publicKeyPath)));
    } catch (IOException | GeneralSecurityException e) {
      AgentLog.error("policy public key " + publicKeyPath + " unusable (" + e.getMessage()
          + "); no policy can be verified, so the agent runs in observe only mode");
      return new PolicyRuntime(PipelineStates.observeOnly(), "", null);
    }
    Path path = Path.of(policyPath);
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (IOException e) {
      AgentLog.error("policy " + policyPath + " cannot be read (" + e.getMessage()
          + "); the agent runs in observe only mode until it can");
      return new PolicyRuntime(PipelineStates.observeOnly(), "", gate);
    }
    PolicyGate.Verdict verdict = gate.admit(path, content);
    if (!verdict.admitted()) {
      verdict.reasons.forEach(AgentLog::error);
      PipelineState unavailable = PipelineStates.unavailable(content,
          verdict.reasons.isEmpty() ? "refused" : verdict.reasons.get(0));
      AgentLog.error("policy " + policyPath + " refused; " + (unavailable.refusal() != null
          ? "it says on_internal_error: block, so every LLM call is refused" : "the agent runs in observe only mode")
          + " until a valid" + (publicKeyPath == null ? "" : ", signed") + " policy is given");
      return new PolicyRuntime(unavailable, "", gate);
    }
    return new PolicyRuntime(PipelineStates.of(verdict.policy), verdict.policy.sha256(), gate);
  }

  /** As {@link #startWith(String, String)} without signatures. */
  public static PolicyRuntime startWith(String policyPath) {
    return startWith(policyPath, null);
  }

  /** The gate later versions of the file must pass (null when there is no policy file). */
  PolicyGate gate() {
    return gate;
  }

  public PipelineState initialState() {
    return initialState;
  }

  /** The sha256 of the policy applied at start, or "" when none was (so any valid file applies). */
  public String loadedSha256() {
    return loadedSha256;
  }
}
