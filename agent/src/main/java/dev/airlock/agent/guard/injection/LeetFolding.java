package dev.airlock.agent.guard.injection;

/**
 * Reads the digits and symbols that stand in for letters inside a word ("ign0re", "1nstructions",
 * "disreg@rd", "pr3v10us", "$ystem") as those letters, so the phrase rules see "ignore",
 * "instructions", "disregard". Keyword filters are dodged this way because a model reads such words
 * without effort.
 *
 * <p>Only a digit or symbol between letters, or opening a word before a letter, is replaced, and
 * only in a word of at least {@value #MIN_LETTERS} letters: digits that end a word ("base64",
 * "rot13", "mp3", "gpt4"), longer digit runs ("covid19", "h264"), short words ("k8s", "b2b", "3d")
 * and numbers are left as they are, and so are e-mail addresses ("@" followed by a domain),
 * handles ("@name"), hex words ("4c5f97c8") and words joined to an encoding, a path or a colour
 * ("#f8f9fa", "...c3dvcmQ8L2E+"). The replacement is one char for one, so positions in the folded text still map
 * back to the original. The encoded-payload scanner keeps the unreplaced text: base64 is full of
 * such words. Stateless.
 */
final class LeetFolding {

  /** Letters a word needs before its digits are read as letters. */
  static final int MIN_LETTERS = 3;
  /** Longer runs of letters and digits are identifiers, hashes or encodings, not disguised words. */
  private static final int MAX_WORD = 24;
  /** A run of more stand-ins than this between letters is a number ("x2024y"), not a disguise. */
  private static final int MAX_RUN = 2;

  /** The ASCII chars {@link #letterFor} reads as a letter. */
  private static final boolean[] STAND_IN = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      STAND_IN[c] = letterFor(c) != 0;
    }
  }

  private LeetFolding() {}

  /** {@code norm}, with stand-ins read as letters; {@code norm} itself when there are none (most texts). */
  static NormalizedText fold(NormalizedText norm) {
    int first = norm.firstStandInBeforeLetter(); // noted by the normalizer in its own pass, as is the last
    if (first < 0) {
      return norm;
    }
    int last = norm.lastStandInBeforeLetter();
    String s = norm.text();
    char[] out = null;
    int n = s.length();
    // Only a word with a stand-in right before a letter can change (a replaceable run ends at a
    // letter), so the walk jumps from one such word to the next instead of reading every word.
    for (int candidate = first; candidate >= 0; ) {
      int i = candidate;
      while (i > 0 && isWordChar(s.charAt(i - 1))) {
        i--; // back to the start of the word that holds the candidate
      }
      int start = i;
      int letters = 0;
      int standIns = 0;
      boolean hexOnly = true;
      while (i < n && isWordChar(s.charAt(i))) {
        char c = s.charAt(i);
        if (AsciiLetters.isLetter(c)) {
          letters++;
          hexOnly &= (c | 0x20) <= 'f';
        } else if (letterFor(c) != 0) {
          standIns++;
          hexOnly &= c <= '9';
        }
        i++;
      }
      candidate = nextCandidate(s, i, last);
      if (standIns == 0 || letters < MIN_LETTERS || i - start > MAX_WORD || hexOnly
          || isEncodingJoint(s, start - 1) || isEncodingJoint(s, i)) {
        continue;
      }
      for (int k = start; k < i; k++) {
        char letter = letterFor(s.charAt(k));
        if (letter == 0 || !replaceable(s, start, i, k)) {
          continue;
        }
        if (out == null) {
          out = s.toCharArray();
        }
        out[k] = letter;
      }
    }
    return out == null ? norm : norm.withChars(new String(out));
  }

  /**
   * The index, from {@code from} up to {@code last} (the last one in the text), of the next stand-in
   * with a letter right after it, or -1.
   */
  private static int nextCandidate(String s, int from, int last) {
    for (int i = from; i <= last; i++) {
      char c = s.charAt(i);
      // One table load per char: blanks and punctuation, the commonest chars below '9', are not stand-ins.
      if (isStandIn(c) && AsciiLetters.isLetter(s.charAt(i + 1))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the char at {@code i} joins the word to an encoding, a path or a colour ("+", "/", "=", "#"). */
  private static boolean isEncodingJoint(String s, int i) {
    if (i < 0 || i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return c == '+' || c == '/' || c == '=' || c == '#' || c == '_' || c == '\\';
  }

  /**
   * Whether the stand-in at {@code k} of the word {@code [start, end)} sits in a short run that a
   * letter follows and that a letter precedes or that opens the word, and is not the "@" of an
   * address or a handle.
   */
  private static boolean replaceable(String s, int start, int end, int k) {
    int runStart = k;
    while (runStart > start && !AsciiLetters.isLetter(s.charAt(runStart - 1))) {
      runStart--;
    }
    int runEnd = k + 1;
    while (runEnd < end && !AsciiLetters.isLetter(s.charAt(runEnd))) {
      runEnd++;
    }
    if (runEnd - runStart > MAX_RUN || runEnd == end) {
      return false;
    }
    for (int r = runStart; r < runEnd; r++) {
      if (letterFor(s.charAt(r)) == 0) {
        return false;
      }
    }
    char c = s.charAt(k);
    if (c == '@') {
      // "bob@mail.example" is an address, "@name" a handle: neither is a disguised "a".
      return k > start && !(end < s.length() && s.charAt(end) == '.');
    }
    return c != '!' || k > start; // "!important" is CSS, not "iimportant"
  }

  /** Whether {@code c} is a digit or symbol that may stand for a letter. */
  static boolean isStandIn(char c) {
    return c < 128 && STAND_IN[c];
  }

  /** The letter a stand-in is read as, or 0. "1" is read as "i", the more common of "i" and "l" in the trigger words. */
  private static char letterFor(char c) {
    switch (c) {
      case '0':
        return 'o';
      case '1':
      case '!':
        return 'i';
      case '3':
        return 'e';
      case '4':
      case '@':
        return 'a';
      case '5':
      case '$':
        return 's';
      case '7':
        return 't';
      case '8':
        return 'b';
      case '9':
        return 'g';
      default:
        return 0;
    }
  }

  private static boolean isWordChar(char c) {
    return AsciiLetters.isLetter(c) || (c >= '0' && c <= '9') || c == '@' || c == '$' || c == '!';
  }
}
