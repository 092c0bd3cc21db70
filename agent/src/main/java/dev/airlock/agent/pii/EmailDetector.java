package dev.airlock.agent.pii;

import java.util.List;
import java.util.Locale;

/**
 * E-mail addresses: {@code local@domain.tld}.
 *
 * <p>Rules, so that look-alikes are not flagged: the local part is 1-64 chars of letters, digits
 * and {@code . _ % + -}, without a leading, trailing or doubled dot; the domain has at least two
 * labels of letters, digits and inner hyphens (1-63 chars each); the top-level label is letters
 * only (two or more) or an IDN {@code xn--} label. Unicode letters are accepted on both sides
 * (internationalized addresses). Image density names such as {@code icon@2x.png} are not addresses.
 *
 * <p>Hand-written rather than a regex: it starts from each {@code '@'} and walks outward a
 * bounded number of chars, so a megabyte of text without an {@code '@'} costs one {@code indexOf}
 * pass (vectorized by the JIT on a {@code String}).
 */
final class EmailDetector implements Detector {

  static final double CONFIDENCE = 0.9;
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;

  @Override
  public String type() {
    return PiiTypes.EMAIL;
  }

  @Override
  public void detect(CharSequence text, List<Detection> out) {
    int n = text.length();
    int resumeAt = 0;
    for (int at = Chars.indexOf(text, '@', 0); at >= 0;
        at = Chars.indexOf(text, '@', Math.max(at + 1, resumeAt))) {
      int start = at;
      while (start > 0 && at - start <= MAX_LOCAL && isLocalChar(text.charAt(start - 1))) {
        start--;
      }
      if (at - start > MAX_LOCAL) {
        continue; // a local part longer than 64 chars: a blob, not an address
      }
      while (start < at && text.charAt(start) == '.') {
        start++; // "see...john@x.org": the dots are punctuation
      }
      if (start == at || !validLocal(text, start, at)) {
        continue;
      }
      int end = domainEnd(text, at + 1, n);
      if (end < 0) {
        continue;
      }
      out.add(new Detection(PiiTypes.EMAIL, start, end, CONFIDENCE, null));
      resumeAt = end;
    }
  }

  private static boolean isLocalChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean validLocal(CharSequence t, int start, int at) {
    if (t.charAt(at - 1) == '.') {
      return false;
    }
    for (int i = start + 1; i < at; i++) {
      if (t.charAt(i) == '.' && t.charAt(i - 1) == '.') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the domain from {@code from}; returns its end (exclusive) when it is a valid domain, or
   * -1. A trailing dot is sentence punctuation and stays outside.
   */
  private static int domainEnd(CharSequence t, int from, int n) {
    int labels = 0;
    int pos = from;
    int lastLabelStart = from;
    int firstLabelEnd = -1;
    while (pos < n && pos - from <= MAX_DOMAIN) {
      int labelStart = pos;
      while (pos < n && (Character.isLetterOrDigit(t.charAt(pos)) || t.charAt(pos) == '-')) {
        pos++;
      }
      int len = pos - labelStart;
      if (len == 0 || len > 63 || t.charAt(labelStart) == '-' || t.charAt(pos - 1) == '-') {
        return -1;
      }
      labels++;
      lastLabelStart = labelStart;
      if (firstLabelEnd < 0) {
        firstLabelEnd = pos;
      }
      if (pos + 1 < n
          && t.charAt(pos) == '.'
          && (Character.isLetterOrDigit(t.charAt(pos + 1)) || t.charAt(pos + 1) == '-')) {
        pos++;
        continue;
      }
      break;
    }
    if (labels < 2 || pos - from > MAX_DOMAIN || Chars.wordCharAt(t, pos)) {
      return -1;
    }
    if (!validTld(t, lastLabelStart, pos)) {
      return -1;
    }
    if (labels == 2 && isAssetName(t, from, firstLabelEnd, lastLabelStart, pos)) {
      return -1;
    }
    return pos;
  }

  private static boolean validTld(CharSequence t, int start, int end) {
    int len = end - start;
    if (len >= 5
        && t.subSequence(start, start + 4).toString().toLowerCase(Locale.ROOT).equals("xn--")) {
      return true;
    }
    if (len < 2) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (!Character.isLetter(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code icon@2x.png}: an image density suffix, not an address. */
  private static boolean isAssetName(
      CharSequence t, int labelStart, int labelEnd, int tldStart, int tldEnd) {
    char last = t.charAt(labelEnd - 1);
    if (labelEnd - labelStart < 2 || (last != 'x' && last != 'X')) {
      return false;
    }
    for (int i = labelStart; i < labelEnd - 1; i++) {
      if (!Chars.isDigit(t.charAt(i))) {
        return false;
      }
    }
    String tld = t.subSequence(tldStart, tldEnd).toString().toLowerCase(Locale.ROOT);
    return tld.equals("png") || tld.equals("jpg") || tld.equals("jpeg") || tld.equals("gif")
        || tld.equals("svg") || tld.equals("webp") || tld.equals("avif");
  }
}
