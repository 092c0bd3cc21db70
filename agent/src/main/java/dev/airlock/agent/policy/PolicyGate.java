package dev.airlock.agent.policy;

import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.policy.PolicyProblem;
import dev.airlock.policy.PolicySignatures;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a policy file may be applied, at start and on every reload alike: it must
 * validate, and when the agent has a public key, its detached signature must verify over the
 * exact bytes that were validated.
 */
final class PolicyGate {

  private final PublicKey publicKey;

  /** @param publicKey the key signatures must verify with, or null when policies are not signed */
  PolicyGate(PublicKey publicKey) {
    this.publicKey = publicKey;
  }

  /** The outcome for one file's content. */
  static final class Verdict {
    final Policy policy;
    final List<String> reasons;

    private Verdict(Policy policy, List<String> reasons) {
      this.policy = policy;
      this.reasons = reasons;
    }

    boolean admitted() {
      return policy != null;
    }
  }

  Verdict admit(Path path, byte[] content) {
    PolicyLoadResult result = PolicyLoader.parse(path.toString(), content);
    List<String> reasons = new ArrayList<>();
    for (PolicyProblem error : result.errors()) {
      reasons.add(error.toString());
    }
    if (!result.ok() || result.policy().isEmpty()) {
      return new Verdict(null, reasons);
    }
    if (publicKey != null) {
      String problem = PolicySignatures.check(path, content, publicKey);
      if (problem != null) {
        reasons.add(path + ": signature: " + problem);
        return new Verdict(null, reasons);
      }
    }
    return new Verdict(result.policy().get(), reasons);
  }
}
