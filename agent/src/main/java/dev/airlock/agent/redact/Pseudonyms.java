package dev.airlock.agent.redact;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The placeholders of one request: the same value always gets the same placeholder
 * ({@code <EMAIL_1>}), numbered per type in order of appearance. Never leaves the JVM; the
 * placeholders do.
 */
public final class Pseudonyms {

  /** Labels by type; bounded, since custom detector names come from policies that can be reloaded. */
  private static final Map<String, String> LABELS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_LABELS = 256;

  private final Map<String, String> placeholderByValue = new HashMap<>();
  private final Map<String, String> valueByPlaceholder = new HashMap<>();
  private final Map<String, Integer> countByType = new HashMap<>();

  /** The placeholder for {@code value}, created on first use. */
  public String placeholderFor(String type, String value) {
    String key = type + '\u0000' + value;
    String existing = placeholderByValue.get(key);
    if (existing != null) {
      return existing;
    }
    int n = countByType.merge(type, 1, Integer::sum);
    String placeholder = "<" + label(type) + "_" + n + ">";
    placeholderByValue.put(key, placeholder);
    valueByPlaceholder.put(placeholder, value);
    return placeholder;
  }

  /** {@code credit_card} becomes {@code CREDIT_CARD}: letters, digits and underscores only. */
  public static String label(String type) {
    // Types are the policy's detector names, a handful: each label is worked out once.
    String known = LABELS.get(type);
    if (known != null) {
      return known;
    }
    String label = labelOf(type);
    if (LABELS.size() < MAX_CACHED_LABELS) {
      LABELS.putIfAbsent(type, label);
    }
    return label;
  }

  private static String labelOf(String type) {
    StringBuilder out = new StringBuilder(type.length());
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      out.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** Placeholder to real value, for restoring answers. */
  public Map<String, String> restorations() {
    return Collections.unmodifiableMap(valueByPlaceholder);
  }

  public boolean isEmpty() {
    return valueByPlaceholder.isEmpty();
  }
}
