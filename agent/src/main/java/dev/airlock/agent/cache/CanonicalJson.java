package dev.airlock.agent.cache;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes JSON in a canonical, unambiguous binary form: two documents give the same bytes exactly
 * when they mean the same JSON value, whatever their member order, whitespace, string escapes or
 * number spelling.
 *
 * <p>Every value is a one-byte tag and, for strings, numbers, arrays and objects, a four-byte count
 * first, so no two different values can run together into the same bytes (which a concatenation of
 * texts would allow: {@code ["ab","c"]} and {@code ["a","bc"]}). Object members are written in the
 * order of their names ({@link String#compareTo}). A number is written as the {@link BigDecimal} it
 * denotes with trailing zeros stripped, so {@code 0}, {@code 0.0} and {@code -0.0} are equal, and
 * so are {@code 100}, {@code 100.0} and {@code 1e2}. A string is written one UTF-16 unit at a time
 * (1 to 3 bytes each, UTF-8 style), which keeps even unpaired surrogates distinct.
 *
 * <p>Values are written straight from the parser's tokens, without building a tree: members go out
 * in document order, and an object whose members were not already in name order has its members'
 * byte ranges rearranged when it closes. A repeated member name is found on the way (it is adjacent
 * once sorted) and refused, cheaper than the parser's own duplicate detection. String contents are encoded from the parser's own buffer,
 * with fast paths for ASCII. Not thread-safe: one instance per key computation.
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

  /** Strings at least this long take {@link #longText}'s vectorized path. */
  private static final int LONG_TEXT = 64;
  /** Objects with at most this many members are sorted by insertion, without allocating. */
  private static final int INSERTION_SORT_MAX = 16;

  private byte[] buf;
  private int len;
  /** One frame per open object, reused across objects at the same depth. */
  private final List<Frame> frames = new ArrayList<>();
  private int depth;
  private byte[] scratch;

  CanonicalJson(int initialCapacity) {
    buf = new byte[Math.max(64, initialCapacity)];
  }

  byte[] buffer() {
    return buf;
  }

  int length() {
    return len;
  }

  /**
   * Drops everything written after {@code mark} (a {@link #length()} taken between values, with no
   * object open), e.g. when {@link AsciiJsonCanonicalizer} declines a body half way.
   */
  void resetTo(int mark) {
    len = mark;
    depth = 0;
  }

  /** A header field: text, or a marker for null. */
  void text(String s) {
    if (s == null) {
      put(ABSENT);
    } else {
      put(TEXT);
      string(s);
    }
  }

  /** Opens an object; members follow as {@link #name} then a value, and {@link #endObject()} closes it. */
  void beginObject() {
    put(OBJECT);
    if (frames.size() == depth) {
      frames.add(new Frame());
    }
    Frame f = frames.get(depth++);
    f.count = 0;
    f.countAt = reserveInt();
  }

  /** The next member's name; its value must be written next. */
  void name(String name) {
    Frame f = frames.get(depth - 1);
    f.add(name, len);
    string(name);
  }

  /**
   * As {@link #name(String)} for a name whose chars are the ASCII bytes {@code src[from, from +
   * name.length())}: copied as they are.
   */
  void asciiName(String name, byte[] src, int from) {
    Frame f = frames.get(depth - 1);
    f.add(name, len);
    int n = name.length();
    putInt(n);
    ensure(n);
    System.arraycopy(src, from, buf, len, n);
    len += n;
  }

  /**
   * Closes the innermost object: writes its member count and puts its members in name order.
   *
   * @throws IOException when two members have the same name: which one a provider takes is not
   *     ours to guess, so such a body has no canonical form
   */
  void endObject() throws IOException {
    Frame f = frames.get(--depth);
    int n = f.count;
    putIntAt(f.countAt, n);
    if (n > 1 && !f.sorted()) {
      reorder(f);
    }
  }

  void bool(boolean value) {
    put(value ? TRUE : FALSE);
  }

  void nullValue() {
    put(NULL);
  }

  /** A number already in canonical form ({@link #canonicalNumber}). */
  void number(String canonical) {
    put(NUMBER);
    string(canonical);
  }

  /** Opens an array; returns where its count goes, for {@link #endArray}. */
  int beginArray() {
    put(ARRAY);
    return reserveInt();
  }

  void endArray(int countAt, int count) {
    putIntAt(countAt, count);
  }

  /**
   * A string whose {@code n} chars are the ASCII bytes {@code src[from, from + n)}: each unit is
   * one byte, so they are copied as they are (what {@link #value} writes for the same string).
   */
  void asciiString(byte[] src, int from, int n) {
    put(STRING);
    putInt(n);
    ensure(n);
    System.arraycopy(src, from, buf, len, n);
    len += n;
  }

  /**
   * Writes the value whose first token is the parser's current one, and leaves the parser on its
   * last token.
   */
  void value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        beginObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          name(p.currentName());
          p.nextToken();
          value(p);
        }
        endObject();
        break;
      case START_ARRAY:
        int countAt = beginArray();
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          value(p);
          n++;
        }
        endArray(countAt, n);
        break;
      case VALUE_STRING:
        put(STRING);
        if (p.getTextLength() >= LONG_TEXT) {
          longText(p.getText());
        } else {
          chars(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        number(canonicalNumber(p));
        break;
      case VALUE_TRUE:
        put(TRUE);
        break;
      case VALUE_FALSE:
        put(FALSE);
        break;
      case VALUE_NULL:
        nullValue();
        break;
      default:
        // Embedded objects never come out of parsing JSON text.
        throw new IOException("not a JSON value: " + t);
    }
  }

  /**
   * The number's value as text, independent of how it was written. Integers that fit a long and do
   * not end in a zero (the common 1, 512, 4096 are not; 0, 10 and 1024 are...) skip {@link
   * BigDecimal}.
   */
  static String canonicalNumber(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      if (type != JsonParser.NumberType.BIG_INTEGER) {
        return canonicalLong(p.getLongValue());
      }
      return canonical(new BigDecimal(p.getBigIntegerValue()));
    }
    // The text's exact value, never rounded through a double: distinct numbers stay distinct.
    return canonical(p.getDecimalValue());
  }

  /** An integer's canonical text: {@link #canonical(BigDecimal)} of it, without the BigDecimal when it ends in no zero. */
  static String canonicalLong(long v) {
    if (v % 10 != 0) {
      return Long.toString(v);
    }
    return canonical(BigDecimal.valueOf(v));
  }

  static String canonical(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toString();
  }

  private void string(String s) {
    int n = s.length();
    putInt(n);
    ensure(3 * n);
    int o = len;
    for (int i = 0; i < n; i++) {
      o = unit(buf, o, s.charAt(i));
    }
    len = o;
  }

  /**
   * As {@link #string}, faster for long ASCII text (prompts, documents): {@link String#getBytes}
   * and {@link String#equals} are vectorized by the JDK, a loop over the units is not.
   */
  private void longText(String s) {
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    int n = s.length();
    // These are the bytes string(s) would write exactly when every unit is ASCII. One byte per
    // unit leaves ASCII or unpaired surrogates (which getBytes turns into '?'); a text with a
    // surrogate never equals its bytes read back as Latin-1, an ASCII text always does.
    if (u.length == n && s.equals(new String(u, StandardCharsets.ISO_8859_1))) {
      putInt(n);
      ensure(n);
      System.arraycopy(u, 0, buf, len, n);
      len += n;
    } else {
      string(s);
    }
  }

  /** A count of UTF-16 units, then each unit on its own in 1 to 3 bytes. */
  private void chars(char[] ch, int off, int n) {
    putInt(n);
    ensure(3 * n);
    byte[] b = buf;
    int o = len;
    // Most text is ASCII: copy, and check once at the end rather than per unit.
    int seen = 0;
    for (int i = 0; i < n; i++) {
      char c = ch[off + i];
      seen |= c;
      b[o + i] = (byte) c;
    }
    if (seen < 0x80) {
      len = o + n;
      return;
    }
    for (int i = 0; i < n; i++) {
      o = unit(b, o, ch[off + i]);
    }
    len = o;
  }

  private static int unit(byte[] b, int o, char c) {
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
    return o;
  }

  /** Rewrites the object's members, which run from the first member's start to the end, in name order. */
  private void reorder(Frame f) throws IOException {
    int n = f.count;
    int from = f.starts[0];
    int size = len - from;
    if (scratch == null || scratch.length < size) {
      scratch = new byte[Math.max(size, 256)];
    }
    System.arraycopy(buf, from, scratch, 0, size);
    int[] order = f.order();
    int o = from;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      int start = f.starts[i];
      int end = i + 1 < n ? f.starts[i + 1] : len;
      System.arraycopy(scratch, start - from, buf, o, end - start);
      o += end - start;
    }
  }

  private void put(byte tag) {
    ensure(1);
    buf[len++] = tag;
  }

  private void putInt(int v) {
    ensure(4);
    putIntAt(len, v);
    len += 4;
  }

  /** Room for a count written once known; returns where. */
  private int reserveInt() {
    ensure(4);
    int at = len;
    len += 4;
    return at;
  }

  private void putIntAt(int at, int v) {
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  /** The members of one open object: their names and where each starts in the buffer. */
  private static final class Frame {
    int countAt;
    int count;
    String[] names = new String[8];
    int[] starts = new int[8];
    private int[] order = new int[8];

    void add(String name, int start) {
      if (count == names.length) {
        names = Arrays.copyOf(names, count * 2);
        starts = Arrays.copyOf(starts, count * 2);
      }
      names[count] = name;
      starts[count] = start;
      count++;
    }

    /** Whether the names are already in strictly increasing order; a repeated neighbour is refused. */
    boolean sorted() throws IOException {
      for (int i = 1; i < count; i++) {
        int c = names[i - 1].compareTo(names[i]);
        if (c > 0) {
          return false;
        }
        if (c == 0) {
          throw duplicate(names[i]);
        }
      }
      return true;
    }

    /** Member indexes in name order; a repeated name, adjacent once sorted, is refused. */
    int[] order() throws IOException {
      sort();
      for (int k = 1; k < count; k++) {
        if (names[order[k - 1]].equals(names[order[k]])) {
          throw duplicate(names[order[k]]);
        }
      }
      return order;
    }

    private static IOException duplicate(String name) {
      return new IOException("duplicate member \"" + name + "\"");
    }

    private void sort() {
      int n = count;
      if (order.length < n) {
        order = new int[names.length];
      }
      if (n <= INSERTION_SORT_MAX) {
        for (int i = 0; i < n; i++) {
          int j = i;
          while (j > 0 && names[order[j - 1]].compareTo(names[i]) > 0) {
            order[j] = order[j - 1];
            j--;
          }
          order[j] = i;
        }
        return;
      }
      // Many members (a hostile or unusual body): O(n log n), whatever the input.
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
      }
      String[] ns = names;
      Arrays.sort(boxed, (a, b) -> ns[a].compareTo(ns[b]));
      for (int i = 0; i < n; i++) {
        order[i] = boxed[i];
      }
    }
  }
}
