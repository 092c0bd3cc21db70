package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.engine.ProviderEndpoint;
import dev.airlock.agent.engine.ProviderMatch;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the request is an LLM call and which one: the provider endpoint its URL matched in the
 * policy's registry, the API, and what the codec read from the body (model, stream, sampling
 * parameters). Header names are listed, never their values: they carry the application's keys.
 */
final class RequestSection implements ExplanationSection {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DryRunResult result;

  RequestSection(DryRunResult result) {
    this.result = result;
  }

  @Override
  public String key() {
    return "request";
  }

  @Override
  public void writeText(TextReport out) {
    out.row("request", "POST " + result.url());
    ProviderMatch match = result.match();
    if (match == null) {
      out.subRow("provider", "none: no provider of the policy or built-in serves this host, port and path;"
          + " not an LLM call, it passes untouched");
    } else {
      ProviderEndpoint p = match.provider();
      out.subRow("provider", p.providerName() + " (" + (isDeclared(p) ? "declared by the policy" : "built-in")
          + ", format " + lower(p.format().name()) + ", gen_ai.provider.name " + p.semconvProviderName()
          + (p.region() == null ? "" : ", region " + p.region()) + ")");
      out.subRow("endpoint", RequestSpec.name(match.endpoint()) + " (operation "
          + match.endpoint().operation().semconvName() + ")");
      LlmRequest request = result.request();
      if (request == null) {
        out.subRow("body", "not understood (not one JSON object of this API): the call passes untouched");
      } else {
        out.subRow("model", (request.model() == null ? "unknown" : request.model()) + ", stream " + request.stream());
        Map<String, Object> parameters = parameters(request);
        if (!parameters.isEmpty()) {
          StringBuilder s = new StringBuilder();
          parameters.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
          out.subRow("parameters", s.toString());
        }
      }
    }
    if (!result.spec().headers().isEmpty()) {
      out.subRow("headers", String.join(", ", result.spec().headers().keySet()) + " (values not shown)");
    }
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("method", "POST");
    node.put("url", result.url().toString());
    ProviderMatch match = result.match();
    node.put("llm_call", match != null);
    if (match != null) {
      ProviderEndpoint p = match.provider();
      ObjectNode provider = node.putObject("provider");
      provider.put("name", p.providerName());
      provider.put("declared", isDeclared(p));
      provider.put("format", lower(p.format().name()));
      provider.put("gen_ai_provider_name", p.semconvProviderName());
      if (p.region() != null) {
        provider.put("region", p.region());
      }
      node.put("endpoint", RequestSpec.name(match.endpoint()));
      node.put("operation", match.endpoint().operation().semconvName());
      LlmRequest request = result.request();
      node.put("understood", request != null);
      if (request != null) {
        node.put("model", request.model());
        node.put("stream", request.stream());
        ObjectNode params = node.putObject("parameters");
        parameters(request).forEach((k, v) -> params.set(k, JSON.valueToTree(v)));
      }
    }
    ArrayNode headers = node.putArray("headers");
    result.spec().headers().keySet().forEach(headers::add);
  }

  /** Declared providers are the policy's own entries; the registry also holds every built-in. */
  private boolean isDeclared(ProviderEndpoint p) {
    return result.policy().providers().containsKey(p.providerName())
        && !result.policy().providers().get(p.providerName()).isBuiltin();
  }

  /** The set parameters by their OpenAI names, in a fixed order. */
  private static Map<String, Object> parameters(LlmRequest r) {
    Map<String, Object> p = new LinkedHashMap<>();
    putIf(p, "temperature", r.temperature());
    putIf(p, "top_p", r.topP());
    putIf(p, "top_k", r.topK());
    putIf(p, "max_tokens", r.maxTokens());
    putIf(p, "seed", r.seed());
    putIf(p, "frequency_penalty", r.frequencyPenalty());
    putIf(p, "presence_penalty", r.presencePenalty());
    putIf(p, "n", r.choiceCount());
    putIf(p, "stop", r.stopSequences());
    if (r.systemPrompt() != null) {
      p.put("system_prompt_chars", r.systemPrompt().length());
    }
    return p;
  }

  private static void putIf(Map<String, Object> p, String key, Object value) {
    if (value != null) {
      p.put(key, value);
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
