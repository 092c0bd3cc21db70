package dev.airlock.agent.policy;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.engine.PipelineState;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.policy.PolicyProblem;
import java.nio.file.Path;

/**
 * Loads the policy the agent starts with. A policy that does not validate is never applied: every
 * problem is printed as file:line:col, and the agent observes only (built-in providers, no
 * enforcement) rather than enforce a policy that is not the one the security team wrote.
 */
public final class PolicyRuntime {

  private final PipelineState initialState;

  private PolicyRuntime(PipelineState initialState) {
    this.initialState = initialState;
  }

  /** @param policyPath the policy file, or null for none */
  public static PolicyRuntime startWith(String policyPath) {
    if (policyPath == null) {
      return new PolicyRuntime(PipelineStates.observeOnly());
    }
    PolicyLoadResult result = PolicyLoader.load(Path.of(policyPath));
    for (PolicyProblem warning : result.warnings()) {
      AgentLog.warn(warning.toString());
    }
    if (!result.ok() || result.policy().isEmpty()) {
      for (PolicyProblem error : result.errors()) {
        AgentLog.error(error.toString());
      }
      AgentLog.error("policy " + policyPath + " refused (" + result.errors().size()
          + " error(s)); the agent runs in observe only mode until a valid policy is given");
      return new PolicyRuntime(PipelineStates.observeOnly());
    }
    return new PolicyRuntime(PipelineStates.of(result.policy().get()));
  }

  public PipelineState initialState() {
    return initialState;
  }
}
