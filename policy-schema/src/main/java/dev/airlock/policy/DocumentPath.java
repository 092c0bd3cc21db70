package dev.airlock.policy;

import java.util.regex.Pattern;

/**
 * Builds the document paths used in problems: {@code providers.eu-llama.format}, {@code
 * routes[2].to}. A key that would make the path ambiguous (a model id such as {@code gpt-4.1-mini}
 * contains a dot) is written as {@code models["gpt-4.1-mini"]}.
 */
final class DocumentPath {

  /** Keys that can be joined with a dot and still read back unambiguously. */
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private DocumentPath() {}

  /** Path of {@code key} inside the mapping at {@code parent} ("" is the document root). */
  static String child(String parent, String key) {
    if (PLAIN_KEY.matcher(key).matches()) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    String quoted = "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    return parent + quoted;
  }

  /** Path of item {@code index} (0-based) of the sequence at {@code parent}. */
  static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
