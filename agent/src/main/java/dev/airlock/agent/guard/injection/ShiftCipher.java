package dev.airlock.agent.guard.injection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the letter-shift ciphers a message names: ROT13 ("apply rot13", "ROT-13") and the Caesar
 * cipher with its shift ("a Caesar cipher with a shift of 3"). Letters shifted by a known amount
 * are as readable to a model as plain text, and as unreadable to a keyword filter. Only texts that
 * name the cipher are decoded, so the cost for all others is one search for "13" and one for
 * "caesar". Stateless.
 */
final class ShiftCipher {

  /** "shift of 3", "shifted by 5", "key 7", "offset 4": the Caesar shift, after "caesar" is named. */
  private static final Pattern CAESAR_SHIFT = Pattern.compile(
      "\\b(?:shift(?:ed)?|key|offset|rotation)\\s*(?:of|by|=|:|is)?\\s*(?:-\\s*)?(\\d{1,2})\\b",
      Pattern.CASE_INSENSITIVE);
  private static final String[] CAESAR_TAILS = {"aesar", "AESAR"};
  /** A quoted run of at least a few words: the ciphertext the message asks about. */
  private static final Pattern QUOTED = Pattern.compile("(?<!\\w)[\"'`]([^\"`\\n]{12,400}?)[\"'`](?!\\w)");

  /** A text with its letters shifted back, and the quoted ciphertext shifted back (or the whole text). */
  static final class Decoded {
    final String text;
    final String payload;

    Decoded(String text, String payload) {
      this.text = text;
      this.payload = payload;
    }
  }

  private ShiftCipher() {}

  /** The text decoded with the shift cipher it names, or null when it names none. */
  static Decoded decode(String s) {
    int shift = mentionsRot13(s) ? 13 : caesarShift(s);
    if (shift <= 0) {
      return null;
    }
    Matcher q = QUOTED.matcher(s);
    String payload = null;
    while (q.find()) {
      if (payload == null || q.group(1).length() > payload.length()) {
        payload = q.group(1);
      }
    }
    return new Decoded(unshift(s, shift), unshift(payload == null ? s : payload, shift));
  }

  /** Whether the text says "rot13", "ROT-13" or "rot 13". */
  static boolean mentionsRot13(String s) {
    for (int at = s.indexOf("13"); at >= 3; at = s.indexOf("13", at + 1)) {
      int r = s.charAt(at - 1) == ' ' || s.charAt(at - 1) == '-' ? at - 4 : at - 3;
      if (r >= 0 && s.regionMatches(true, r, "rot", 0, 3)
          && (r == 0 || !Character.isLetterOrDigit(s.charAt(r - 1)))
          && (at + 2 == s.length() || !Character.isLetterOrDigit(s.charAt(at + 2)))) {
        return true;
      }
    }
    return false;
  }

  /** The shift of a Caesar cipher the text names (1..25), or 0. */
  private static int caesarShift(String s) {
    int at = indexOfCaesar(s);
    if (at < 0) {
      return 0;
    }
    Matcher m = CAESAR_SHIFT.matcher(s);
    if (!m.find(at)) {
      return 0;
    }
    int shift = Integer.parseInt(m.group(1)) % 26;
    return m.group().indexOf('-') >= 0 ? (26 - shift) % 26 : shift;
  }

  /**
   * Where "caesar" or "Caesar" or "CAESAR" starts, or -1. Found through "aesar"/"AESAR" with
   * {@link String#indexOf(String)}, which is far cheaper per text than a case-insensitive walk.
   */
  private static int indexOfCaesar(String s) {
    for (String tail : CAESAR_TAILS) {
      for (int at = s.indexOf(tail, 1); at > 0; at = s.indexOf(tail, at + 1)) {
        if ((s.charAt(at - 1) | 0x20) == 'c') {
          return at - 1;
        }
      }
    }
    return -1;
  }

  /** The letters of {@code s} moved {@code shift} places back in the alphabet. */
  static String unshift(String s, int shift) {
    int back = 26 - shift;
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      if (ch >= 'a' && ch <= 'z') {
        c[i] = (char) ('a' + (ch - 'a' + back) % 26);
      } else if (ch >= 'A' && ch <= 'Z') {
        c[i] = (char) ('A' + (ch - 'A' + back) % 26);
      }
    }
    return new String(c);
  }
}
