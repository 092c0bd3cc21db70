package dev.airlock.agent.guard.injection;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Finds base64, hex, binary and Morse blobs that decode to natural-language text: the usual way to
 * slip an instruction past keyword filters ("decode this and do what it says: SWdub3Jl..."). Effort is
 * bounded: at most {@link #MAX_CANDIDATES} blobs per text, each decoded from at most
 * {@link #MAX_BLOB_CHARS} chars, all of them drawing on one {@link Budget} per scoring call.
 * Binary payloads (images, keys, hashes) decode to non-text and are dropped. Stateless.
 */
final class EncodedPayloadScanner {

  /** Shorter runs are ordinary words or identifiers; 24 base64 chars are 18 bytes of text. */
  static final int MIN_RUN = 24;
  static final int MAX_CANDIDATES = 8;
  static final int MAX_BLOB_CHARS = 4096;
  /** Decoded text shorter than this cannot carry an instruction. */
  private static final int MIN_TEXT = 8;

  /** International Morse code: letters, digits and the punctuation a sentence needs. */
  private static final java.util.Map<String, Character> MORSE = new java.util.HashMap<>();

  static {
    String[] letters = {
      ".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---", "-.-", ".-..", "--", "-.", "---", ".--.",
      "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-", "-.--", "--.."
    };
    String[] digits = {"-----", ".----", "..---", "...--", "....-", ".....", "-....", "--...", "---..", "----."};
    for (int k = 0; k < letters.length; k++) {
      MORSE.put(letters[k], (char) ('a' + k));
    }
    for (int k = 0; k < digits.length; k++) {
      MORSE.put(digits[k], (char) ('0' + k));
    }
    // A question hidden in Morse ends with its question mark: without these it would not decode.
    String[][] punctuation = {
      {"..--..", "?"}, {".-.-.-", "."}, {"--..--", ","}, {".----.", "'"}, {"-.-.--", "!"}, {"---...", ":"},
      {"-....-", "-"}, {".-..-.", "\""}
    };
    for (String[] p : punctuation) {
      MORSE.put(p[0], p[1].charAt(0));
    }
  }

  /**
   * A format of separated tokens: "49 67 6e" (hex pairs), "01001001 01100111" (bytes in binary),
   * ".-- .... .- - / .. ..." (Morse). Scanned by hand rather than with a regex, because a regex
   * repeating a group over a long run recurses once per token and can overflow the stack.
   */
  private enum TokenFormat {
    SPACED_HEX(2, 2, 12, " :", 1),
    SPACED_BINARY(8, 8, 8, " ,", 1),
    MORSE(1, 6, 8, " /", 3);

    final int minToken;
    final int maxToken;
    final int minTokens;
    final String separators;
    final int maxSeparatorRun;

    TokenFormat(int minToken, int maxToken, int minTokens, String separators, int maxSeparatorRun) {
      this.minToken = minToken;
      this.maxToken = maxToken;
      this.minTokens = minTokens;
      this.separators = separators;
      this.maxSeparatorRun = maxSeparatorRun;
    }

    boolean isTokenChar(char c) {
      switch (this) {
        case SPACED_HEX:
          return Character.digit(c, 16) >= 0 && c < 0x80;
        case SPACED_BINARY:
          return c == '0' || c == '1';
        default:
          return c == '.' || c == '-';
      }
    }
  }

  /** The chars of base64 and its URL-safe form, by ASCII code: one load per char of every text. */
  private static final boolean[] BASE64_CHARS = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      BASE64_CHARS[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/' || c == '-' || c == '_';
    }
  }

  private EncodedPayloadScanner() {}

  /** Chars that may still be decoded during one scoring call, nested payloads included. */
  static final class Budget {
    private int remaining;

    Budget(int chars) {
      this.remaining = chars;
    }

    boolean take(int chars) {
      if (chars > remaining) {
        return false;
      }
      remaining -= chars;
      return true;
    }
  }

  /** A blob at {@code [start, end)} of the scanned text and the text it decodes to. */
  static final class Payload {
    final int start;
    final int end;
    final String decoded;

    Payload(int start, int end, String decoded) {
      this.start = start;
      this.end = end;
      this.decoded = decoded;
    }
  }

  /** The blobs in {@code text} that decode to natural-language text. */
  static List<Payload> scan(String text, Budget budget) {
    List<Payload> found = null;
    int candidates = 0;
    int n = text.length();
    int i = 0;
    // A run of MIN_RUN chars or more covers every MIN_RUN-th position, so only those are probed;
    // a probe inside a word costs the word, a probe on a blank costs nothing.
    while (i + MIN_RUN <= n && candidates < MAX_CANDIDATES) {
      int probe = i + MIN_RUN - 1;
      if (!isBase64Char(text.charAt(probe))) {
        i = probe + 1;
        continue;
      }
      int start = probe;
      while (start > i && isBase64Char(text.charAt(start - 1))) {
        start--;
      }
      i = probe + 1;
      while (i < n && isBase64Char(text.charAt(i))) {
        i++;
      }
      int end = i;
      while (i < n && text.charAt(i) == '=' && i - end < 2) {
        i++;
      }
      if (end - start < MIN_RUN || !looksEncoded(text, start, end)) {
        continue;
      }
      candidates++;
      int len = Math.min(end - start, MAX_BLOB_CHARS);
      if (!budget.take(len)) {
        break;
      }
      String decoded = isBinary(text, start, start + len) ? decodeBinary(text, start, start + len)
          : isHex(text, start, start + len) ? decodeHex(text, start, start + len) : null;
      if (decoded == null) {
        decoded = decodeBase64(text.substring(start, start + (len & ~3)));
      }
      if (decoded != null) {
        found = add(found, new Payload(start, i, decoded));
      }
    }
    found = scanEscapedHex(text, budget, found);
    // Cheap counts first, so that most texts skip the token formats. Each format's tokens meet at
    // a separator: hex pairs ("6e 6f": pairs, not the groups of four of a card number or an IBAN,
    // each opening with a digit as every byte of printable ASCII does, unlike "be delivered"),
    // binary octets ("01001000 01101001"), Morse codes (". -", "- /").
    // A joint is a separator and the token char after it, two neighbouring chars, so reading every
    // other char finds each joint once: at its separator when that sits at an odd index, else at the
    // char after it.
    int hexJoints = 0;
    int binaryJoints = 0;
    int morseJoints = 0;
    for (int j = 1; j < n; j += 2) {
      char x = text.charAt(j);
      int k;
      if (isSeparator(x)) {
        k = j;
      } else if (isDecimalDigit(x) || x == '.' || x == '-' || x == '/') {
        k = j - 1;
      } else {
        continue;
      }
      if (k < 1 || k + 1 >= n) {
        continue;
      }
      char separator = text.charAt(k);
      if (!isSeparator(separator)) {
        continue;
      }
      char c = text.charAt(k - 1);
      char d = text.charAt(k + 1);
      if (separator != ':' && (c == '0' || c == '1') && (d == '0' || d == '1')) {
        binaryJoints++;
      }
      if (separator == ',') {
        continue;
      }
      if ((c == '.' || c == '-') && (d == '.' || d == '-' || d == '/')) {
        morseJoints++;
      } else if (k > 1 && isDecimalDigit(text.charAt(k - 2)) && isHexDigit(c) && isDecimalDigit(d)
          && (k == 2 || !isHexDigit(text.charAt(k - 3)))) {
        hexJoints++;
      }
    }
    if (hexJoints >= TokenFormat.SPACED_HEX.minTokens - 1) {
      found = scanTokens(text, TokenFormat.SPACED_HEX, budget, found);
    }
    if (binaryJoints >= TokenFormat.SPACED_BINARY.minTokens - 1) {
      found = scanTokens(text, TokenFormat.SPACED_BINARY, budget, found);
    }
    if (morseJoints >= TokenFormat.MORSE.minTokens / 2) {
      found = scanTokens(text, TokenFormat.MORSE, budget, found);
    }
    return found == null ? Collections.emptyList() : found;
  }

  /** Runs of escaped hex bytes such as {@code \x49\x67} (at least 8 bytes). */
  private static List<Payload> scanEscapedHex(String text, Budget budget, List<Payload> found) {
    int candidates = 0;
    int from = 0;
    while (candidates < MAX_CANDIDATES) {
      int i = text.indexOf("\\x", from);
      if (i < 0) {
        break;
      }
      int j = i;
      while (j + 4 <= text.length() && text.charAt(j) == '\\' && text.charAt(j + 1) == 'x'
          && Character.digit(text.charAt(j + 2), 16) >= 0 && Character.digit(text.charAt(j + 3), 16) >= 0) {
        j += 4;
      }
      from = Math.max(j, i + 2);
      if ((j - i) / 4 < 8) {
        continue;
      }
      candidates++;
      int len = Math.min(j - i, MAX_BLOB_CHARS);
      if (!budget.take(len)) {
        break;
      }
      String decoded = decodeHex(text, i, i + len);
      if (decoded != null) {
        found = add(found, new Payload(i, j, decoded));
      }
    }
    return found;
  }

  /** Runs of separated tokens of one {@link TokenFormat}. */
  private static List<Payload> scanTokens(String text, TokenFormat format, Budget budget, List<Payload> found) {
    int n = text.length();
    int candidates = 0;
    int i = 0;
    while (i < n && candidates < MAX_CANDIDATES) {
      char c = text.charAt(i);
      if (!format.isTokenChar(c)
          || (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || format.isTokenChar(text.charAt(i - 1))))) {
        i++;
        continue;
      }
      int start = i;
      int tokens = 0;
      int end = i;
      while (i < n) {
        int t = i;
        while (i < n && format.isTokenChar(text.charAt(i))) {
          i++;
        }
        int len = i - t;
        if (len < format.minToken || len > format.maxToken || (i < n && Character.isLetterOrDigit(text.charAt(i)))) {
          i = Math.max(i, t + 1);
          break;
        }
        tokens++;
        end = i;
        int sep = 0;
        while (i < n && sep < format.maxSeparatorRun && format.separators.indexOf(text.charAt(i)) >= 0) {
          i++;
          sep++;
        }
        if (sep == 0 || i >= n || !format.isTokenChar(text.charAt(i))) {
          break;
        }
      }
      if (tokens < format.minTokens) {
        continue;
      }
      candidates++;
      int len = Math.min(end - start, MAX_BLOB_CHARS);
      if (!budget.take(len)) {
        break;
      }
      String piece = text.substring(start, start + len);
      String decoded = format == TokenFormat.SPACED_HEX ? decodeHex(piece, 0, piece.length())
          : format == TokenFormat.SPACED_BINARY ? decodeBinary(piece, 0, piece.length())
          : decodeMorse(piece);
      if (decoded != null) {
        found = add(found, new Payload(start, end, decoded));
      }
    }
    return found;
  }

  private static List<Payload> add(List<Payload> list, Payload p) {
    List<Payload> l = list == null ? new ArrayList<>(2) : list;
    l.add(p);
    return l;
  }

  private static boolean isBase64Char(char c) {
    return c < 128 && BASE64_CHARS[c];
  }

  /**
   * Whether a run looks like encoding rather than a long word, a path or a hyphenated phrase: it
   * has digits or base64 punctuation, or upper case letters scattered through it.
   */
  private static boolean looksEncoded(String s, int start, int end) {
    int digits = 0;
    int upperInside = 0;
    int lower = 0;
    int hyphens = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c >= 'A' && c <= 'Z') {
        if (i > start) {
          upperInside++;
        }
      } else if (c >= 'a' && c <= 'z') {
        lower++;
      } else if (c == '-' || c == '/') {
        hyphens++;
      }
    }
    if (hyphens * 8 > end - start) {
      return false; // slugs, paths, hyphenated words
    }
    return digits > 0 || (upperInside >= 3 && lower >= 3);
  }

  /** A char that separates the tokens of the spaced formats: ' ', ':' or ','. */
  private static boolean isSeparator(char c) {
    return c == ' ' || c == ':' || c == ',';
  }

  private static boolean isDecimalDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isBinary(String s, int start, int end) {
    if ((end - start) % 8 != 0) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c != '0' && c != '1') {
        return false;
      }
    }
    return true;
  }

  /** Decodes groups of eight binary digits, with or without separators between groups. */
  private static String decodeBinary(String s, int start, int end) {
    byte[] bytes = new byte[(end - start) / 8 + 1];
    int count = 0;
    int bits = 0;
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c != '0' && c != '1') {
        continue;
      }
      value = (value << 1) | (c - '0');
      if (++bits == 8) {
        bytes[count++] = (byte) value;
        bits = 0;
        value = 0;
      }
    }
    return asText(bytes, count);
  }

  /** Decodes International Morse code (letters, digits, punctuation); null on an unknown code. */
  private static String decodeMorse(String s) {
    StringBuilder out = new StringBuilder(s.length() / 3);
    for (String word : s.trim().split("\\s*/\\s*")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      for (String code : word.trim().split("\\s+")) {
        Character c = MORSE.get(code);
        if (c == null) {
          return null;
        }
        out.append(c.charValue());
      }
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.US_ASCII);
    return asText(bytes, bytes.length);
  }

  private static boolean isHex(String s, int start, int end) {
    if (((end - start) & 1) != 0) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Decodes the hex digits in {@code [start, end)} pairwise, skipping separators and {@code \\x} prefixes. */
  private static String decodeHex(String s, int start, int end) {
    byte[] bytes = new byte[(end - start) / 2 + 1];
    int count = 0;
    int high = -1;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < end && s.charAt(i + 1) == 'x') {
        i++;
        continue;
      }
      int d = Character.digit(c, 16);
      if (d < 0 || c >= 0x80) {
        continue;
      }
      if (high < 0) {
        high = d;
      } else {
        bytes[count++] = (byte) ((high << 4) | d);
        high = -1;
      }
    }
    return asText(bytes, count);
  }

  private static String decodeBase64(String run) {
    if (run.isEmpty()) {
      return null;
    }
    String std = run.replace('-', '+').replace('_', '/');
    try {
      byte[] bytes = Base64.getDecoder().decode(std);
      return asText(bytes, bytes.length);
    } catch (IllegalArgumentException e) {
      return null; // not base64 after all
    }
  }

  /** The bytes as UTF-8, if they are mostly printable words; null for binary. */
  static String asText(byte[] bytes, int length) {
    if (length < MIN_TEXT) {
      return null;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    int printable = 0;
    int letters = 0;
    int spaces = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        printable++;
      } else if (c == ' ') {
        spaces++;
        printable++;
      } else if (Character.isDigit(c) || Character.isWhitespace(c) || (c >= 0x21 && c < 0x7F)) {
        printable++;
      }
    }
    int n = text.length();
    boolean natural = printable * 10 >= n * 9 && letters * 2 >= n && spaces >= 1;
    return natural ? text : null;
  }
}
