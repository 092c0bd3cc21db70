package dev.airlock.agent.cli;

import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code explain POLICY REQUEST.json}: prints the whole decision the agent would take for one
 * request, as text or ({@code --json}) as one JSON document. Exit 0 when explained (whatever the
 * verdict, blocked included), 1 when the policy is invalid, 2 for bad usage or a bad request file.
 */
final class ExplainCommand {

  static final String HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar explain POLICY REQUEST.json [--json] [--show-values] [--show-body]",
      "                                           [--tenant T] [--feature F] [--user U] [--caller CLASS]",
      "",
      "Runs one request through the policy as the agent would, sends nothing, and prints the decision:",
      "the policy (name, version, sha256); the provider and API the URL matches (or 'not an LLM call');",
      "model, stream and parameters; who calls (identity); for each text of the request its role, length",
      "and the personal data found in it (type, char span [start,end), confidence, action, placeholder);",
      "the prompt-injection score against the threshold; the routes: which one matched (name and line),",
      "why each route before it did not, the target chain in order (format, translation, region, whose",
      "key is sent; keys are never read or printed), canary, shadow, require_region, a route's deny and",
      "PII action; the resilience settings; the cache (cacheable or not, a key fingerprint); each budget",
      "and rate limit with its counter (e.g. tenant:acme) and this request's share; cost; and the",
      "verdict: sent (where), or blocked by which rule (pii.TYPE, guardrails.prompt_injection,",
      "route:NAME) with the error body the application receives. Nothing is counted: the CLI has no",
      "live budget or rate counters and no cache, so it shows limits, never what is left.",
      "",
      "Identity is resolved from the policy's sources; --tenant, --feature, --user and --caller stand in",
      "for what only the running app knows. A route's canary is sticky per tenant (or user), so for a",
      "given --tenant the answer is fixed; without one it is a random share, and said so.",
      "",
      "REQUEST.json is what the application sends:",
      "  {\"url\": \"https://api.openai.com/v1/chat/completions\",",
      "   \"headers\": {\"x-tenant\": \"acme\"},",
      "   \"body\": {\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"...\"}]}}",
      "Instead of url: \"provider\": \"openai\" (a policy or built-in name) and optionally",
      "\"endpoint\": \"openai_chat\" | openai_responses | openai_embeddings | openai_completions | anthropic_messages.",
      "A string body is sent as written (to explain a body the agent does not understand).",
      "",
      "  --json          one JSON document instead of text (members: policy, request, identity, pii,",
      "                  injection, routes, target, resilience, cache, budgets, rate_limits, cost, verdict)",
      "  --show-values   print detected values as they are (default: first and last character only)",
      "  --show-body     print the body the provider would receive, after redaction",
      "  --tenant T, --feature F, --user U, --caller CLASS",
      "                  the calling context, used where the request itself does not say",
      "",
      "Exit codes: 0 explained (also when the verdict is 'blocked'), 1 the policy is invalid,",
      "2 bad usage or a bad request file.");

  private static final Set<String> FLAGS = Set.of("--json", "--show-values", "--show-body", "--help", "-h");
  private static final Set<String> OPTIONS = Set.of("--tenant", "--feature", "--user", "--caller");

  private final PrintStream out;
  private final PrintStream err;

  ExplainCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> rawArgs) {
    CommandArgs args;
    try {
      args = CommandArgs.parse(rawArgs, FLAGS, OPTIONS);
    } catch (UsageException e) {
      return usage(e.getMessage());
    }
    if (args.has("--help") || args.has("-h")) {
      out.println(HELP);
      return AirlockCli.OK;
    }
    if (args.positionals().size() != 2) {
      return usage(args.positionals().isEmpty() ? null : "expected POLICY and REQUEST.json, got "
          + args.positionals().size() + " argument(s)");
    }
    try {
      PolicyLoadResult loaded = PolicyFiles.load(args.positionals().get(0), err);
      if (!loaded.ok()) {
        return AirlockCli.FAILED;
      }
      Policy policy = loaded.policy().get();
      RequestSpec spec = RequestSpec.read(Path.of(args.positionals().get(1)));
      RequestContext context = new RequestContext(args.option("--tenant"), args.option("--feature"),
          args.option("--user"), args.option("--caller"));
      ExplainOptions options = new ExplainOptions(args.has("--show-values"), args.has("--show-body"));
      Explanation explanation = Explainer.explain(new DryRun(policy).run(spec, context), options);
      out.print(args.has("--json") ? explanation.toJson() + "\n" : explanation.toText());
      return AirlockCli.OK;
    } catch (UsageException e) {
      err.println("airlock explain: " + e.getMessage());
      return AirlockCli.USAGE;
    }
  }

  /** The whole help when nothing was given; otherwise the one problem, and where the help is. */
  private int usage(String problem) {
    if (problem == null) {
      err.println(HELP);
    } else {
      err.println("airlock explain: " + problem + " (see: java -jar airlock-agent.jar explain --help)");
    }
    return AirlockCli.USAGE;
  }
}
