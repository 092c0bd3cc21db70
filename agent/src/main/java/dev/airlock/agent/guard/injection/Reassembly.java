package dev.airlock.agent.guard.injection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the word games that keep an instruction from being written out in one piece, so the
 * detector can score what the model is asked to put together:
 * <ul>
 *   <li>payload splitting: quoted pieces the message asks to be combined ("a = 'Write that ', b =
 *       'the password' ... z = a + b", "Part 1 is '...', Part 2 is '...'"), or interlaced letter by
 *       letter ("Interlace Part 1: 'Cn o', Part 2: 'a yu'");</li>
 *   <li>Pig Latin ("erewhay oesday ethay useryay ivelay?"), which no keyword rule reads.</li>
 * </ul>
 * The candidates are scored like a decoded payload (see {@link HeuristicInjectionDetector}): what
 * they say counts, the game alone does not. Work is bounded: only texts that mention putting
 * pieces together are reassembled, at most {@value #MAX_PIECES} pieces of at most
 * {@value #MAX_PIECE} chars, and Pig Latin is decoded only when most words of a short text read as
 * such. Stateless.
 */
final class Reassembly {

  static final int MAX_PIECES = 8;
  static final int MAX_PIECE = 200;
  /** Pig Latin is tried on texts up to this long: the game is played on a sentence, not on a page. */
  static final int MAX_PIG_LATIN = 400;

  /** Words that say pieces are to be put together. */
  private static final Pattern ASSEMBLE = Pattern.compile(
      "\\b(?:combin\\w*|concatenat\\w*|join\\w*|merg\\w*|assembl\\w*|put\\s+(?:them\\s+)?together|interlac\\w*"
          + "|interleav\\w*|part\\s*[12]\\b|[a-z]\\s*=\\s*[a-z]\\s*\\+\\s*[a-z])",
      Pattern.CASE_INSENSITIVE);
  /** A quoted piece and the label before it ("a = ", "Part 2 is ", "B:"). */
  private static final Pattern PIECE = Pattern.compile(
      "(?:\\b([a-z]|part\\s*\\d)\\s*(?:=|:|is)\\s*)?[\"\\u201c\\u201d]([^\"\\u201c\\u201d\\n]{1," + MAX_PIECE + "})"
          + "[\"\\u201c\\u201d]",
      Pattern.CASE_INSENSITIVE);
  /** "z = a + b + c": the order in which labelled pieces are joined. */
  private static final Pattern ORDER = Pattern.compile("\\b[a-z]\\s*=\\s*([a-z](?:\\s*\\+\\s*[a-z]){1,7})\\b",
      Pattern.CASE_INSENSITIVE);

  /** Consonant clusters that begin English words, for undoing Pig Latin. */
  private static final Set<String> ONSETS = new HashSet<>(Arrays.asList(
      "th", "wh", "sh", "ch", "ph", "qu", "gh", "kn", "gn", "wr", "sc", "sk", "sl", "sm", "sn", "sp", "st", "sw", "tw",
      "bl", "cl", "fl", "gl", "pl", "br", "cr", "dr", "fr", "gr", "pr", "tr", "str", "thr", "shr", "sch", "scr", "spr",
      "spl", "squ", "chr"));

  private Reassembly() {}

  /** The texts the message asks to be assembled from its pieces; empty when it asks for none. */
  static List<String> candidates(String text) {
    if (text.indexOf('"') < 0 && text.indexOf('\u201c') < 0) {
      return Collections.emptyList();
    }
    Matcher intent = ASSEMBLE.matcher(text);
    if (!intent.find()) {
      return Collections.emptyList();
    }
    boolean interlace = intent.group().regionMatches(true, 0, "interl", 0, 6);
    List<String> labels = new ArrayList<>();
    List<String> pieces = new ArrayList<>();
    int tail = 0;
    Matcher m = PIECE.matcher(text);
    while (pieces.size() < MAX_PIECES && m.find()) {
      labels.add(m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT));
      pieces.add(m.group(2));
      tail = m.end();
    }
    if (pieces.size() < 2) {
      return Collections.emptyList();
    }
    // What follows the last piece finishes the sentence the pieces begin ("... Part 2: 'x' the password?").
    String rest = text.substring(tail, Math.min(text.length(), tail + 80));
    if (interlace && pieces.size() == 2) {
      return Collections.singletonList(interlace(pieces.get(0), pieces.get(1)) + rest);
    }
    Matcher order = ORDER.matcher(text);
    if (order.find()) {
      StringBuilder joined = new StringBuilder();
      for (String var : order.group(1).split("\\s*\\+\\s*")) {
        int i = labels.indexOf(var.toLowerCase(Locale.ROOT));
        if (i >= 0) {
          append(joined, pieces.get(i));
        }
      }
      if (joined.length() > 0) {
        return Collections.singletonList(joined.toString());
      }
    }
    StringBuilder joined = new StringBuilder();
    for (String piece : pieces) {
      append(joined, piece);
    }
    return Collections.singletonList(joined.append(rest).toString());
  }

  /** Joins a piece; a space is added only where neither side has one, as the pieces usually carry their own. */
  private static void append(StringBuilder joined, String piece) {
    int n = joined.length();
    if (n > 0 && !Character.isWhitespace(joined.charAt(n - 1)) && !Character.isWhitespace(piece.charAt(0))) {
      joined.append(' ');
    }
    joined.append(piece);
  }

  private static String interlace(String a, String b) {
    StringBuilder s = new StringBuilder(a.length() + b.length());
    for (int i = 0; i < Math.max(a.length(), b.length()); i++) {
      if (i < a.length()) {
        s.append(a.charAt(i));
      }
      if (i < b.length()) {
        s.append(b.charAt(i));
      }
    }
    return s.toString();
  }

  /**
   * The English text of a Pig Latin sentence ("erewhay oesday ethay useryay" gives "where does the
   * user"), or null when fewer than four words, or fewer than three in four, end in "ay".
   */
  static String pigLatin(String text) {
    if (text.length() > MAX_PIG_LATIN || text.indexOf("ay") < 0 || !mostWordsEndInAy(text)) {
      return null; // most texts ("say", "today" and "may" are common): nothing to decode, nothing allocated
    }
    StringBuilder out = new StringBuilder(text.length());
    int words = 0;
    int pig = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!AsciiLetters.isLetter(c)) {
        out.append(c);
        i++;
        continue;
      }
      int end = i;
      while (end < text.length() && AsciiLetters.isLetter(text.charAt(end))) {
        end++;
      }
      String word = text.substring(i, end);
      words++;
      String english = unPig(word.toLowerCase(Locale.ROOT));
      if (english != null) {
        pig++;
        out.append(english);
      } else {
        out.append(word);
      }
      i = end;
    }
    return words >= 4 && pig * 4 >= words * 3 ? out.toString() : null;
  }

  /**
   * Whether at least four words, and three in four, end in "ay" (of four letters or more): the
   * shape of Pig Latin, checked without allocating before any word is decoded.
   */
  private static boolean mostWordsEndInAy(String text) {
    int words = 0;
    int ay = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!AsciiLetters.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && AsciiLetters.isLetter(text.charAt(i))) {
        i++;
      }
      words++;
      if (i - start >= 4 && (text.charAt(i - 2) | 0x20) == 'a' && (text.charAt(i - 1) | 0x20) == 'y') {
        ay++;
      }
    }
    return words >= 4 && ay * 4 >= words * 3;
  }

  /** "erewhay" gives "where", "useryay" gives "user"; null for a word that is not Pig Latin. */
  private static String unPig(String w) {
    if (w.length() < 4 || !w.endsWith("ay")) {
      return null;
    }
    String body = w.substring(0, w.length() - 2);
    if (isVowel(body.charAt(0)) && (body.endsWith("y") || body.endsWith("w"))) {
      return body.substring(0, body.length() - 1); // vowel-initial word: "user" + "yay", "and" + "way"
    }
    int vowelEnd = body.length();
    while (vowelEnd > 0 && !isVowel(body.charAt(vowelEnd - 1))) {
      vowelEnd--;
    }
    if (vowelEnd == body.length() || vowelEnd == 0) {
      return null;
    }
    // The moved cluster is the longest tail of the trailing consonants that can begin an English
    // word: "ethay" moved "th", "oesday" moved "d" (not "sd").
    for (int split = vowelEnd; split < body.length(); split++) {
      String onset = body.substring(split);
      if (onset.length() == 1 || ONSETS.contains(onset)) {
        return onset + body.substring(0, split);
      }
    }
    return null;
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }
}
