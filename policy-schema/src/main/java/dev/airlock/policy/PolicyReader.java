package dev.airlock.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the top level of a located tree into a {@link Policy}: dispatches each key to the reader of
 * its section, refuses sections that are not enforced (through {@link EnforcedSections}), reports
 * unknown keys with a suggestion, and checks the required keys. Every problem is recorded; a policy
 * is returned only when there is no error.
 *
 * <p>{@code routes:}, {@code budgets:} and {@code cache:} (its embedder) name providers and PII
 * types defined elsewhere in the file, so they are read last, with a {@link PolicyContext} of the whole document; sections may
 * appear in any order, and problems still come out in document order.
 */
final class PolicyReader {

  /** Sections that refer to other sections; read after all the others. */
  private static final List<String> READ_LAST = Arrays.asList("routes", "budgets", "cache");

  private static final List<String> ON_INTERNAL_ERROR = Arrays.asList("pass_through", "block");

  private final Expect expect;
  private final Function<String, String> env;
  private final Map<String, ProviderSpec> providers = new LinkedHashMap<>();
  private PolicyContext context;

  PolicyReader(Expect expect, Function<String, String> env) {
    this.expect = expect;
    this.env = env;
  }

  /** The policy, or null when any error was recorded (by this reader or before it). */
  Policy read(PolicyNode root, String sourceName, String sha256) {
    if (Expect.alreadyReported(root)) {
      return null;
    }
    if (!(root instanceof MappingNode)) {
      expect
          .problems()
          .error(root, "a policy must be a mapping of sections, got " + root.describe());
      return null;
    }
    MappingNode doc = (MappingNode) root;
    Policy.Builder policy = Policy.builder().sourceName(sourceName).sha256(sha256);
    List<MappingNode.Entry> last = new ArrayList<>();
    for (MappingNode.Entry entry : doc.entries()) {
      String key = entry.key();
      if (!EnforcedSections.isSection(key)) {
        expect.unknownKey(entry, EnforcedSections.all());
      } else if (!EnforcedSections.isEnforced(key)) {
        EnforcedSections.checkUnenforced(entry, expect);
      } else if (READ_LAST.contains(key)) {
        last.add(entry);
      } else {
        readEnforced(entry, policy);
      }
    }
    context = PolicyContext.of(expect, doc, providers);
    for (MappingNode.Entry entry : last) {
      readEnforced(entry, policy);
    }
    requireKey(doc, "airlock", "the policy format version: write airlock: 1");
    requireKey(doc, "name", "a name for the policy, reported in every span and audit line");
    if (expect.problems().hasErrors()) {
      return null;
    }
    return policy.build();
  }

  private void readEnforced(MappingNode.Entry entry, Policy.Builder policy) {
    PolicyNode value = entry.value();
    switch (entry.key()) {
      case "airlock":
        readFormatVersion(value, policy);
        break;
      case "name":
        policy.name(expect.string(value));
        break;
      case "version":
        policy.version(expect.string(value));
        break;
      case "providers":
        providers.putAll(new ProvidersReader(expect, env).read(value));
        providers.values().forEach(policy::provider);
        break;
      case "models":
        new ModelsReader(expect).read(value).forEach(policy::model);
        break;
      case "pii":
        policy.pii(new PiiReader(expect).read(value));
        break;
      case "identity":
        policy.identity(new IdentityReader(expect).read(value));
        break;
      case "guardrails":
        policy.guardrails(new GuardrailsReader(expect).read(value));
        break;
      case "routes":
        new RoutesReader(expect, context).read(value).forEach(policy::route);
        break;
      case "resilience":
        policy.resilience(new ResilienceReader(expect).read(value));
        break;
      case "cache":
        policy.cache(new CacheReader(expect, context).read(value));
        break;
      case "budgets":
        new BudgetsReader(expect, context).read(value).forEach(policy::budget);
        break;
      case "rate_limits":
        new RateLimitsReader(expect).read(value).forEach(policy::rateLimit);
        break;
      case "state":
        StatePolicy state = new StateReader(expect).read(value);
        if (state != null) {
          policy.state(state);
        }
        break;
      case "audit":
        AuditPolicy audit = new AuditReader(expect).read(value);
        if (audit != null) {
          policy.audit(audit);
        }
        break;
      case "telemetry":
        Boolean capture = new TelemetryReader(expect).captureContent(value);
        if (capture != null) {
          policy.captureContent(capture);
        }
        break;
      case "on_internal_error":
        String mode = expect.oneOf(value, ON_INTERNAL_ERROR);
        if (mode != null) {
          policy.onInternalError(OnInternalError.valueOf(mode.toUpperCase(Locale.ROOT)));
        }
        break;
      default:
        // EnforcedSections lists a section this reader does not know: a programming error that
        // must not turn into a silently ignored control.
        throw new IllegalStateException("no reader for enforced section '" + entry.key() + "'");
    }
  }

  private void readFormatVersion(PolicyNode value, Policy.Builder policy) {
    if (Expect.alreadyReported(value)) {
      return;
    }
    if (value instanceof ScalarNode && ((ScalarNode) value).type() == ScalarNode.Type.INTEGER) {
      ScalarNode v = (ScalarNode) value;
      if (v.number() != null
          && v.number().compareTo(BigDecimal.valueOf(Policy.FORMAT_VERSION)) == 0) {
        policy.formatVersion(Policy.FORMAT_VERSION);
        return;
      }
      expect
          .problems()
          .error(
              value,
              "policy format version "
                  + v.text()
                  + " is not supported; this version of Airlock reads airlock: "
                  + Policy.FORMAT_VERSION);
      return;
    }
    expect
        .problems()
        .error(
            value,
            "must be the policy format version "
                + Policy.FORMAT_VERSION
                + ", got "
                + value.describe());
  }

  private void requireKey(MappingNode doc, String key, String what) {
    if (doc.entry(key) == null) {
      expect.problems().error(doc, "missing required key '" + key + "' (" + what + ")");
    }
  }
}
