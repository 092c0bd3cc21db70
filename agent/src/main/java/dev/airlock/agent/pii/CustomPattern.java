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
  private final double confidence;
  private final ContextWords context;

  private CustomPattern(String name, Pattern pattern, double confidence, ContextWords context) {
    this.name = name;
    this.pattern = pattern;
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
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (m.end() == m.start()) {
        continue;
      }
      double conf = confidence + context.adjust(text, m.start(), m.end());
      out.add(new Detection(name, m.start(), m.end(), Confidence.of(conf), null));
    }
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
