package dev.airlock.agent.pii;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IPv4 and IPv6 addresses, with an optional CIDR prefix ({@code 10.0.0.0/8}, {@code
 * 2001:db8::/32}) and, for IPv6, an optional zone ({@code fe80::1%eth0}).
 *
 * <p>IPv4: four decimal octets 0-255 without leading zeros, not glued to letters, not part of a
 * longer dotted number (an OID or a five-part version such as {@code 1.3.6.1.4}) and not followed
 * by a version suffix ({@code 1.3.0.1-beta}). Four-part versions and section numbers look exactly
 * like addresses, so: words such as "version", "update" or "section" nearby lower the
 * confidence, and four numbers all below 32 outside the private 10/8 range ({@code 1.6.2.2},
 * {@code 7.4.1.3}, but also {@code 8.8.8.8}) are reported only with a CIDR prefix or an IP word
 * nearby ("ip", "server", "dns", "ping", "http", ...); {@code 0.0.0.0} is always an address.
 *
 * <p>IPv6 (RFC 4291 text forms): one to eight groups of 1-4 hex digits, at most one {@code ::}
 * standing for at least one zero group, eight groups without it, optionally ending in an embedded
 * IPv4 address that counts as two groups. The whole token is
 * validated: {@code 2001::db8::1} or {@code 12345:db8::1} is rejected rather than searched for a
 * valid part. C++ scopes ({@code std::cout}), MAC addresses and clock times fail these rules.
 * Addresses with almost no digits ({@code ::}, {@code a::b}) are reported only with context or a
 * prefix length ({@code ::/0}).
 */
final class IpAddressDetector implements IndexedDetector {

  static final double IPV4 = 0.75;
  /** Four numbers below 32 (outside 10/8) read as a version or section number ("1.6.2.2"). */
  static final double IPV4_SMALL = 0.45;
  static final double IPV6 = 0.8;
  static final double IPV6_LOOPBACK = 0.6;
  static final double IPV6_SPARSE = 0.4;
  static final double IPV6_UNSPECIFIED = 0.3;

  private static final ContextWords POSITIVE =
      ContextWords.of(
          0.15, "ip", "ips", "ipv4", "ipv6", "address", "addresses", "addr", "host", "hostname",
          "server", "client", "remote", "src", "dst", "source", "destination", "gateway", "subnet",
          "cidr", "prefix", "dns", "nameserver", "resolver", "ping", "ssh", "connect",
          "connecting", "connected", "listen", "listening", "bind", "pod", "router",
          "firewall", "proxy", "vpn", "lan", "wan", "network", "interface", "nat", "route",
          "localhost", "inet", "peer", "endpoint", "http", "https", "tcp", "udp");

  private static final ContextWords NEGATIVE =
      ContextWords.of(
          -0.4, "*version", "*versions", "ver", "release", "build", "firmware", "oid", "snmp",
          "semver", "upgrade", "upgraded", "upgrading", "update", "updated", "updating", "bump",
          "bumped", "deps", "v8", "patch", "fixed", "merged", "changelog", "*section",
          "*sections", "sec", "chapter", "clause", "paragraph", "rfc", "figure", "table", "step");

  /** Both lists, read in one pass over the window. */
  private static final ContextPair CONTEXT = new ContextPair(POSITIVE, NEGATIVE);

  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

  /** The pattern {@link #ipv4End} implements. */
  static final Pattern IPV4_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\p{L}\\p{N}_]|\\.\\d)");

  /** Longest token we try to read as IPv6 (8 full groups with an embedded IPv4 is 45). */
  private static final int MAX_IPV6 = 45;

  /** The digit runs an IPv4 address can start with: not after a word char, a dotted quad's first. */
  private static final RunFilter FIRST_OCTETS =
      new RunFilter(s -> RunShape.before(s) == RunShape.AFTER_NON_WORD && octetThenDot(s));

  @Override
  public String type() {
    return PiiTypes.IP_ADDRESS;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    detectIpv4(text, index, out);
    detectIpv6(text, out);
  }

  private static void detectIpv4(CharSequence text, TextIndex index, List<Detection> out) {
    int resume = 0;
    BitSet runs = index.runs(FIRST_OCTETS);
    for (int k = runs.nextSetBit(0); k >= 0; k = runs.nextSetBit(k + 1)) {
      int start = index.runStart(k);
      if (start < resume) {
        continue;
      }
      int matchEnd = ipv4End(text, index, k);
      if (matchEnd < 0) {
        continue;
      }
      resume = matchEnd;
      if (Chars.at(text, matchEnd) == '-' && Chars.isAsciiLetter(Chars.at(text, matchEnd + 1))) {
        continue; // "1.3.0.1-motley": a version with a suffix
      }
      // "10.0.0.0/123": the address is reported, the impossible prefix is left out.
      int end = prefixEnd(text, matchEnd, 32);
      // 10/8 is the private range every cluster uses; its addresses are addresses.
      boolean privateTen = text.charAt(start) == '1' && text.charAt(start + 1) == '0'
          && text.charAt(start + 2) == '.';
      // 0.0.0.0 (any address) is written in configs and logs, never as a version.
      boolean anyAddress =
          matchEnd - start == 7 && "0.0.0.0".contentEquals(text.subSequence(start, matchEnd));
      boolean small = end == matchEnd && !privateTen && !anyAddress
          && allOctetsBelow32(text, start, matchEnd);
      add(text, start, end, small ? IPV4_SMALL : IPV4, "ipv4", out);
    }
  }

  /**
   * Where {@link #IPV4_PATTERN} matches from the start of digit run {@code k} ends, or -1: the
   * pattern written out, since run at each dotted quad of a text dense with numbers it was a
   * large part of this detector's time. Once the runs are a {@link #dottedQuad}, the pattern
   * takes each run whole (a shorter octet would leave a digit where it needs a dot, or, at the
   * end, where its look-ahead forbids one), so what is left is: the char before is no letter,
   * number, '_' or '.'; each run is 0-255 without a leading zero; after the last, no letter,
   * number or '_' (a whole code point, as the pattern reads it) and no '.' before a digit.
   */
  static int ipv4End(CharSequence text, TextIndex index, int k) {
    if (!dottedQuad(index, k)) {
      return -1;
    }
    int start = index.runStart(k);
    if (start > 0) {
      char before = text.charAt(start - 1);
      if (before == '_' || before == '.' || Character.isLetter(before) || Chars.isNumber(before)) {
        return -1;
      }
    }
    for (int g = k; g < k + 4; g++) {
      if (!octet(text, index.runStart(g), index.runEnd(g))) {
        return -1;
      }
    }
    int end = index.runEnd(k + 3);
    if (end == text.length()) {
      return end;
    }
    int next = Character.codePointAt(text, end);
    if (next == '_' || Character.isLetter(next) || Chars.isNumber(next)
        || (next == '.' && Chars.digitAt(text, end + 1))) {
      return -1;
    }
    return end;
  }

  /** Whether the 1-3 digits of {@code [start, end)} are 0-255 without a leading zero. */
  private static boolean octet(CharSequence text, int start, int end) {
    if (end - start > 1 && text.charAt(start) == '0') {
      return false;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value <= 255;
  }

  /**
   * Whether digit run {@code k} and the three after it are four groups of one to three digits
   * joined by single dots, the shape the pattern needs: read from the runs' {@link RunShape}s, so
   * that the numbers of a text (most are not addresses) never reach the pattern.
   */
  private static boolean dottedQuad(TextIndex index, int k) {
    if (k + 3 >= index.runCount()) {
      return false;
    }
    for (int g = k; g < k + 3; g++) {
      if (!octetThenDot(index.runShape(g))) {
        return false;
      }
    }
    return RunShape.minLength(index.runShape(k + 3)) <= 3;
  }

  /** Whether a run of {@code shape} is one to three digits, then a dot and another run. */
  private static boolean octetThenDot(int shape) {
    return RunShape.minLength(shape) <= 3 && RunShape.after(shape) == RunShape.DOT
        && RunShape.then(shape) == RunShape.DIGIT;
  }

  /**
   * Validates each maximal run of hex digits, colons and dots that holds two colons or more and
   * starts a token (the char before it is not a letter, digit or '_'). Runs are found from their
   * colons, which are rare in prose, rather than by looking at every char; each char is looked at
   * a bounded number of times.
   */
  private static void detectIpv6(CharSequence text, List<Detection> out) {
    int n = text.length();
    int resume = 0;
    for (int colon = Chars.indexOf(text, ':', 0); colon >= 0;
        colon = Chars.indexOf(text, ':', Math.max(colon + 1, resume))) {
      int start = colon;
      while (start > resume && isRunChar(text.charAt(start - 1))) {
        start--;
      }
      int runEnd = colon + 1;
      int colons = 1;
      while (runEnd < n && isRunChar(text.charAt(runEnd))) {
        if (text.charAt(runEnd) == ':') {
          colons++;
        }
        runEnd++;
      }
      resume = runEnd;
      if (colons >= 2 && !Chars.wordCharAt(text, start - 1)) {
        detectIpv6Run(text, start, runEnd, out);
      }
    }
  }

  private static boolean isRunChar(char c) {
    return isHex(c) || c == ':' || c == '.';
  }

  private static void detectIpv6Run(CharSequence text, int start, int runEnd, List<Detection> out) {
    int end = runEnd;
    // Sentence punctuation: trailing dots, or a lone trailing ':' ("::" belongs to the address).
    while (end > start && text.charAt(end - 1) == '.') {
      end--;
    }
    if (end - start >= 2 && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
      end--;
    }
    if (end - start < 2 || end - start > MAX_IPV6) {
      return;
    }
    double conf = ipv6Confidence(text, start, end);
    if (conf == 0) {
      return;
    }
    int stop = end;
    if (end == runEnd) {
      int zone = zoneEnd(text, stop);
      stop = prefixEnd(text, zone, 128);
      if (Chars.wordCharAt(text, stop)) {
        return; // "fe80::1text": glued to a word
      }
      if (stop > zone) {
        // A prefix length makes even "::/0" or "fe80::/10" unmistakably a network address.
        conf = Math.max(conf, IPV6);
      }
    }
    add(text, start, stop, conf, "ipv6", out);
  }

  /** Extends over a zone id ("%eth0") when one follows. */
  private static int zoneEnd(CharSequence text, int end) {
    if (Chars.at(text, end) != '%') {
      return end;
    }
    int z = end + 1;
    while (z < text.length() && z - end <= 16) {
      char c = text.charAt(z);
      if (!(Chars.isAsciiAlnum(c) || c == '_' || c == '-' || c == '.')) {
        break;
      }
      z++;
    }
    while (z > end + 1 && text.charAt(z - 1) == '.') {
      z--;
    }
    return z > end + 1 ? z : end;
  }

  private static void add(
      CharSequence text, int start, int end, double base, String detail, List<Detection> out) {
    double conf = CONTEXT.confidence(base, text, start, end);
    out.add(new Detection(PiiTypes.IP_ADDRESS, start, end, Confidence.of(conf), detail));
  }

  private static boolean allOctetsBelow32(CharSequence t, int start, int end) {
    int value = 0;
    for (int i = start; i <= end; i++) {
      char c = i < end ? t.charAt(i) : '.';
      if (c == '.') {
        if (value >= 32) {
          return false;
        }
        value = 0;
      } else {
        value = value * 10 + (c - '0');
      }
    }
    return true;
  }

  /** Extends over "/N" when N is a valid prefix length (not glued to more digits or letters). */
  private static int prefixEnd(CharSequence text, int end, int max) {
    if (Chars.at(text, end) != '/' || !Chars.digitAt(text, end + 1)) {
      return end;
    }
    int p = end + 1;
    int value = 0;
    while (Chars.digitAt(text, p) && p - end <= 3) {
      value = value * 10 + (text.charAt(p) - '0');
      p++;
    }
    boolean leadingZero = text.charAt(end + 1) == '0' && p - end > 2;
    if (value > max || leadingZero || Chars.wordCharAt(text, p)) {
      return end;
    }
    return p;
  }

  private static boolean isHex(char c) {
    return Chars.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * The confidence of {@code [start, end)} as an IPv6 address, or 0 when it is not one. Read in
   * place, without cutting the token into strings: every run of two colons or more in a text
   * (times, C++ scopes, log prefixes) comes here.
   */
  static double ipv6Confidence(CharSequence t, int start, int end) {
    int doubleColon = doubleColon(t, start, end);
    if (doubleColon >= 0 && doubleColon(t, doubleColon + 1, end) >= 0) {
      return 0; // two "::", or ":::"
    }
    // The groups are read in the head (before "::", or all) and the tail (after "::").
    int headEnd = doubleColon >= 0 ? doubleColon : end;
    int tailStart = doubleColon >= 0 ? doubleColon + 2 : end;
    int tailEnd = end;
    int groups = 0;
    boolean embeddedV4 = false;
    int dot = indexOf(t, '.', start, end);
    if (dot >= 0) {
      int lastColon = end - 1;
      while (lastColon >= start && t.charAt(lastColon) != ':') {
        lastColon--;
      }
      if (lastColon < start || lastColon > dot || !isIpv4(t, lastColon + 1, end)) {
        return 0;
      }
      embeddedV4 = true;
      groups += 2;
      if (doubleColon >= 0 && lastColon == doubleColon + 1) {
        tailEnd = tailStart;
      } else if (doubleColon >= 0 && lastColon > doubleColon + 1) {
        tailEnd = lastColon;
      } else if (doubleColon < 0) {
        headEnd = lastColon;
      } else {
        return 0;
      }
    }
    int head = hexGroups(t, start, headEnd);
    int tail = hexGroups(t, tailStart, tailEnd);
    if (head < 0 || tail < 0) {
      return 0;
    }
    groups += (head >> 8) + (tail >> 8);
    int hexDigits = (head & 0xff) + (tail & 0xff);
    if (doubleColon >= 0 ? groups > 7 : groups != 8) {
      return 0;
    }
    int length = end - start;
    if (length == 2 && doubleColon == start) {
      return IPV6_UNSPECIFIED; // "::"
    }
    if (length == 3 && doubleColon == start && t.charAt(start + 2) == '1') {
      return IPV6_LOOPBACK; // "::1"
    }
    return hexDigits < 4 && !embeddedV4 ? IPV6_SPARSE : IPV6;
  }

  /** The first "::" in {@code [from, end)}, or -1. */
  private static int doubleColon(CharSequence t, int from, int end) {
    for (int i = from; i + 1 < end; i++) {
      if (t.charAt(i) == ':' && t.charAt(i + 1) == ':') {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(CharSequence t, char c, int from, int end) {
    for (int i = from; i < end; i++) {
      if (t.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The colon-separated groups of {@code [from, to)}, each of 1-4 chars: their count times 256
   * plus their chars, 0 for an empty stretch, or -1 when a group is empty or longer than four.
   */
  private static int hexGroups(CharSequence t, int from, int to) {
    if (from >= to) {
      return 0;
    }
    int groups = 0;
    int chars = 0;
    int length = 0;
    for (int i = from; i <= to; i++) {
      if (i == to || t.charAt(i) == ':') {
        if (length == 0 || length > 4) {
          return -1;
        }
        groups++;
        chars += length;
        length = 0;
      } else {
        length++;
      }
    }
    return groups << 8 | chars;
  }

  /** Strict dotted quad in {@code [from, to)}: four octets 0-255 without leading zeros. */
  private static boolean isIpv4(CharSequence t, int from, int to) {
    int parts = 0;
    int partStart = from;
    for (int i = from; i <= to; i++) {
      if (i < to && t.charAt(i) != '.') {
        if (!Chars.isDigit(t.charAt(i))) {
          return false;
        }
        continue;
      }
      if (i == partStart || i - partStart > 3 || !octet(t, partStart, i) || ++parts > 4) {
        return false;
      }
      partStart = i + 1;
    }
    return parts == 4;
  }
}
