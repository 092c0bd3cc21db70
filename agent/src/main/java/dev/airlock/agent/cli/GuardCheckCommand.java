package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.guard.injection.ContentSource;
import dev.airlock.agent.guard.injection.InjectionDetector;
import dev.airlock.agent.guard.injection.InjectionDetectors;
import dev.airlock.agent.guard.injection.InjectionScore;
import dev.airlock.policy.Policy;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code guard check [--policy POLICY] [--source user|tool_result] [--jsonl]}: scores text from
 * stdin with the prompt-injection detector the agent uses (a plug-in detector on the class path
 * included), as user text or as a tool result, and prints the score, whether it reaches the
 * threshold and the strongest signal, so a security team can try the guardrail on its own samples,
 * one text or a batch. The source matters: the detector weighs the same words differently in data
 * the model reads (a retrieved page speaking to "the assistant" is out of place, a user doing so is
 * not).
 */
final class GuardCheckCommand extends StdinTextCommand {

  /** The policy language's default {@code guardrails.prompt_injection.threshold}. */
  static final double DEFAULT_THRESHOLD = 0.8;

  /** The {@code --source} values and the content source each scores the text as. */
  private static final Map<String, ContentSource> SOURCES = sources();

  static final String HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar guard check [--policy POLICY] [--source user|tool_result] [--jsonl]",
      "       < TEXT",
      "",
      "Reads text on stdin, scores it for prompt injection as the agent scores a user message (or a",
      "tool result), and prints {\"score\":0.93,\"flagged\":true,\"signal\":\"instruction_override\"}:",
      "score in 0..1, flagged when it reaches the threshold, signal the rule family of the strongest",
      "evidence (null when there is none).",
      "",
      "  --policy POLICY  take the threshold from guardrails.prompt_injection (default 0.8)",
      "  --source SOURCE  score the text as 'user' text (the default) or as a 'tool_result', data the",
      "                   model reads (a tool's output, a retrieved document): orders addressed to the",
      "                   assistant, role labels and hidden text weigh more there",
      "  --jsonl          read one JSON object per line, {\"text\": \"...\"}, and answer each with one",
      "                   line (blank lines are skipped): for batch evaluation",
      "",
      "Exit codes: 0 scored (flagged or not), 1 the policy is invalid, 2 bad usage or input.");

  private static final ObjectMapper JSON = new ObjectMapper();

  GuardCheckCommand(InputStream in, PrintStream out, PrintStream err) {
    super("guard", "check", HELP, in, out, err);
  }

  @Override
  Set<String> commandOptions() {
    return Set.of("--source");
  }

  @Override
  Function<String, String> answerer(Policy policy) {
    return answerer(policy, ContentSource.USER);
  }

  @Override
  Function<String, String> answerer(Policy policy, CommandArgs args) throws UsageException {
    String name = args.option("--source");
    if (name == null) {
      return answerer(policy, ContentSource.USER);
    }
    ContentSource source = SOURCES.get(name);
    if (source == null) {
      throw new UsageException("--source must be one of " + String.join(", ", SOURCES.keySet()) + ", got '"
          + name + "'");
    }
    return answerer(policy, source);
  }

  private Function<String, String> answerer(Policy policy, ContentSource source) {
    double threshold = policy == null ? DEFAULT_THRESHOLD : policy.guardrails()
        .filter(g -> g.injectionAction().isPresent())
        .map(g -> g.injectionThreshold())
        .orElse(DEFAULT_THRESHOLD);
    InjectionDetector detector = InjectionDetectors.load(GuardCheckCommand.class.getClassLoader());
    return text -> verdict(detector, text, source, threshold);
  }

  private static Map<String, ContentSource> sources() {
    Map<String, ContentSource> m = new LinkedHashMap<>();
    m.put("user", ContentSource.USER);
    m.put("tool_result", ContentSource.TOOL_RESULT);
    return Collections.unmodifiableMap(m);
  }

  /** {@code {"score":..,"flagged":..,"signal":..}} for one text from {@code source}, on one line. */
  static String verdict(InjectionDetector detector, String text, ContentSource source, double threshold) {
    InjectionScore score = detector.score(text, source);
    ObjectNode root = JSON.createObjectNode();
    root.put("score", score.score());
    root.put("flagged", score.score() >= threshold);
    root.put("signal", score.topRule());
    return root.toString();
  }
}
