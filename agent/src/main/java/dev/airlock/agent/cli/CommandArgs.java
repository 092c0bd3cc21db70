package dev.airlock.agent.cli;

import dev.airlock.policy.DidYouMean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: positionals, {@code --flag}s and {@code --option VALUE} (or
 * {@code --option=VALUE}). Only the names a command declares are accepted, so a typo such as
 * {@code --jsn} is a usage error with a suggestion rather than a positional argument read as a file.
 */
final class CommandArgs {

  private final List<String> positionals;
  private final Set<String> flags;
  private final Map<String, String> options;

  private CommandArgs(List<String> positionals, Set<String> flags, Map<String, String> options) {
    this.positionals = positionals;
    this.flags = flags;
    this.options = options;
  }

  /**
   * @param flagNames options without a value, e.g. {@code --json}
   * @param optionNames options with one value, e.g. {@code --tenant}
   * @throws UsageException for an undeclared option, a missing value or an option given twice
   */
  static CommandArgs parse(List<String> args, Set<String> flagNames, Set<String> optionNames) throws UsageException {
    List<String> positionals = new ArrayList<>();
    Set<String> flags = new LinkedHashSet<>();
    Map<String, String> options = new LinkedHashMap<>();
    boolean onlyPositionals = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (onlyPositionals || !arg.startsWith("-") || arg.equals("-")) {
        positionals.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        onlyPositionals = true; // the usual escape for a file whose name starts with a dash
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      if (flagNames.contains(name)) {
        if (eq > 0) {
          throw new UsageException(name + " takes no value");
        }
        flags.add(name);
      } else if (optionNames.contains(name)) {
        String value;
        if (eq > 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new UsageException(name + " needs a value");
        }
        if (options.put(name, value) != null) {
          throw new UsageException(name + " is given twice");
        }
      } else {
        List<String> known = new ArrayList<>(flagNames);
        known.addAll(optionNames);
        throw new UsageException("unknown option '" + name + "'" + DidYouMean.hint(name, known));
      }
    }
    return new CommandArgs(Collections.unmodifiableList(positionals), flags, options);
  }

  List<String> positionals() {
    return positionals;
  }

  boolean has(String flag) {
    return flags.contains(flag);
  }

  /** The option's value, or null when it was not given. */
  String option(String name) {
    return options.get(name);
  }
}
