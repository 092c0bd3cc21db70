package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The providers Airlock knows without a {@code providers:} entry in the policy. The agent uses the
 * same table to recognize LLM traffic: {@link #forHost(String)} is the check every outgoing HTTP
 * call pays, so it is two hash lookups at most and never scans the table.
 *
 * <p>All built-ins speak the OpenAI wire format except {@code anthropic} and {@code gemini}.
 */
public final class BuiltinProviders {

  private static final List<BuiltinProvider> ALL;
  private static final Map<String, BuiltinProvider> BY_NAME;
  private static final Map<String, BuiltinProvider> BY_EXACT_HOST;

  /** Keyed by the suffix including its leading dot, e.g. {@code .openai.azure.com}. */
  private static final Map<String, BuiltinProvider> BY_HOST_SUFFIX;

  static {
    WireFormat openai = WireFormat.OPENAI;
    List<BuiltinProvider> all = new ArrayList<>();
    all.add(BuiltinProvider.exact("openai", openai, "https://api.openai.com/v1", "openai"));
    all.add(
        BuiltinProvider.exact(
            "anthropic", WireFormat.ANTHROPIC, "https://api.anthropic.com", "anthropic"));
    all.add(
        BuiltinProvider.exact(
            "gemini",
            WireFormat.GEMINI,
            "https://generativelanguage.googleapis.com",
            "gcp.gemini"));
    all.add(BuiltinProvider.suffix("azure-openai", openai, ".openai.azure.com", "azure.ai.openai"));
    all.add(BuiltinProvider.exact("mistral", openai, "https://api.mistral.ai/v1", "mistral_ai"));
    all.add(BuiltinProvider.exact("groq", openai, "https://api.groq.com/openai/v1", "groq"));
    all.add(BuiltinProvider.exact("deepseek", openai, "https://api.deepseek.com", "deepseek"));
    all.add(
        BuiltinProvider.exact("openrouter", openai, "https://openrouter.ai/api/v1", "openrouter"));
    all.add(
        BuiltinProvider.exact("together", openai, "https://api.together.xyz/v1", "together_ai"));
    all.add(
        BuiltinProvider.exact(
            "fireworks", openai, "https://api.fireworks.ai/inference/v1", "fireworks_ai"));
    all.add(BuiltinProvider.exact("xai", openai, "https://api.x.ai/v1", "x_ai"));
    all.add(BuiltinProvider.exact("perplexity", openai, "https://api.perplexity.ai", "perplexity"));
    all.add(BuiltinProvider.exact("cerebras", openai, "https://api.cerebras.ai/v1", "cerebras"));

    Map<String, BuiltinProvider> byName = new LinkedHashMap<>();
    Map<String, BuiltinProvider> byHost = new HashMap<>();
    Map<String, BuiltinProvider> bySuffix = new HashMap<>();
    for (BuiltinProvider p : all) {
      byName.put(p.name(), p);
      (p.hostIsSuffix() ? bySuffix : byHost).put(p.host(), p);
    }
    ALL = Collections.unmodifiableList(all);
    BY_NAME = Collections.unmodifiableMap(byName);
    BY_EXACT_HOST = Collections.unmodifiableMap(byHost);
    BY_HOST_SUFFIX = Collections.unmodifiableMap(bySuffix);
  }

  private BuiltinProviders() {}

  /** Every built-in, in a stable order (the big three first). */
  public static List<BuiltinProvider> all() {
    return ALL;
  }

  /** Built-in names in the same order as {@link #all()}. */
  public static List<String> names() {
    return new ArrayList<>(BY_NAME.keySet());
  }

  /** The built-in called {@code name} in a policy. */
  public static Optional<BuiltinProvider> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** True if {@code name} is a built-in provider name. */
  public static boolean isBuiltin(String name) {
    return BY_NAME.containsKey(name);
  }

  /**
   * The built-in serving {@code host}, or null for any other host (the common case, kept cheap):
   * one exact-host hash lookup, then one lookup of the part from the first dot on, which catches
   * per-customer hosts such as {@code myco.openai.azure.com}. Only the first label is stripped:
   * {@code a.b.openai.azure.com} is not recognized (Azure resource hosts have a single label before
   * the suffix), which keeps the miss path at two lookups.
   *
   * @param host a host name without port, as in {@code URI#getHost()}; matched case-insensitively
   */
  public static BuiltinProvider forHost(String host) {
    if (host == null || host.isEmpty()) {
      return null;
    }
    BuiltinProvider p = lookup(host);
    if (p == null && hasUpperCaseOrTrailingDot(host)) {
      String h = host.toLowerCase(Locale.ROOT);
      // A fully qualified name may end with a dot ("api.openai.com.").
      if (h.endsWith(".")) {
        h = h.substring(0, h.length() - 1);
      }
      p = lookup(h);
    }
    return p;
  }

  private static BuiltinProvider lookup(String host) {
    BuiltinProvider p = BY_EXACT_HOST.get(host);
    if (p != null) {
      return p;
    }
    int dot = host.indexOf('.');
    return dot > 0 ? BY_HOST_SUFFIX.get(host.substring(dot)) : null;
  }

  private static boolean hasUpperCaseOrTrailingDot(String host) {
    if (host.charAt(host.length() - 1) == '.') {
      return true;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return true;
      }
    }
    return false;
  }
}
