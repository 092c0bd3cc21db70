package dev.airlock.agent.guard.injection;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds a code point to the plain text the rules are written against: compatibility forms
 * (NFKD: fullwidth {@code ｉｇｎｏｒｅ}, mathematical {@code 𝐢𝐠𝐧𝐨𝐫𝐞}, ligatures, circled letters),
 * diacritics stripped ({@code précédentes -> precedentes}, so one pattern covers accented and
 * unaccented spellings), letters NFKD leaves alone ({@code ß ł ø æ}), typographic quotes and
 * dashes, and the Cyrillic and Greek letters that look like Latin ones ({@code іgnоrе}).
 *
 * <p>Case is kept: the encoded-payload scanner needs it, and the rules match case-insensitively.
 * Thread-safe: results are memoised in an array with a benign race (every thread computes the
 * same immutable {@code String}, and a {@code String} is safely published through its final
 * fields), so no lock is taken on the request path.
 */
final class FoldTable {

  /** Marks "folds to itself" in the memo, distinct from "not computed yet" (null). */
  private static final String IDENTITY = new String("<identity>");

  /** Ranges that are memoised: most of the BMP below CJK, the presentation forms, fullwidth. */
  private static final int LOW_END = 0x3400;
  private static final int LIGATURES = 0xFB00;
  private static final int LIGATURES_END = 0xFB50;
  private static final int FULLWIDTH = 0xFF00;
  private static final int FULLWIDTH_END = 0xFFF0;

  private static final Map<Integer, String> CONFUSABLES = new HashMap<>();
  private static final Map<Integer, String> SPECIALS = new HashMap<>();

  static {
    // Cyrillic and Greek letters that render like Latin ones (a subset of Unicode's
    // confusables.txt: the ones that pass for Latin in ordinary fonts).
    confusable("аa еe оo рp сc уy хx ѕs іi јj ԁd ԛq ԝw һh ӏl ɑa ɡg");
    confusable("АA ВB ЕE КK МM НH ОO РP СC ТT ХX УY ІI ЈJ ЅS ԚQ ԜW ҺH ҮY ӀI");
    confusable("αa οo ρp ιi κk νv υu χx εe");
    confusable("ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX");
    // Letters without a canonical decomposition.
    special("ß", "ss");
    special("ẞ", "SS");
    special("ł", "l");
    special("Ł", "L");
    special("đ", "d");
    special("Đ", "D");
    special("ø", "o");
    special("Ø", "O");
    special("æ", "ae");
    special("Æ", "AE");
    special("œ", "oe");
    special("Œ", "OE");
    special("ı", "i");
    special("ħ", "h");
    special("þ", "th");
    // Typographic punctuation: rules are written with ASCII quotes, apostrophes and hyphens.
    for (char c : "\u2018\u2019\u201A\u201B\u2032\u02BC\u00B4".toCharArray()) {
      special(String.valueOf(c), "'");
    }
    for (char c : "\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB".toCharArray()) {
      special(String.valueOf(c), "\"");
    }
    for (char c : "\u2010\u2011\u2012\u2013\u2014\u2015\u2212".toCharArray()) {
      special(String.valueOf(c), "-");
    }
    special("\u2028", "\n");
    special("\u2029", "\n");
  }

  private static final String[] LOW = new String[LOW_END - 0x80];
  private static final String[] LIGATURE_MEMO = new String[LIGATURES_END - LIGATURES];
  private static final String[] FULLWIDTH_MEMO = new String[FULLWIDTH_END - FULLWIDTH];

  private FoldTable() {}

  private static void confusable(String pairs) {
    for (String pair : pairs.split(" ")) {
      CONFUSABLES.put(pair.codePointAt(0), pair.substring(Character.charCount(pair.codePointAt(0))));
    }
  }

  private static void special(String from, String to) {
    SPECIALS.put(from.codePointAt(0), to);
  }

  /**
   * The folded form of a non-ASCII code point, or {@code null} when it folds to itself. The
   * result may be empty (a combining mark) or longer than one char ({@code ß -> ss}).
   */
  static String map(int cp) {
    String[] memo;
    int index;
    if (cp < LOW_END) {
      memo = LOW;
      index = cp - 0x80;
    } else if (cp >= LIGATURES && cp < LIGATURES_END) {
      memo = LIGATURE_MEMO;
      index = cp - LIGATURES;
    } else if (cp >= FULLWIDTH && cp < FULLWIDTH_END) {
      memo = FULLWIDTH_MEMO;
      index = cp - FULLWIDTH;
    } else if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
      // Regional indicators spell letters ("🇮🇬🇳🇴🇷🇪"); flags fold to their two-letter code.
      return String.valueOf((char) ('A' + (cp - 0x1F1E6)));
    } else if ((cp >= 0x1D400 && cp <= 0x1D7FF) || (cp >= 0x1F100 && cp <= 0x1F1FF)) {
      // Mathematical alphanumerics and enclosed letters: rare, so computed without a memo.
      String folded = compute(cp);
      return folded == IDENTITY ? null : folded;
    } else {
      return null;
    }
    if (index < 0) {
      return null;
    }
    String folded = memo[index];
    if (folded == null) {
      folded = compute(cp);
      memo[index] = folded;
    }
    return folded == IDENTITY ? null : folded;
  }

  /** Whether {@code cp} is a Cyrillic or Greek letter that is folded to a Latin look-alike. */
  static boolean isConfusable(int cp) {
    return cp >= 0x0251 && cp <= 0x052F && CONFUSABLES.containsKey(cp);
  }

  private static String compute(int cp) {
    String direct = SPECIALS.get(cp);
    if (direct == null) {
      direct = CONFUSABLES.get(cp);
    }
    if (direct != null) {
      return direct;
    }
    String original = new String(Character.toChars(cp));
    String decomposed = Normalizer.normalize(original, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
        continue; // diacritics go: "é" matches "e"
      }
      String sub = c >= 0x80 ? CONFUSABLES.get(c) : null;
      if (sub == null && c >= 0x80) {
        sub = SPECIALS.get(c);
      }
      if (sub != null) {
        out.append(sub);
      } else {
        out.appendCodePoint(c);
      }
    }
    String folded = out.toString();
    return folded.equals(original) ? IDENTITY : folded;
  }
}
