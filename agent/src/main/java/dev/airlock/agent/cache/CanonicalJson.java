package dev.airlock.agent.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Writes a JSON tree in a canonical, unambiguous binary form: two trees give the same bytes exactly
 * when they mean the same JSON value, whatever their member order, whitespace, string escapes or
 * number spelling.
 *
 * <p>Every value is a one-byte tag and, for strings, numbers, arrays and objects, a four-byte count
 * first, so no two different trees can run together into the same bytes (which a naive
 * concatenation of texts would allow: {@code ["ab","c"]} and {@code ["a","bc"]}). Object members are
 * written in the order of their names ({@link String#compareTo}). A number is written as the {@link
 * BigDecimal} it denotes with trailing zeros stripped, so {@code 0}, {@code 0.0} and {@code -0.0} are
 * equal, and so are {@code 100}, {@code 100.0} and {@code 1e2}. A string is written one UTF-16 unit
 * at a time (1 to 3 bytes each, UTF-8 style), which keeps even unpaired surrogates distinct.
 *
 * <p>Not thread-safe: one instance per key computation.
 */
final class CanonicalJson {

  private static final byte OBJECT = 'o';
  private static final byte ARRAY = 'a';
  private static final byte STRING = 's';
  private static final byte NUMBER = 'n';
  private static final byte TRUE = 't';
  private static final byte FALSE = 'f';
  private static final byte NULL = 'z';
  /** Text that is not part of a JSON value (the key's header fields). */
  private static final byte TEXT = 'x';
  /** An absent optional header field: distinct from any text, the empty one included. */
  private static final byte ABSENT = '-';

  private byte[] buf;
  private int len;

  CanonicalJson(int initialCapacity) {
    buf = new byte[Math.max(64, initialCapacity)];
  }

  byte[] buffer() {
    return buf;
  }

  int length() {
    return len;
  }

  /** A header field: text, or a marker for null. */
  void text(String s) {
    if (s == null) {
      put(ABSENT);
    } else {
      put(TEXT);
      chars(s);
    }
  }

  void value(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        object(node);
        break;
      case ARRAY:
        put(ARRAY);
        putInt(node.size());
        for (int i = 0; i < node.size(); i++) {
          value(node.get(i));
        }
        break;
      case STRING:
        put(STRING);
        chars(node.textValue());
        break;
      case NUMBER:
        put(NUMBER);
        chars(canonicalNumber(node));
        break;
      case BOOLEAN:
        put(node.booleanValue() ? TRUE : FALSE);
        break;
      case NULL:
        put(NULL);
        break;
      default:
        // Binary, POJO and missing nodes never come out of parsing JSON text.
        throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }
  }

  private void object(JsonNode node) {
    int n = node.size();
    String[] names = new String[n];
    Iterator<String> it = node.fieldNames();
    for (int i = 0; i < n; i++) {
      names[i] = it.next();
    }
    if (n > 1) {
      Arrays.sort(names);
    }
    put(OBJECT);
    putInt(n);
    for (String name : names) {
      chars(name);
      value(node.get(name));
    }
  }

  /**
   * The number's value as text, independent of how it was written. Integers that fit a long skip
   * {@link BigDecimal} unless they end in a zero (the common 0, 1, 1024 stay cheap).
   */
  static String canonicalNumber(JsonNode node) {
    if (node.canConvertToExactIntegral() && node.canConvertToLong()) {
      long v = node.longValue();
      if (v % 10 != 0) {
        return Long.toString(v);
      }
      if (v == 0) {
        return "0";
      }
    }
    BigDecimal d = node.decimalValue();
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toString();
  }

  /** A count of UTF-16 units, then each unit on its own in 1 to 3 bytes. */
  private void chars(String s) {
    int n = s.length();
    putInt(n);
    ensure(3 * n);
    byte[] b = buf;
    int o = len;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[o++] = (byte) c;
      } else if (c < 0x800) {
        b[o++] = (byte) (0xc0 | (c >> 6));
        b[o++] = (byte) (0x80 | (c & 0x3f));
      } else {
        b[o++] = (byte) (0xe0 | (c >> 12));
        b[o++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[o++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    len = o;
  }

  private void put(byte tag) {
    ensure(1);
    buf[len++] = tag;
  }

  private void putInt(int v) {
    ensure(4);
    buf[len++] = (byte) (v >>> 24);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
