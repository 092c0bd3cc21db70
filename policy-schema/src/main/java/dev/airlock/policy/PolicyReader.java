package dev.airlock.policy;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Reads the top level of a located tree into a {@link Policy}: dispatches each key to the reader of
 * its section, refuses sections that are not enforced (through {@link EnforcedSections}), reports
 * unknown keys with a suggestion, and checks the required keys. Every problem is recorded; a policy
 * is returned only when there is no error.
 */
final class PolicyReader {

  private final Expect expect;
  private final Function<String, String> env;

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
    for (MappingNode.Entry entry : doc.entries()) {
      String key = entry.key();
      if (!EnforcedSections.isSection(key)) {
        expect.unknownKey(entry, EnforcedSections.all());
      } else if (!EnforcedSections.isEnforced(key)) {
        EnforcedSections.checkUnenforced(entry, expect);
      } else {
        readEnforced(entry, policy);
      }
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
        new ProvidersReader(expect, env).read(value).values().forEach(policy::provider);
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
