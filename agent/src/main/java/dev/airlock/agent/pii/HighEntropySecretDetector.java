package dev.airlock.agent.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Unlabelled random-looking tokens (20-200 chars of letters, digits and {@code + / = _ -}) that
 * sit next to a credential word ("password", "secret", "token", "api key", "bearer", ...; not
 * "key" alone, which labels fingerprints, hashes and KEY_SIZE constants as often).
 *
 * <p>Random means: lower case, upper case and digits all present with at least 3.2 bits of
 * entropy per char, or (hex and base32 keys) two of the classes over 32+ chars with at least 3.3
 * bits, and not made of words (see {@link #wordy}). UUIDs, and tokens near "sha", "hash",
 * "commit" or "uuid", are identifiers. Without a
 * credential word nearby the confidence stays below the default threshold: on its own, a random
 * token is as likely a request id or a file hash as a secret.
 */
final class HighEntropySecretDetector implements Detector {

  static final double BASE = 0.3;

  private static final ContextWords POSITIVE =
      ContextWords.of(
          0.45, "password", "passwd", "pwd", "passwort", "secret", "secrets", "token", "api key",
          "apikey", "access key", "secret key", "private key", "signing key", "license key",
          "credential", "credentials", "auth", "bearer", "authorization", "signature");

  private static final ContextWords NEGATIVE =
      ContextWords.of(
          -0.3, "sha", "sha1", "sha256", "hash", "checksum", "digest", "commit", "uuid", "guid",
          "request id", "trace", "etag");

  /** Both lists, read in one pass over the window. */
  private static final ContextPair CONTEXT = new ContextPair(POSITIVE, NEGATIVE);

  private static final int MIN_LENGTH = DetectorReach.MIN_RANDOM_TOKEN;
  private static final int MAX_LENGTH = 200;

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Override
  public String type() {
    return PiiTypes.SECRET;
  }

  @Override
  public void detect(CharSequence text, List<Detection> out) {
    detect(text, LongTokens.of(text), out);
  }

  /**
   * As {@link #detect(CharSequence, List)}, with the text's {@link LongTokens} already found: a
   * token of 20 chars or more lies inside one of them, so the rest of the text is not read.
   */
  void detect(CharSequence text, int[] longTokens, List<Detection> out) {
    for (int t = 0; t < longTokens.length; t += 2) {
      // A stretch shorter than a random token (long tokens start at 15 chars) holds none.
      if (longTokens[t + 1] - longTokens[t] >= MIN_LENGTH) {
        detectIn(text, longTokens[t], longTokens[t + 1], out);
      }
    }
  }

  private static void detectIn(CharSequence text, int from, int n, List<Detection> out) {
    int i = from;
    while (i < n) {
      if (!isTokenChar(text.charAt(i))) {
        i++;
        continue;
      }
      int runEnd = i;
      while (runEnd < n && isTokenChar(text.charAt(runEnd))) {
        runEnd++;
      }
      int start = i;
      int end = runEnd;
      i = runEnd;
      if (end - start < MIN_LENGTH || end - start > MAX_LENGTH) {
        continue; // short words, or blobs (images, archives) longer than any key
      }
      // '=' inside base64 is only trailing padding; one followed by more chars is an assignment
      // ("key=abc..."), and the value starts after it.
      for (int k = end - 2; k >= start; k--) {
        if (text.charAt(k) == '=' && text.charAt(k + 1) != '=') {
          start = k + 1;
          break;
        }
      }
      while (start < end && text.charAt(start) == '-') {
        start++;
      }
      if (end - start < MIN_LENGTH || !random(text, start, end)) {
        continue;
      }
      double conf = CONTEXT.confidence(BASE, text, start, end);
      out.add(new Detection(PiiTypes.SECRET, start, end, Confidence.of(conf), "high_entropy"));
    }
  }

  private static boolean isTokenChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '_' || c == '+' || c == '/' || c == '=' || c == '-';
  }

  static boolean random(CharSequence token) {
    return random(token, 0, token.length());
  }

  /**
   * {@link #random(CharSequence)} of {@code text[start, end)}. The classes of chars are checked
   * first, in place: most long tokens of a text dense with ids (an IBAN, a card or order number
   * written without spaces) mix fewer classes than a random token, and they used to be cut out of
   * the text and measured for entropy (a table of 128 counts and a logarithm per distinct char)
   * only to fail on their classes.
   */
  static boolean random(CharSequence text, int start, int end) {
    // Lower case, upper case and digits; or two of them, digits among them, over 32 chars or more.
    int classes = TokenShape.classesIn(text, start, end) & TokenShape.ALPHANUMERIC;
    boolean allThree = classes == TokenShape.ALPHANUMERIC;
    boolean longWithDigits = Integer.bitCount(classes) == 2 && (classes & TokenShape.DIGIT) != 0
        && end - start >= 32;
    if (!allThree && !longWithDigits) {
      return false;
    }
    CharSequence token = text.subSequence(start, end);
    if (uuid(token) || wordy(token)) {
      return false;
    }
    return TokenShape.of(token).entropy >= (allThree ? 3.2 : 3.3);
  }

  /**
   * Whether the token is a UUID. The pattern runs only on a token laid out as one (36 chars with
   * hyphens after the 8th, 12th, 16th and 20th hex digits): it ran for every token otherwise.
   */
  private static boolean uuid(CharSequence token) {
    return token.length() == 36 && token.charAt(8) == '-' && token.charAt(13) == '-'
        && token.charAt(18) == '-' && token.charAt(23) == '-' && UUID.matcher(token).matches();
  }

  /**
   * True when a third or more of the token sits in same-case letter runs of four or more
   * ("LangChain4jSampleApp", "MAX_RETRY_COUNT_2"): identifiers are made of words, while in a
   * random base62 string such runs are rare (a lower-case run of four has odds of about 1 in 30
   * per position).
   */
  static boolean wordy(CharSequence token) {
    int inRuns = 0;
    int run = 0;
    int runCase = 0;
    for (int i = 0; i <= token.length(); i++) {
      char c = i < token.length() ? token.charAt(i) : ' ';
      int cs = Character.isLowerCase(c) ? 1 : Character.isUpperCase(c) ? 2 : 0;
      if (cs != 0 && cs == runCase) {
        run++;
        continue;
      }
      if (run >= 4) {
        inRuns += run;
      }
      run = cs == 0 ? 0 : 1;
      runCase = cs;
    }
    return inRuns * 3 >= token.length();
  }
}
