package dev.airlock.agent.redact;

import dev.airlock.agent.pii.DetectorReach;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the end of a streamed text stops being settled: the earliest offset from which more text
 * could still turn what is there into (part of) a finding, or change whether a value already
 * there is one. Text before it can go to the app; text from it on is held.
 *
 * <p>What is held, each rule following what the detectors in {@code pii} actually match:
 *
 * <ul>
 *   <li>the trailing unfinished token (no whitespace after it yet): emails, keys, compact IBANs
 *       and every other value without a space in it end only at whitespace;
 *   <li>a run of digit groups that may still go on (phones, cards, SSNs, tax ids written with
 *       spaces, dashes, dots, slashes or parentheses: a group then a single separator or nothing
 *       at the end), from its first group (or its {@code +} or {@code (}); a grouped IBAN ({@code
 *       GB82 WEST 1234 ...}, letter groups included) until it has its greatest length; with UK
 *       national insurance numbers, two letters and a space that may start one;
 *   <li>a number of four digits or more, a token with a run of {@value #LONG_TOKEN} or more key
 *       chars, an IPv6-looking token and a match of a custom pattern with context words, until
 *       {@value #AFTER} chars (finished to the end of a word) follow it: the detectors read
 *       context words that far after a match ("02071234567 (phone)", "... order id"), so the
 *       verdict on the value is only final then;
 *   <li>a private-key block ({@code -----BEGIN}) until its END line;
 *   <li>a quoted credential value still open ({@code password: "correct horse}), found by asking
 *       the secret detectors whether it would be a secret if it closed now;
 *   <li>a prefix of a multi-word phrase of a custom word list ({@code Project } of "Project
 *       Falcon");
 *   <li>a place where a custom pattern or a deny pattern could still match: the regex engine
 *       ran into the end of the text there ({@link Matcher#hitEnd()}).
 * </ul>
 *
 * <p>Plain prose is therefore released word by word as it arrives. Built once per policy;
 * immutable and thread-safe.
 */
final class OpenValues {

  /**
   * How far after a match the detectors read context words, widened by up to {@value #WORD_SLACK}
   * chars to finish a word.
   */
  static final int AFTER = DetectorReach.CONTEXT_AFTER;
  static final int WORD_SLACK = DetectorReach.CONTEXT_WORD_SLACK;
  /**
   * The shortest token the high-entropy secret detector reports (it reads context words): a run
   * of letters, digits and {@code _ + / = -}, so an email address or a URL of that length is not
   * one unless a part of it is.
   */
  static final int LONG_TOKEN = DetectorReach.MIN_RANDOM_TOKEN;
  /** Digits in a run from which a detector that reads context after it may report it (IPv4 "0.0.0.0"). */
  private static final int CONTEXT_DIGITS = 4;
  /** The longest IBAN in the registry (34) with a separator after each group of four. */
  private static final int MAX_GROUPED_IBAN = 34 + 8;
  /** How long a quoted credential value may be (the assignment detector's bound). */
  private static final int MAX_QUOTED_VALUE = DetectorReach.MAX_CREDENTIAL_VALUE;
  /**
   * Appended to an open quoted value to ask whether it is a credential: long and random enough
   * to pass both the password and the token tests, so only the name before it decides.
   */
  static final String PROBE = "Q7vR2mX9kL4pT8wZ";

  private static final String KEY_BLOCK = "-----BEGIN";
  private static final String KEY_BLOCK_END = "-----END ";
  /** The key detector's bound on an END line ("-----END ... PRIVATE KEY-----"). */
  private static final int MAX_END_LINE = DetectorReach.MAX_KEY_END_LINE;

  /** Asks the secret detectors whether {@code text} has a secret covering {@code index}. */
  interface SecretProbe {
    boolean secretCovers(String text, int index);
  }

  /** A custom or deny pattern, and whether its matches read context words after them. */
  static final class Regex {
    final Pattern pattern;
    final boolean readsContextAfter;

    Regex(Pattern pattern, boolean readsContextAfter) {
      this.pattern = pattern;
      this.readsContextAfter = readsContextAfter;
    }
  }

  /** The multi-word phrases of one word list, sorted, folded when the list ignores case. */
  static final class Phrases {
    final String[] sorted;
    final boolean foldCase;
    final int longest;

    Phrases(List<String> words, boolean caseSensitive) {
      List<String> multi = new ArrayList<>();
      int max = 0;
      for (String w : words) {
        String t = w == null ? "" : w.trim();
        if (hasBreak(t)) {
          // One-word entries need no rule of their own: they are the trailing token until done.
          multi.add(caseSensitive ? t : fold(t));
          max = Math.max(max, t.length());
        }
      }
      this.sorted = multi.toArray(new String[0]);
      Arrays.sort(sorted);
      this.foldCase = !caseSensitive;
      this.longest = max;
    }

    boolean isEmpty() {
      return sorted.length == 0;
    }

    /** Whether {@code tail} is the start of (or all of) one of the phrases. */
    boolean startsPhrase(String tail) {
      String key = foldCase ? fold(tail) : tail;
      int i = Arrays.binarySearch(sorted, key);
      return i >= 0 || (-i - 1 < sorted.length && sorted[-i - 1].startsWith(key));
    }
  }

  /** Which families of detectors the policy runs on answers: only their rules hold text. */
  static final class Families {
    /** Any detector of numbers written in groups (phone, card, SSN, IBAN, tax ids, IP, ...). */
    final boolean digitRuns;
    final boolean iban;
    final boolean nino;
    final boolean ip;
    final boolean secrets;

    Families(boolean digitRuns, boolean iban, boolean nino, boolean ip, boolean secrets) {
      this.digitRuns = digitRuns;
      this.iban = iban;
      this.nino = nino;
      this.ip = ip;
      this.secrets = secrets;
    }
  }

  private final Families families;
  private final List<Phrases> phrases;
  private final List<Regex> regexes;
  private final SecretProbe probe;

  /** @param probe asks the secret detectors about a quoted value; null when secrets are not checked */
  OpenValues(Families families, List<Phrases> phrases, List<Regex> regexes, SecretProbe probe) {
    this.families = families;
    List<Phrases> multiWord = new ArrayList<>();
    for (Phrases p : phrases) {
      if (!p.isEmpty()) {
        multiWord.add(p);
      }
    }
    this.phrases = List.copyOf(multiWord);
    this.regexes = List.copyOf(regexes);
    this.probe = probe;
  }

  /**
   * The earliest offset in {@code [from, text.length()]} from which {@code text} must be held:
   * {@code text.length()} when all of it is settled. Text before {@code from} has gone to the app
   * and is read only as context (a value that began there is held from {@code from} on).
   *
   * @param matchers the caller's own (from {@link #newMatchers}), which run the custom and deny
   *     patterns reset to the text rather than made for it: a stream's check asks once per event,
   *     and a matcher per pattern per event was a good part of what the check allocated
   */
  int holdFrom(String text, int from, Matcher[] matchers) {
    int hold = openToken(text, from);
    if (families.digitRuns) {
      hold = Math.min(hold, digitRuns(text, from, hold));
    }
    if (families.iban) {
      hold = Math.min(hold, groupedIban(text, from, hold));
    }
    if (families.nino) {
      hold = Math.min(hold, ninoPrefix(text, from));
    }
    hold = Math.min(hold, tokensReadingContext(text, from, hold));
    if (families.secrets) {
      hold = Math.min(hold, keyBlock(text, from));
    }
    if (probe != null) {
      hold = Math.min(hold, quotedCredential(text, from, hold));
    }
    for (Phrases p : phrases) {
      hold = Math.min(hold, phrasePrefix(text, from, hold, p));
    }
    for (int k = 0; k < regexes.size(); k++) {
      hold = Math.min(hold, pendingMatch(text, from, hold, regexes.get(k), matchers[k]));
    }
    return Math.max(from, hold);
  }

  /**
   * One matcher per custom or deny pattern, for one caller's {@link #holdFrom(String, int,
   * Matcher[])} calls (a stream channel's): matchers are not thread-safe.
   */
  Matcher[] newMatchers() {
    Matcher[] matchers = new Matcher[regexes.size()];
    for (int k = 0; k < matchers.length; k++) {
      matchers[k] = regexes.get(k).pattern.matcher("");
      matchers[k].useTransparentBounds(true);
      matchers[k].useAnchoringBounds(false);
    }
    return matchers;
  }

  /** The start of the trailing token: text with no whitespace after it can still grow. */
  private static int openToken(String t, int from) {
    int i = t.length();
    while (i > from && !isBreak(t.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /**
   * The first run of digit groups in {@code [from, limit)} that may still go on, or that has
   * enough digits to be a value and not yet the context after it; {@code limit} if none.
   */
  private int digitRuns(String t, int from, int limit) {
    int s = from;
    while (s < limit) {
      char c = t.charAt(s);
      boolean starts = (isDigit(c) || c == '+' || c == '(') && !wordCharAt(t, s - 1);
      if (!starts) {
        s++;
        continue;
      }
      int[] run = digitRun(t, s);
      if (run == null) {
        return ninoStart(t, s);
      }
      // + 2: a check letter after the run ("QQ 12 34 56 C", "12345678-Z") ends the value later.
      if (run[1] >= CONTEXT_DIGITS && !afterContextComplete(t, run[0] + 2)) {
        return ninoStart(t, s);
      }
      s = Math.max(s + 1, run[0]);
    }
    return limit;
  }

  /**
   * Reads the run of digit groups at {@code s}: groups of digits and parentheses joined by one
   * separator each ({@code space - . / , : %}, which the detectors either read across or look at
   * to reject a number joined to another). Returns {end, digits}, or null when the run reaches the
   * end of the text, where the next text may continue it.
   */
  private static int[] digitRun(String t, int s) {
    int n = t.length();
    int i = t.charAt(s) == '+' ? s + 1 : s;
    int digits = 0;
    while (true) {
      while (i < n && (isDigit(t.charAt(i)) || t.charAt(i) == '(' || t.charAt(i) == ')')) {
        digits += isDigit(t.charAt(i)) ? 1 : 0;
        i++;
      }
      if (i == n) {
        return null;
      }
      char c = t.charAt(i);
      if (" -./,:%".indexOf(c) < 0) {
        return new int[] {i, digits};
      }
      if (i + 1 == n) {
        return null;
      }
      char d = t.charAt(i + 1);
      if (!isDigit(d) && d != '(') {
        return new int[] {i, digits};
      }
      i++;
    }
  }

  /** {@code s}, or the start of two letters and a space before it ("QQ 12 34 56 C"). */
  private int ninoStart(String t, int s) {
    if (families.nino && s >= 3 && t.charAt(s - 1) == ' ' && isAsciiLetter(t.charAt(s - 2))
        && isAsciiLetter(t.charAt(s - 3)) && !wordCharAt(t, s - 4)) {
      return s - 3;
    }
    return s;
  }

  /** Two letters and a space at the very end: a national insurance number may follow. */
  private static int ninoPrefix(String t, int from) {
    int n = t.length();
    if (n >= 3 && t.charAt(n - 1) == ' ' && isAsciiLetter(t.charAt(n - 2))
        && isAsciiLetter(t.charAt(n - 3)) && !wordCharAt(t, n - 4)) {
      return Math.max(from, n - 3);
    }
    return n;
  }

  /**
   * A grouped IBAN that may still go on: two letters and two digits starting a token, then
   * groups of up to four letters or digits joined by single spaces or hyphens, reaching the end
   * of the text within the longest IBAN's length. Letter groups ("WEST") are why the digit-run
   * rule alone does not cover it.
   */
  private static int groupedIban(String t, int from, int limit) {
    int n = t.length();
    for (int s = Math.max(from, n - MAX_GROUPED_IBAN); s < limit; s++) {
      if (s + 4 > n || wordCharAt(t, s - 1) || !isAsciiLetter(t.charAt(s))
          || !isAsciiLetter(t.charAt(s + 1)) || !isDigit(t.charAt(s + 2)) || !isDigit(t.charAt(s + 3))) {
        continue;
      }
      int i = s + 4;
      int group = 4;
      while (i < n) {
        char c = t.charAt(i);
        if (isAsciiLetter(c) || isDigit(c)) {
          if (++group > 4) {
            break;
          }
        } else if ((c == ' ' || c == '-') && group > 0) {
          group = 0;
        } else {
          break;
        }
        i++;
      }
      if (i == n) {
        return s;
      }
    }
    return limit;
  }

  /**
   * The first closed token starting in {@code [from, limit)} that a detector reading context
   * after it may report, whose context is not complete yet: one with {@value #CONTEXT_DIGITS} or
   * more digits (also when glued to letters, "X1234567-L"), a long random-looking run, an IPv6
   * address.
   */
  private int tokensReadingContext(String t, int from, int limit) {
    int n = t.length();
    int i = from;
    while (i < limit) {
      if (isBreak(t.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int digits = 0;
      int run = 0;
      int longestRun = 0;
      boolean doubleColon = false;
      char previous = 0;
      while (i < n && !isBreak(t.charAt(i))) {
        char c = t.charAt(i);
        digits += isDigit(c) ? 1 : 0;
        run = isDigit(c) || isAsciiLetter(c) || "_+/=-".indexOf(c) >= 0 ? run + 1 : 0;
        longestRun = Math.max(longestRun, run);
        doubleColon |= c == ':' && previous == ':';
        previous = c;
        i++;
      }
      boolean reads = (families.digitRuns && digits >= CONTEXT_DIGITS)
          || (families.secrets && longestRun >= LONG_TOKEN)
          || (families.ip && doubleColon);
      if (reads && !afterContextComplete(t, i)) {
        return start;
      }
    }
    return limit;
  }

  /**
   * A private-key block whose END line has not arrived. One that began in released text (only
   * when the {@link StreamingOutputCheck#MAX_HELD} bound forced it out) holds from {@code from}.
   */
  private static int keyBlock(String t, int from) {
    int at = t.indexOf(KEY_BLOCK);
    while (at >= 0) {
      int end = t.indexOf(KEY_BLOCK_END, at + KEY_BLOCK.length());
      int close = end < 0 ? -1 : t.indexOf("-----", end + KEY_BLOCK_END.length());
      if (close < 0 || close - end >= MAX_END_LINE) {
        return Math.max(from, at);
      }
      at = t.indexOf(KEY_BLOCK, close + 5);
    }
    return t.length();
  }

  /**
   * A quoted value still open on the last line after an assignment ({@code : = => ->} or "is"),
   * that the secret detectors would report if it closed now with more random chars in it.
   */
  private int quotedCredential(String t, int from, int limit) {
    int n = t.length();
    // The quote itself may have gone out already: the value after it has not.
    int lineStart = t.lastIndexOf('\n', n - 1) + 1;
    for (int p = Math.max(lineStart, n - MAX_QUOTED_VALUE - 1); p < limit; p++) {
      char q = t.charAt(p);
      if ((q != '"' && q != '\'' && q != '`') || t.indexOf(q, p + 1) >= 0 || !afterAssignment(t, p)) {
        continue;
      }
      if (probe.secretCovers(t + PROBE + q, p + 1)) {
        return Math.max(from, p + 1);
      }
    }
    return limit;
  }

  /** Whether blanks and then ':', '=', '>' or the "s"/"t" of "is", "ist" come before {@code p}. */
  private static boolean afterAssignment(String t, int p) {
    int i = p;
    while (i > 0 && (t.charAt(i - 1) == ' ' || t.charAt(i - 1) == '\t')) {
      i--;
    }
    char c = i > 0 ? t.charAt(i - 1) : 0;
    return c == ':' || c == '=' || c == '>' || ((c == 's' || c == 't') && i < p);
  }

  /** The start of a trailing prefix of one of the phrases, at a word start. */
  private static int phrasePrefix(String t, int from, int limit, Phrases p) {
    int n = t.length();
    for (int s = Math.max(from, n - p.longest); s < limit; s++) {
      if ((wordCharAt(t, s - 1) && wordCharAt(t, s)) || !p.startsPhrase(t.substring(s))) {
        continue;
      }
      return s;
    }
    return limit;
  }

  /**
   * The first offset where the pattern could still match once more text comes (the engine ran
   * into the end of the text trying there), or, for a pattern whose matches read context words
   * after them, where a match lies whose context is not complete.
   */
  private static int pendingMatch(String t, int from, int limit, Regex r, Matcher m) {
    m.reset(t); // keeps the transparent, non-anchoring bounds set in newMatchers
    int n = t.length();
    for (int s = from; s < limit; s++) {
      m.region(s, n);
      boolean matched = m.lookingAt();
      if (m.hitEnd() || (matched && r.readsContextAfter && !afterContextComplete(t, m.end()))) {
        return s;
      }
    }
    return limit;
  }

  /**
   * Whether the context words after a value ending at {@code end} are all there: {@value #AFTER}
   * chars, then to the end of the word they cut, at most {@value #WORD_SLACK} more.
   */
  static boolean afterContextComplete(String t, int end) {
    int n = t.length();
    int to = end + AFTER;
    if (to >= n) {
      return false;
    }
    int slackEnd = to + WORD_SLACK;
    while (to < n && to < slackEnd && wordChar(t.charAt(to))) {
      to++;
    }
    return to < n || to == slackEnd;
  }

  /** Whitespace, including the no-break spaces that {@link Character#isWhitespace} leaves out. */
  static boolean isBreak(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean hasBreak(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isBreak(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Case folding as the word-list matcher does it, char by char. */
  private static String fold(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      b.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
    }
    return b.toString();
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean wordCharAt(String t, int i) {
    return i >= 0 && i < t.length() && wordChar(t.charAt(i));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
