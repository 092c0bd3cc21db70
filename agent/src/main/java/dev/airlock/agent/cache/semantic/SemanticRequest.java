package dev.airlock.agent.cache.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.cache.CacheKey;
import dev.airlock.agent.cache.CacheKeys;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.redact.RequestTexts;
import dev.airlock.agent.redact.TextRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request into what the semantic cache compares by meaning and what it compares exactly.
 *
 * <p>The <b>question</b> is the request's last user turn: the run of user texts at the end of the
 * conversation (several when one message has several text parts). Only it is embedded.
 *
 * <p>Everything else forms the <b>scope</b>, which must match exactly: the {@link CacheKeys exact
 * cache's key} of the body with the question's texts blanked, so it covers the endpoint, the
 * target that answers, the tenant, the system prompt, the earlier turns, the model's parameters,
 * tools, images and response format; plus the embedder's name and what outside the body changes
 * the answer (query string, Anthropic version and beta headers). Two requests share a scope exactly
 * when they differ at most in the wording of their last user turn. Earlier turns are compared
 * exactly, not by meaning, on purpose: "and its population?" means different things after
 * different conversations.
 *
 * <p>A request whose conversation does not end with user text (a tool result, an assistant
 * prefill) has no question and bypasses the semantic cache, as do a question longer than {@link
 * #MAX_QUESTION_CHARS} and endpoints other than chat-style generation. Stateless and thread-safe.
 */
public final class SemanticRequest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /**
   * Longer questions bypass the semantic cache: embedding time grows with the text (a local model
   * embeds it in 256-token pieces), and a long prompt (a document to summarize) is rarely asked
   * again in other words.
   */
  public static final int MAX_QUESTION_CHARS = 4000;

  /** Bumped whenever the scope's form changes, so scopes of an older form never match. */
  private static final String FORMAT = "airlock.cache.semantic/1";

  private final CacheKey scope;
  private final String question;

  private SemanticRequest(CacheKey scope, String question) {
    this.scope = scope;
    this.question = question;
  }

  /**
   * The split of a request, or null when the semantic cache does not apply to it.
   *
   * @param endpoint where the request goes
   * @param target the provider and model that will answer, after routing
   * @param tenant the tenant the call is attributed to, or null
   * @param embedder the name of the embedder whose vectors will be compared
   * @param body the request body as the application wrote it
   */
  public static SemanticRequest of(Endpoint endpoint, String target, String tenant, String embedder, byte[] body) {
    return of(endpoint, target, tenant, null, embedder, body);
  }

  /**
   * As {@link #of(Endpoint, String, String, String, byte[])}, with what outside the body changes
   * the answer (the exact cache's variant: query string, Anthropic version and beta headers).
   *
   * @param variant that variant, or null
   */
  public static SemanticRequest of(Endpoint endpoint, String target, String tenant, String variant, String embedder,
      byte[] body) {
    if (!supports(endpoint) || body == null) {
      return null;
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    List<TextRole> roles = new ArrayList<>();
    // This first pass only reads (returning each text unchanged leaves the tree as it was).
    RequestTexts.visit(endpoint, root, (text, role) -> {
      roles.add(role);
      return text;
    });
    int first = roles.size();
    while (first > 0 && roles.get(first - 1) == TextRole.USER) {
      first--;
    }
    if (first == roles.size()) {
      return null;
    }
    int questionStart = first;
    StringBuilder question = new StringBuilder();
    int[] index = {0};
    RequestTexts.visit(endpoint, root, (text, role) -> {
      if (index[0]++ < questionStart) {
        return text;
      }
      if (question.length() > 0) {
        question.append('\n');
      }
      question.append(text);
      // Blanked, not removed: the shape of the conversation (how many parts) stays in the scope.
      return "";
    });
    if (question.toString().isBlank() || question.length() > MAX_QUESTION_CHARS) {
      return null;
    }
    byte[] scopeBody;
    try {
      scopeBody = MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      return null;
    }
    CacheKey scope = CacheKeys.of(endpoint, target, tenant, FORMAT + "|" + embedder + "|" + variant, scopeBody);
    return scope == null ? null : new SemanticRequest(scope, question.toString());
  }

  /** The endpoints whose requests are questions with answers: chat-style generation. */
  public static boolean supports(Endpoint endpoint) {
    switch (endpoint) {
      case OPENAI_CHAT:
      case OPENAI_RESPONSES:
      case ANTHROPIC_MESSAGES:
      case GEMINI_GENERATE_CONTENT:
        return true;
      default:
        // Gemini's streaming endpoint answers SSE or a JSON array depending on a query parameter
        // the scope does not see (as for the exact cache); embeddings and legacy completions are
        // not conversations.
        return false;
    }
  }

  /** Everything that must match exactly (see the class comment). */
  public CacheKey scope() {
    return scope;
  }

  /** The last user turn, the text that is embedded. */
  public String question() {
    return question;
  }
}
