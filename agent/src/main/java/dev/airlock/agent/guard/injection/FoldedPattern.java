package dev.airlock.agent.guard.injection;

/**
 * Writes rules for text in other scripts (Cyrillic, Greek, Han, Hangul, Arabic, Devanagari) in the
 * form the rules see it. The normalizer folds every code point ({@link FoldTable}): Cyrillic and
 * Greek letters that look Latin become Latin ("предыдущие" arrives as "пpeдыдущиe"), accents and
 * combining marks go. A rule written in plain script would therefore never match; these helpers
 * apply the same folding to the rule. Stateless.
 */
final class FoldedPattern {

  /** Start of a word in any script ({@code \b} is ASCII-only in newer JDKs). */
  static final String WORD_START = "(?<![\\p{L}\\p{N}_])";
  /** End of a word in any script. */
  static final String WORD_END = "(?![\\p{L}\\p{N}_])";

  private FoldedPattern() {}

  /**
   * A regex over folded text for {@code regex}, written in lowercase plain script. ASCII (the regex
   * syntax) is kept; every other code point becomes its folded form, or a class of the folded
   * lower- and uppercase forms where they differ ("н" stays Cyrillic but "Н" folds to Latin "H",
   * so "н" becomes {@code [нH]}). Unicode case folding is switched on when the script has case
   * (Cyrillic, Greek). Do not put script letters inside a bracketed class.
   */
  static String regex(String regex) {
    StringBuilder out = new StringBuilder();
    boolean cased = false;
    for (int i = 0; i < regex.length(); ) {
      int cp = regex.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        out.append((char) cp);
        continue;
      }
      cased |= Character.toLowerCase(cp) != Character.toUpperCase(cp);
      String lower = fold(Character.toLowerCase(cp));
      String upper = fold(Character.toUpperCase(cp));
      if (lower.equalsIgnoreCase(upper)) {
        out.append(lower);
      } else if (lower.length() == 1 && upper.length() == 1) {
        out.append('[').append(lower).append(upper).append(']');
      } else {
        out.append("(?:").append(lower).append('|').append(upper).append(')');
      }
    }
    // Unicode case folding only where the script has case: it slows every comparison down.
    return cased ? "(?u)" + out : out.toString();
  }

  /**
   * Space-separated anchors in folded form, for {@link AnchorGate}. Each must start with a letter
   * that stays non-ASCII when folded, and fold the same in upper- and lowercase, so the gate's
   * case-insensitive comparison finds it in any casing.
   *
   * @throws IllegalArgumentException for an anchor that the gate could miss
   */
  static String anchors(String anchors) {
    StringBuilder out = new StringBuilder();
    for (String anchor : anchors.split(" ")) {
      StringBuilder folded = new StringBuilder();
      for (int i = 0; i < anchor.length(); ) {
        int cp = anchor.codePointAt(i);
        i += Character.charCount(cp);
        String lower = fold(Character.toLowerCase(cp));
        if (!lower.equalsIgnoreCase(fold(Character.toUpperCase(cp)))) {
          throw new IllegalArgumentException("'" + anchor + "' folds differently in upper case at "
              + new String(Character.toChars(cp)));
        }
        folded.append(lower);
      }
      if (folded.length() == 0 || folded.charAt(0) < 0x80) {
        throw new IllegalArgumentException("'" + anchor + "' must start with a letter that stays non-ASCII");
      }
      out.append(out.length() == 0 ? "" : " ").append(folded);
    }
    return out.toString();
  }

  private static String fold(int cp) {
    if (cp < 0x80) {
      return String.valueOf((char) cp);
    }
    String folded = FoldTable.map(cp);
    return folded == null ? new String(Character.toChars(cp)) : folded;
  }
}
