package dev.airlock.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Test helpers: policies from lines of text, with a fixed fake environment. */
final class Policies {

  /** The environment every test sees: only EU_LLM_KEY and OPENAI_KEY are set. */
  static final Map<String, String> ENV = new HashMap<>();

  static {
    ENV.put("EU_LLM_KEY", "eu-secret-value");
    ENV.put("OPENAI_KEY", "sk-openai-secret-value");
  }

  private Policies() {}

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static PolicyLoadResult yaml(String... lines) {
    return parse("policy.yaml", lines(lines));
  }

  static PolicyLoadResult parse(String sourceName, String text) {
    return PolicyLoader.parse(sourceName, text.getBytes(StandardCharsets.UTF_8), ENV::get);
  }

  static String resource(String name) {
    try (InputStream in = Policies.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reference policy of the language (a copy of shared/design/policy-example.yaml). */
  static String example() {
    return resource("policy-example.yaml");
  }

  /**
   * {@code yaml} without the top-level sections that are not enforced (today every section is, so
   * the reference policy comes back whole).
   */
  static String withoutUnenforcedSections(String yaml) {
    StringBuilder out = new StringBuilder();
    boolean keep = true;
    for (String line : yaml.split("\n", -1)) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
        String key = line.substring(0, Math.max(line.indexOf(':'), 0));
        keep = EnforcedSections.isEnforced(key);
      }
      if (keep) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** Problems as {@code line:col path: message}, one per line, for readable assertion diffs. */
  static String render(Iterable<PolicyProblem> problems) {
    StringBuilder sb = new StringBuilder();
    for (PolicyProblem p : problems) {
      sb.append(p.line()).append(':').append(p.column()).append(' ');
      if (!p.path().isEmpty()) {
        sb.append(p.path()).append(": ");
      }
      sb.append(p.message()).append('\n');
    }
    return sb.toString();
  }

  static String paths(Iterable<PolicyProblem> problems) {
    return java.util.stream.StreamSupport.stream(problems.spliterator(), false)
        .map(PolicyProblem::path)
        .collect(Collectors.joining(","));
  }
}
