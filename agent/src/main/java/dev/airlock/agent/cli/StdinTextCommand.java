package dev.airlock.agent.cli;

import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape shared by {@code pii scan} and {@code guard check}: {@code GROUP SUB [--policy POLICY]
 * [--jsonl]}, text on stdin (one text, or one {@code {"text": ...}} per line), one JSON line out
 * per text. Subclasses say only how a policy (or none) turns a text into its answer.
 */
abstract class StdinTextCommand {

  private static final Set<String> FLAGS = Set.of("--help", "-h", "--jsonl");
  private static final Set<String> OPTIONS = Set.of("--policy");

  private final String group;
  private final String sub;
  private final String help;
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  StdinTextCommand(String group, String sub, String help, InputStream in, PrintStream out, PrintStream err) {
    this.group = group;
    this.sub = sub;
    this.help = help;
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /**
   * What answers each text.
   *
   * @param policy the loaded {@code --policy}, or null without one
   */
  abstract Function<String, String> answerer(Policy policy);

  /**
   * What answers each text, given the command's own options as well ({@link #commandOptions()});
   * by default {@link #answerer(Policy)}.
   *
   * @throws UsageException for a bad value of one of those options
   */
  Function<String, String> answerer(Policy policy, CommandArgs args) throws UsageException {
    return answerer(policy);
  }

  /** Options with a value that this command takes besides {@code --policy}; none by default. */
  Set<String> commandOptions() {
    return Set.of();
  }

  /** @param rawArgs the arguments after the group ({@code pii}, {@code guard}) */
  final int run(List<String> rawArgs) {
    CommandArgs args;
    try {
      Set<String> options = new HashSet<>(OPTIONS);
      options.addAll(commandOptions());
      args = CommandArgs.parse(rawArgs, FLAGS, options);
    } catch (UsageException e) {
      return usage(e.getMessage());
    }
    List<String> positionals = args.positionals();
    if (args.has("--help") || args.has("-h")) {
      out.println(help);
      return AirlockCli.OK;
    }
    if (positionals.size() != 1 || !positionals.get(0).equals(sub)) {
      return usage(positionals.isEmpty() ? null
          : "expected '" + group + " " + sub + "', got '" + group + " " + String.join(" ", positionals) + "'");
    }
    try {
      Policy policy = null;
      String policyFile = args.option("--policy");
      if (policyFile != null) {
        PolicyLoadResult loaded = PolicyFiles.load(policyFile, err);
        if (!loaded.ok()) {
          return AirlockCli.FAILED;
        }
        policy = loaded.policy().get();
      }
      Function<String, String> answer;
      try {
        answer = answerer(policy, args);
      } catch (UsageException e) {
        return usage(e.getMessage());
      }
      TextInput.read(in, args.has("--jsonl"), text -> out.println(answer.apply(text)));
      out.flush();
      return AirlockCli.OK;
    } catch (UsageException e) {
      err.println("airlock " + group + " " + sub + ": " + e.getMessage());
      return AirlockCli.USAGE;
    } catch (IOException e) {
      err.println("airlock " + group + " " + sub + ": cannot read stdin: " + e.getMessage());
      return AirlockCli.USAGE;
    }
  }

  private int usage(String problem) {
    if (problem != null) {
      err.println("airlock " + group + ": " + problem);
    }
    err.println(help);
    return AirlockCli.USAGE;
  }
}
