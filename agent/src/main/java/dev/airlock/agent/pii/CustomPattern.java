package dev.airlock.agent.pii;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A policy's own pattern ({@code {name: customer_id, pattern: 'CUST-[0-9]{8}'}}): every
 * non-empty match of the regex is reported under the pattern's name as the type.
 *
 * <p>The regex ({@link java.util.regex.Pattern} syntax) is compiled once, when the policy loads;
 * an invalid one fails then, with the compiler's message. Its cost per call is the policy
 * author's: a pattern with nested quantifiers can backtrack badly, so prefer possessive
 * quantifiers or anchored literals for ids.
 *
 * <p>Immutable and thread-safe; {@link #withConfidence} and {@link #withContext} return copies.
 */
public final class CustomPattern implements Detector {

  /** Default confidence: a policy pattern is usually a precise id format. */
  public static final double DEFAULT_CONFIDENCE = 0.85;

  private final String name;
  private final Pattern pattern;
  /** The literal every match starts with (see {@link #leadingLiteral}), or "" when none is known. */
  private final String leadingLiteral;
  private final double confidence;
  private final ContextWords context;

  private CustomPattern(String name, Pattern pattern, double confidence, ContextWords context) {
    this.name = name;
    this.pattern = pattern;
    this.leadingLiteral = leadingLiteral(pattern.pattern());
    this.confidence = confidence;
    this.context = context;
  }

  /**
   * @param name the type reported on each match (the pattern's name in the policy)
   * @param regex a {@link java.util.regex.Pattern} regex
   * @throws IllegalArgumentException when the name is blank or the regex does not compile (the
   *     message is the compiler's, pointing at the error)
   */
  public static CustomPattern of(String name, String regex) {
    WordList.requireName(name);
    Objects.requireNonNull(regex, "regex");
    try {
      return new CustomPattern(
          name, Pattern.compile(regex), DEFAULT_CONFIDENCE, ContextWords.NONE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** A copy that reports matches with {@code confidence} (before context), in [0, 1]. */
  public CustomPattern withConfidence(double confidence) {
    requireUnit(confidence, "confidence");
    return new CustomPattern(name, pattern, confidence, context);
  }

  /**
   * A copy whose confidence changes by {@code boost} (in [-1, 1]; negative lowers it) when one of
   * {@code words} appears near a match: within 40 chars before it or 20 after, compared
   * case-insensitively as whole words ({@code "acct*"} matches as a prefix).
   */
  public CustomPattern withContext(List<String> words, double boost) {
    requireBoost(boost);
    return new CustomPattern(name, pattern, confidence, ContextWords.of(boost, words));
  }

  @Override
  public String type() {
    return name;
  }

  /** The regex as written in the policy. */
  public String regex() {
    return pattern.pattern();
  }

  @Override
  public void detect(CharSequence text, List<Detection> out) {
    int from = 0;
    if (!leadingLiteral.isEmpty() && text instanceof String) {
      // No match can start before the literal's first occurrence, and none exists without one.
      // String.indexOf is vectorized; the regex's own search for the literal (Boyer-Moore over
      // CharSequence.charAt) cost several times more on chat text, where ids are rare.
      from = ((String) text).indexOf(leadingLiteral);
      if (from < 0) {
        return;
      }
    }
    Matcher m = pattern.matcher(text);
    // find(from) resets the matcher and searches from there; the region stays the whole text, so
    // look-behinds and boundaries see the same chars as a search from 0.
    boolean found = m.find(from);
    for (; found; found = m.find()) {
      if (m.end() == m.start()) {
        continue;
      }
      double conf = confidence + context.adjust(text, m.start(), m.end());
      out.add(new Detection(name, m.start(), m.end(), Confidence.of(conf), null));
    }
  }

  /**
   * The literal chars every match of {@code regex} starts with, or "" when the regex does not
   * plainly start with one: its leading ASCII letters, digits, '-' and '_', without the last of
   * them when a quantifier follows it ({@code "CUST-[0-9]{8}"} gives "CUST-", {@code "ab?c"} gives
   * "a"). Conservative: a regex with any '|' (an alternative could start otherwise), or starting
   * with an escape, a group, a class, an anchor or an inline flag gives "".
   */
  static String leadingLiteral(String regex) {
    if (regex.indexOf('|') >= 0) {
      return "";
    }
    int end = 0;
    while (end < regex.length() && isLiteral(regex.charAt(end))) {
      end++;
    }
    if (end < regex.length() && "?*+{".indexOf(regex.charAt(end)) >= 0) {
      end = Math.max(0, end - 1);
    }
    return regex.substring(0, end);
  }

  private static boolean isLiteral(char c) {
    return Chars.isAsciiAlnum(c) || c == '-' || c == '_';
  }

  static void requireUnit(double value, String what) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(what + " must be in [0, 1], got " + value);
    }
  }

  static void requireBoost(double boost) {
    if (!(boost >= -1.0 && boost <= 1.0)) {
      throw new IllegalArgumentException("boost must be in [-1, 1], got " + boost);
    }
  }
}
