package dev.airlock.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes sections from the block-style YAML of a policy by dotted path ({@code routes},
 * {@code guardrails.output}), as text, so that comments and layout survive; and reads which paths
 * the agent's {@code validate} refused as not enforced yet.
 */
final class PolicySections {

  /** {@code file:line:col: error: PATH: ... is not enforced by this version of Airlock ...} */
  private static final Pattern UNENFORCED = Pattern.compile(": error: ([A-Za-z0-9_.\\-]+): .*not enforced by this version");

  private PolicySections() {}

  /** The paths the validator's output refuses as not enforced, in order. */
  static List<String> unenforcedPaths(String validatorOutput) {
    List<String> paths = new ArrayList<>();
    for (String line : validatorOutput.split("\\R")) {
      Matcher m = UNENFORCED.matcher(line);
      if (m.find() && !paths.contains(m.group(1))) {
        paths.add(m.group(1));
      }
    }
    return paths;
  }

  /**
   * The YAML without the key at {@code path} and its block; a parent left without children goes
   * too. A path that is not there leaves the text unchanged.
   */
  static String remove(String yaml, String path) {
    List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
    String[] keys = path.split("\\.");
    int from = 0;
    int to = lines.size();
    int indent = 0;
    int parent = -1;
    for (int depth = 0; depth < keys.length; depth++) {
      int found = -1;
      for (int i = from; i < to; i++) {
        String l = lines.get(i);
        if (!isBlankOrComment(l) && indentOf(l) == indent && l.startsWith(keys[depth] + ":", indent)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        return yaml;
      }
      int end = blockEnd(lines, found, to, indent);
      if (depth == keys.length - 1) {
        lines.subList(found, end).clear();
        if (parent >= 0 && !hasContent(lines, parent + 1, blockEnd(lines, parent, lines.size(), indentOf(lines.get(parent))))) {
          lines.subList(parent, blockEnd(lines, parent, lines.size(), indentOf(lines.get(parent)))).clear();
        }
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n");
      }
      parent = found;
      from = found + 1;
      to = end;
      indent = -1;
      for (int i = from; i < to; i++) {
        if (!isBlankOrComment(lines.get(i))) {
          indent = indentOf(lines.get(i));
          break;
        }
      }
      if (indent < 0) {
        return yaml;
      }
    }
    return yaml;
  }

  /** The first line after {@code start}'s block: the next content line indented at most {@code indent}. */
  private static int blockEnd(List<String> lines, int start, int limit, int indent) {
    int end = start + 1;
    while (end < limit && (isBlankOrComment(lines.get(end)) || indentOf(lines.get(end)) > indent)) {
      end++;
    }
    // Leave blank and comment lines that precede the next key with it.
    while (end - 1 > start && isBlankOrComment(lines.get(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean hasContent(List<String> lines, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isBlankOrComment(lines.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlankOrComment(String line) {
    String t = line.trim();
    return t.isEmpty() || t.startsWith("#");
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
