package dev.airlock.agent.redact;

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
