package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@link PolicyLoader} found: the policy when there is no error, and every error and warning
 * in document order. A result with errors never carries a policy, so a broken file can never be
 * half-applied (hot reload keeps the previous policy).
 *
 * <p>Immutable.
 */
public final class PolicyLoadResult {

  private final String sourceName;
  private final Policy policy;
  private final List<PolicyProblem> errors;
  private final List<PolicyProblem> warnings;

  PolicyLoadResult(
      String sourceName, Policy policy, List<PolicyProblem> errors, List<PolicyProblem> warnings) {
    if (policy != null && !errors.isEmpty()) {
      throw new IllegalArgumentException("a result with errors carries no policy");
    }
    this.sourceName = sourceName;
    this.policy = policy;
    this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
    this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
  }

  /** The name problems are reported under (the path as given, or the caller's source name). */
  public String sourceName() {
    return sourceName;
  }

  /** The policy, present exactly when {@link #ok()}. */
  public Optional<Policy> policy() {
    return Optional.ofNullable(policy);
  }

  /** Every error, in document order; any error means the policy is refused. */
  public List<PolicyProblem> errors() {
    return errors;
  }

  /** Every warning, in document order; warnings do not stop the policy from loading. */
  public List<PolicyProblem> warnings() {
    return warnings;
  }

  /** Errors and warnings together, in document order (errors first at the same position). */
  public List<PolicyProblem> problems() {
    List<PolicyProblem> all = new ArrayList<>(errors);
    all.addAll(warnings);
    all.sort(Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column));
    return Collections.unmodifiableList(all);
  }

  /** True when there is no error, and so a policy. */
  public boolean ok() {
    return errors.isEmpty();
  }

  /** One line per problem, as a compiler prints them, then a summary line. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (PolicyProblem p : problems()) {
      sb.append(p).append('\n');
    }
    sb.append(sourceName.isEmpty() ? "policy" : sourceName)
        .append(ok() ? ": ok" : ": refused")
        .append(" (")
        .append(errors.size())
        .append(errors.size() == 1 ? " error, " : " errors, ")
        .append(warnings.size())
        .append(warnings.size() == 1 ? " warning)" : " warnings)");
    return sb.toString();
  }
}
