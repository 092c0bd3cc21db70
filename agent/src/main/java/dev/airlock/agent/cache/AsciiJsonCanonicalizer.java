package dev.airlock.agent.cache;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the canonical form of a request body (see {@link CacheKeys}) straight from its bytes,
 * when the body is plain JSON: ASCII only, no escape in any string, numbers that are plain
 * integers or decimals of modest length, nesting well below the parser's limit. Such a body is the
 * common case (SDKs write prompts as they are, escaping only quotes, backslashes and control
 * characters), and its strings are then copied as bytes instead of being decoded into chars by the
 * parser and encoded back one unit at a time.
 *
 * <p>Everything else is <b>declined</b>: {@link #write} returns false at the first byte it does
 * not take, and {@link CacheKeys} reads the body with the parser as before. The bytes written for
 * an accepted body are exactly those {@link CanonicalJson#value} writes for it from the parser's
 * tokens, so the key is the same whichever way it was computed; and every body accepted here is
 * one the parser reads without error (the grammar taken is a subset of JSON well inside the
 * parser's limits), so a body never gains a key by taking this path. Stateless.
 */
final class AsciiJsonCanonicalizer {

  /** Deeper bodies are declined: far below the parser's own nesting limit (1000). */
  private static final int MAX_DEPTH = 128;
  /** Longer numbers are declined: far below the parser's own limit (1000 chars). */
  private static final int MAX_NUMBER_CHARS = 64;
  /** Longer member names are declined: far below the parser's own limit (50,000 bytes). */
  private static final int MAX_NAME_BYTES = 1024;
  /** Larger bodies are declined: no string in them can reach the parser's limit (20,000,000 chars). */
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  /** Thrown at the first byte this reader does not take; carries no stack, it is control flow. */
  private static final IOException DECLINED = new IOException("declined") {
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  };

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * 0x20;

  private final byte[] b;
  private final CanonicalJson out;
  private int at;
  private int depth;
  /** Where the last name read by {@link #name()} starts in the body. */
  private int nameStart;

  private AsciiJsonCanonicalizer(byte[] body, CanonicalJson out) {
    this.b = body;
    this.out = out;
  }

  /**
   * Appends the body's canonical form to {@code out}, or declines.
   *
   * @return true when written; false when the body is declined (not plain, not one object, or
   *     repeating a member the key covers), and {@code out} is then as it was on entry
   */
  static boolean write(Endpoint endpoint, byte[] body, CanonicalJson out) {
    if (body.length > MAX_BODY_BYTES) {
      return false;
    }
    int mark = out.length();
    AsciiJsonCanonicalizer reader = new AsciiJsonCanonicalizer(body, out);
    try {
      reader.root(endpoint);
      return true;
    } catch (IOException | RuntimeException declined) {
      // Duplicates (CanonicalJson's IOException) are declined too: the parser's path decides.
      out.resetTo(mark);
      return false;
    }
  }

  /** The root object, with the members the key leaves out left out (see {@link CacheKeys}). */
  private void root(Endpoint endpoint) throws IOException {
    WireFormat format = endpoint.format();
    if (next() != '{') {
      throw DECLINED;
    }
    at++;
    boolean sawStreamOptions = false;
    out.beginObject();
    if (next() == '}') {
      at++;
    } else {
      while (true) {
        String name = name();
        if (format == WireFormat.OPENAI && "stream_options".equals(name)) {
          if (sawStreamOptions) {
            throw DECLINED;
          }
          sawStreamOptions = true;
          if (includesUsage()) {
            out.name(name);
            out.beginObject();
            out.name("include_usage");
            out.bool(true);
            out.endObject();
          }
        } else if (CacheKeys.isDropped(endpoint, format, name)) {
          skipValue();
        } else {
          out.asciiName(name, b, nameStart);
          value();
        }
        if (!endOfMember('}')) {
          break;
        }
      }
    }
    out.endObject();
    // Exactly one object: only whitespace may follow.
    if (next() != -1) {
      throw DECLINED;
    }
  }

  /** A {@code stream_options} value: whether it holds {@code "include_usage": true}, the last such member deciding. */
  private boolean includesUsage() throws IOException {
    if (next() != '{') {
      skipValue();
      return false;
    }
    at++;
    depth++;
    boolean include = false;
    if (next() == '}') {
      at++;
    } else {
      while (true) {
        String option = name();
        int from = next();
        skipValue();
        if ("include_usage".equals(option)) {
          include = from == 't';
        }
        if (!endOfMember('}')) {
          break;
        }
      }
    }
    depth--;
    return include;
  }

  /** Writes one value; the reader is at it (whitespace allowed before). */
  private void value() throws IOException {
    int c = next();
    switch (c) {
      case '{':
        at++;
        enter();
        out.beginObject();
        if (next() == '}') {
          at++;
        } else {
          do {
            String name = name();
            out.asciiName(name, b, nameStart);
            value();
          } while (endOfMember('}'));
        }
        out.endObject();
        depth--;
        break;
      case '[':
        at++;
        enter();
        int countAt = out.beginArray();
        int n = 0;
        if (next() == ']') {
          at++;
        } else {
          do {
            value();
            n++;
          } while (endOfMember(']'));
        }
        out.endArray(countAt, n);
        depth--;
        break;
      case '"':
        int start = at + 1;
        int end = stringEnd(start);
        out.asciiString(b, start, end - start);
        at = end + 1;
        break;
      case 't':
        literal("true");
        out.bool(true);
        break;
      case 'f':
        literal("false");
        out.bool(false);
        break;
      case 'n':
        literal("null");
        out.nullValue();
        break;
      default:
        out.number(number());
        break;
    }
  }

  /** Reads one value without writing it (a member the key leaves out), checking it as {@link #value} does. */
  private void skipValue() throws IOException {
    int c = next();
    switch (c) {
      case '{':
        at++;
        enter();
        if (next() == '}') {
          at++;
        } else {
          do {
            name();
            skipValue();
          } while (endOfMember('}'));
        }
        depth--;
        break;
      case '[':
        at++;
        enter();
        if (next() == ']') {
          at++;
        } else {
          do {
            skipValue();
          } while (endOfMember(']'));
        }
        depth--;
        break;
      case '"':
        at = stringEnd(at + 1) + 1;
        break;
      case 't':
        literal("true");
        break;
      case 'f':
        literal("false");
        break;
      case 'n':
        literal("null");
        break;
      default:
        number();
        break;
    }
  }

  private void enter() throws IOException {
    if (++depth > MAX_DEPTH) {
      throw DECLINED;
    }
  }

  /** A member's name and its colon; the reader is left before the value. */
  private String name() throws IOException {
    if (next() != '"') {
      throw DECLINED;
    }
    int start = at + 1;
    nameStart = start;
    int end = stringEnd(start);
    if (end - start > MAX_NAME_BYTES) {
      throw DECLINED;
    }
    at = end + 1;
    if (next() != ':') {
      throw DECLINED;
    }
    at++;
    return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
  }

  /**
   * After a member or element: true past a comma (another one follows), false past the closing
   * bracket; anything else is declined.
   */
  private boolean endOfMember(char close) throws IOException {
    int c = next();
    at++;
    if (c == ',') {
      return true;
    }
    if (c == close) {
      return false;
    }
    throw DECLINED;
  }

  /**
   * Where the string whose first content byte is at {@code start} closes: its closing quote. Only
   * printable ASCII (and DEL) is taken; an escape, a control character or a non-ASCII byte is
   * declined, as is a string that does not close.
   */
  private int stringEnd(int start) throws IOException {
    byte[] bytes = b;
    int i = start;
    // Eight bytes at a time while none of them needs a look (the bulk of a prompt): a quote, a
    // backslash, a control character or a non-ASCII byte stops the block scan, and the byte loop
    // below then finds which one it is.
    for (int last = bytes.length - 8; i <= last; i += 8) {
      long x = (long) LONGS.get(bytes, i);
      long special = hasZeroByte(x ^ QUOTES) | hasZeroByte(x ^ BACKSLASHES) | ((x - SPACES) | x) & HIGH_BITS;
      if (special != 0) {
        break;
      }
    }
    for (; i < bytes.length; i++) {
      byte c = bytes[i];
      if (c == '"') {
        return i;
      }
      // Negative: a byte of a multi-byte character.
      if (c < 0x20 || c == '\\') {
        throw DECLINED;
      }
    }
    throw DECLINED;
  }

  /**
   * Non-zero when some byte of {@code x} is zero (and only then): its high bit is set by the
   * subtraction's borrow and it had no high bit of its own.
   */
  private static long hasZeroByte(long x) {
    return (x - ONES) & ~x & HIGH_BITS;
  }

  private void literal(String word) throws IOException {
    int n = word.length();
    if (at + n > b.length) {
      throw DECLINED;
    }
    for (int i = 0; i < n; i++) {
      if (b[at + i] != word.charAt(i)) {
        throw DECLINED;
      }
    }
    at += n;
    requireDelimiter();
  }

  /**
   * A number in JSON's grammar ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}) as {@link
   * CanonicalJson#canonicalNumber} writes it: an integer that fits a long from its value, any other
   * through {@link BigDecimal}, as the parser's decimal value would be.
   */
  private String number() throws IOException {
    int start = at;
    int i = at;
    byte[] bytes = b;
    int n = bytes.length;
    if (i < n && bytes[i] == '-') {
      i++;
    }
    int intStart = i;
    if (i < n && bytes[i] == '0') {
      i++;
    } else {
      while (i < n && isDigit(bytes[i])) {
        i++;
      }
    }
    int intDigits = i - intStart;
    if (intDigits == 0) {
      throw DECLINED;
    }
    boolean integer = true;
    if (i < n && bytes[i] == '.') {
      integer = false;
      int from = ++i;
      while (i < n && isDigit(bytes[i])) {
        i++;
      }
      if (i == from) {
        throw DECLINED;
      }
    }
    if (i < n && (bytes[i] == 'e' || bytes[i] == 'E')) {
      integer = false;
      i++;
      if (i < n && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      int from = i;
      while (i < n && isDigit(bytes[i])) {
        i++;
      }
      if (i == from) {
        throw DECLINED;
      }
    }
    if (i - start > MAX_NUMBER_CHARS) {
      throw DECLINED;
    }
    at = i;
    requireDelimiter();
    if (integer && intDigits <= 18) {
      long v = 0;
      for (int k = intStart; k < i; k++) {
        v = v * 10 + (bytes[k] - '0');
      }
      if (bytes[start] == '-') {
        v = -v;
      }
      return CanonicalJson.canonicalLong(v);
    }
    // A long integer (may exceed a long) or a decimal: its exact value, never through a double.
    return CanonicalJson.canonical(new BigDecimal(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1)));
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** After a literal or a number: whitespace, a comma or a closing bracket must follow (or the end). */
  private void requireDelimiter() throws IOException {
    if (at >= b.length) {
      return;
    }
    byte c = b[at];
    if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      throw DECLINED;
    }
  }

  /** Skips JSON whitespace; returns the next byte (not consumed), or -1 at the end. */
  private int next() {
    byte[] bytes = b;
    int i = at;
    while (i < bytes.length) {
      byte c = bytes[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        at = i;
        return c;
      }
      i++;
    }
    at = i;
    return -1;
  }
}
