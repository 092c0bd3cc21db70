package dev.airlock.agent.redact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Puts real values back in place of placeholders ({@code <EMAIL_1>}), in plain text or inside JSON,
 * where a provider may have escaped the angle brackets as {@code \u003c} and {@code \u003e}.
 * Scans by hand: no regular expression is compiled per call.
 */
public final class Placeholders {

  /** The longest placeholder considered: {@code <} + label + {@code _} + number + {@code >}. */
  static final int MAX_LENGTH = 64;

  private static final String JSON_LT = "\\u003c";
  private static final String JSON_GT = "\\u003e";
  private static final byte[] JSON_LT_BYTES = JSON_LT.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] JSON_GT_BYTES = JSON_GT.getBytes(StandardCharsets.US_ASCII);

  private Placeholders() {}

  /** Replaces every known placeholder in decoded text with its value. */
  public static String restoreText(String text, Map<String, String> restorations) {
    if (restorations.isEmpty() || text.indexOf('<') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '<') {
        int end = labelEnd(text, i + 1);
        if (end < text.length() && text.charAt(end) == '>') {
          String value = restorations.get(text.substring(i, end + 1));
          if (value != null) {
            out.append(value);
            i = end + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** Replaces placeholders inside a JSON document's strings, escaping the values as JSON. */
  public static String restoreJson(String json, Map<String, String> restorations) {
    if (restorations.isEmpty() || (json.indexOf('<') < 0 && !containsIgnoreCase(json, JSON_LT))) {
      return json;
    }
    StringBuilder out = new StringBuilder(json.length() + 32);
    int i = 0;
    int copied = 0;
    while (i < json.length()) {
      int open = openerLength(json, i);
      if (open > 0) {
        int labelStart = i + open;
        int end = labelEnd(json, labelStart);
        int close = closerLength(json, end);
        if (close > 0 && end > labelStart) {
          String value = restorations.get("<" + json.substring(labelStart, end) + ">");
          if (value != null) {
            out.append(json, copied, i);
            escapeJson(value, out);
            i = end + close;
            copied = i;
            continue;
          }
        }
      }
      i++;
    }
    return out.append(json, copied, json.length()).toString();
  }

  /**
   * {@link #restoreJson(String, Map)} on UTF-8 bytes, without decoding them: placeholders and
   * their escaped brackets are ASCII, and no byte of a multi-byte UTF-8 character is, so the same
   * placeholders are found at the same places. Bytes outside the placeholders are copied as they
   * are.
   *
   * @return the restored document, or {@code json} itself when it holds no known placeholder
   */
  public static byte[] restoreJson(byte[] json, Map<String, String> restorations) {
    if (restorations.isEmpty()) {
      return json;
    }
    byte[] out = null;
    int written = 0;
    int copied = 0;
    int i = 0;
    while (i < json.length) {
      byte c = json[i];
      int open = c == '<' ? 1 : c == '\\' && regionMatchesIgnoreCase(json, i, JSON_LT_BYTES) ? JSON_LT_BYTES.length : 0;
      if (open > 0) {
        int labelStart = i + open;
        int end = labelStart;
        while (end < json.length && end - labelStart < MAX_LENGTH && isLabelChar((char) (json[end] & 0xff))) {
          end++;
        }
        int close = end >= json.length ? 0
            : json[end] == '>' ? 1
            : regionMatchesIgnoreCase(json, end, JSON_GT_BYTES) ? JSON_GT_BYTES.length : 0;
        if (close > 0 && end > labelStart) {
          // Written plainly, the placeholder's bytes are the key itself.
          String key = open == 1 && close == 1 ? new String(json, i, end + 1 - i, StandardCharsets.US_ASCII)
              : "<" + new String(json, labelStart, end - labelStart, StandardCharsets.US_ASCII) + ">";
          String value = restorations.get(key);
          if (value != null) {
            StringBuilder escaped = new StringBuilder(value.length() + 8);
            escapeJson(value, escaped);
            byte[] bytes = escaped.toString().getBytes(StandardCharsets.UTF_8);
            if (out == null) {
              out = new byte[json.length + Math.max(64, bytes.length)];
            }
            int need = written + (i - copied) + bytes.length + (json.length - (end + close));
            if (need > out.length) {
              out = Arrays.copyOf(out, Math.max(need, out.length * 2));
            }
            System.arraycopy(json, copied, out, written, i - copied);
            written += i - copied;
            System.arraycopy(bytes, 0, out, written, bytes.length);
            written += bytes.length;
            i = end + close;
            copied = i;
            continue;
          }
        }
      }
      i++;
    }
    if (out == null) {
      return json;
    }
    int rest = json.length - copied;
    if (written + rest > out.length) {
      out = Arrays.copyOf(out, written + rest);
    }
    System.arraycopy(json, copied, out, written, rest);
    return Arrays.copyOf(out, written + rest);
  }

  private static boolean regionMatchesIgnoreCase(byte[] s, int at, byte[] ascii) {
    if (at + ascii.length > s.length) {
      return false;
    }
    for (int k = 0; k < ascii.length; k++) {
      int a = s[at + k];
      int b = ascii[k];
      // The pattern is lower case: only its letters also match their upper case.
      if (a != b && !(b >= 'a' && b <= 'z' && a == b - ('a' - 'A'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where a text that may still grow should be cut so that no placeholder is split: the index of a
   * trailing {@code <LABEL} that could be the start of one, else the text's length.
   */
  static int safeCut(CharSequence text) {
    int from = Math.max(0, text.length() - MAX_LENGTH);
    for (int i = text.length() - 1; i >= from; i--) {
      char c = text.charAt(i);
      if (c == '<') {
        return i;
      }
      if (!isLabelChar(c)) {
        return text.length();
      }
    }
    return text.length();
  }

  private static int labelEnd(CharSequence s, int from) {
    int i = from;
    while (i < s.length() && i - from < MAX_LENGTH && isLabelChar(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isLabelChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static int openerLength(String s, int i) {
    char c = s.charAt(i);
    if (c == '<') {
      return 1;
    }
    // Only a backslash can start the escaped form: most characters are ruled out without a comparison.
    return c == '\\' && s.regionMatches(true, i, JSON_LT, 0, JSON_LT.length()) ? JSON_LT.length() : 0;
  }

  private static int closerLength(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    if (s.charAt(i) == '>') {
      return 1;
    }
    return s.regionMatches(true, i, JSON_GT, 0, JSON_GT.length()) ? JSON_GT.length() : 0;
  }

  private static boolean containsIgnoreCase(String s, String needle) {
    char first = needle.charAt(0);
    for (int i = s.indexOf(first); i >= 0 && i + needle.length() <= s.length(); i = s.indexOf(first, i + 1)) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }

  private static void escapeJson(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
  }
}
