package dev.airlock.agent.policy;

import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.policy.PolicyProblem;
import dev.airlock.policy.PolicySignatures;
import dev.airlock.policy.ProviderSpec;
import dev.airlock.policy.RoutePolicy;
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
    List<String> missing = missingSecrets(result.policy().get(), System::getenv);
    if (!missing.isEmpty()) {
      missing.forEach(problem -> reasons.add(path + ": " + problem));
      return new Verdict(null, reasons);
    }
    return new Verdict(result.policy().get(), reasons);
  }

  /**
   * Keys a route would send but the environment lacks: at load time these are errors (validate
   * only warns, since the machine it runs on is not the one the agent runs on). A provider no route
   * uses may lack its key.
   */
  static List<String> missingSecrets(Policy policy, java.util.function.Function<String, String> env) {
    java.util.Set<String> used = new java.util.LinkedHashSet<>();
    for (RoutePolicy route : policy.routes()) {
      route.to().forEach(t -> used.add(t.provider()));
      route.canary().ifPresent(c -> used.add(c.to().provider()));
      route.shadow().ifPresent(s -> used.add(s.to().provider()));
    }
    policy.budgets().forEach(b -> b.onExceed().downgradeTo().ifPresent(t -> used.add(t.provider())));
    List<String> missing = new ArrayList<>();
    for (String provider : used) {
      policy.provider(provider).flatMap(ProviderSpec::apiKey).ifPresent(key -> {
        if (!key.isAvailable(env)) {
          missing.add("error: providers." + provider + ".api_key: " + key
              + " is not set, and a route sends calls to " + provider);
        }
      });
    }
    return missing;
  }
}
