package dev.airlock.agent.pii;

import static dev.airlock.agent.pii.Scans.found;
import static dev.airlock.agent.pii.Scans.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressDetectorTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The client 203.0.113.42 retried | 203.0.113.42",
        "route 10.0.0.0/8 via gw | 10.0.0.0/8",
        "Route is 10.0.0.0/8. | 10.0.0.0/8",
        "bad prefix 10.0.0.0/123 | 10.0.0.0",
        "(192.168.1.1) | 192.168.1.1",
        "IP: 192.168.1.1. | 192.168.1.1",
        "192.168.2.1@eth0 | 192.168.2.1",
        "host 10.1.2.3:8080 | 10.1.2.3",
        "full 2001:0db8:85a3:0000:0000:8a2e:0370:7334 | 2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "compressed 2001:db8::8a2e:370:7334 | 2001:db8::8a2e:370:7334",
        "link local fe80::1%eth0 | fe80::1%eth0",
        "loopback ::1 | ::1",
        "Connect to [2001:db8::1]:8080 | 2001:db8::1",
        "Visit http://[2001:db8::1]/path | 2001:db8::1",
        "mapped ::ffff:192.0.2.1 | ::ffff:192.0.2.1",
        "NAT64: 64:ff9b::198.51.100.1 | 64:ff9b::198.51.100.1",
        "0:0:0:0:0:FFFF:129.144.52.38 | 0:0:0:0:0:FFFF:129.144.52.38",
        "Prefix: 2001:db8::/32. | 2001:db8::/32",
        "Server IP: 2400:c401::5054:ff:fe1b:b031. | 2400:c401::5054:ff:fe1b:b031",
        "text::ffff:192.0.2.1 | 192.0.2.1",
      })
  void findsAddressesWithExactSpans(String text, String expected) {
    assertEquals(Collections.singletonList(expected), found(PiiTypes.IP_ADDRESS, text));
  }

  @Test
  void offsetsAndKinds() {
    String text = "IPs: 192.168.1.1, 10.0.0.1, 2001:db8::1";
    assertEquals(Arrays.asList("192.168.1.1", "10.0.0.1", "2001:db8::1"), found(PiiTypes.IP_ADDRESS, text));
    Detection d = single(PiiTypes.IP_ADDRESS, "über 172.16.0.1");
    assertEquals(5, d.start());
    assertEquals("ipv4", d.detail());
  }

  @Test
  void fourSmallNumbersNeedAnIpWordOrAPrefix() {
    assertTrue(found(PiiTypes.IP_ADDRESS, "see 7.4.1.3 General remarks").isEmpty());
    assertTrue(found(PiiTypes.IP_ADDRESS, "Upgraded V8 to 4.4.63.26 (from 4.4.63.25)").isEmpty());
    assertTrue(found(PiiTypes.IP_ADDRESS, "zlib 1.3.0.1-motley").isEmpty());
    assertEquals(Arrays.asList("1.1.1.1"), found(PiiTypes.IP_ADDRESS, "ping 1.1.1.1"));
    assertEquals(Arrays.asList("10.0.0.1"), found(PiiTypes.IP_ADDRESS, "Private 10.0.0.1"));
    assertEquals(Arrays.asList("8.8.8.8"), found(PiiTypes.IP_ADDRESS, "use the DNS server 8.8.8.8"));
    assertEquals(Arrays.asList("0.0.0.0/0"), found(PiiTypes.IP_ADDRESS, "0.0.0.0/0"));
  }

  @Test
  void theAnyAddressIsAnAddressNotAVersion() {
    assertEquals(Arrays.asList("0.0.0.0"), found(PiiTypes.IP_ADDRESS, "listen on 0.0.0.0 by default"));
    assertEquals(Arrays.asList("0.0.0.0"), found(PiiTypes.IP_ADDRESS, "Default 0.0.0.0"));
    assertTrue(found(PiiTypes.IP_ADDRESS, "see 0.0.0.1").isEmpty(), "other small quads still need context");
  }

  @Test
  void aPrefixLengthMakesSparseIpv6AddressesCertain() {
    assertEquals(Arrays.asList("::/0"), found(PiiTypes.IP_ADDRESS, "::/0"));
    assertEquals(Arrays.asList("::/128"), found(PiiTypes.IP_ADDRESS, "route ::/128"));
    assertTrue(found(PiiTypes.IP_ADDRESS, "Unspecified ::").isEmpty(), "bare :: still needs more");
    assertTrue(found(PiiTypes.IP_ADDRESS, "::/129").isEmpty(), "an impossible prefix adds nothing");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "256.256.256.256", "192.168.1.256", "300.168.1.1", "192.168.1", "192.168.01.1",
    "IP192.168.1.1text", "text192.168.1.1", "OID 1.3.6.1.4.1.311", "192.168.1.1.1",
    "version 1.2.3.4", "PackageVersion prints 2.9.10.8",
    "gggg:hhhh::1234", "12345:db8::1", "2001::db8::1", "2001::25de::cade", ":::",
    "684D:1111:222:3333:4444:5555:77", "::ffff:256.0.0.1", "::ffff:192.168.1",
    "2001:db8::256.1.1.1", "fe80::1text", "text2001:db8::1", "std::cout << x",
    "MyClass::toString", "MAC address aa:bb:cc:dd:ee:ff", "Time 12:34:56", "Ratio 1:2:3:4",
    "Port 80:443", "abc:def:ghi", "file:///path/to/file", "Use local ipv6 ::",
  })
  void lookAlikesAreNotAddresses(String text) {
    assertTrue(found(PiiTypes.IP_ADDRESS, text).isEmpty(), text + " -> " + found(PiiTypes.IP_ADDRESS, text));
  }

  @Test
  void sparseIpv6NeedsContext() {
    assertTrue(found(PiiTypes.IP_ADDRESS, "type a::b").isEmpty());
    assertEquals(0.4, IpAddressDetector.ipv6Confidence("a::b", 0, 4));
    assertEquals(IpAddressDetector.IPV6, IpAddressDetector.ipv6Confidence("fe80::1", 0, 7));
  }

  /**
   * The IPv4 pattern is decided by hand ({@link IpAddressDetector#ipv4End}); on random texts of
   * octets, dots and letters or numbers of other scripts (supplementary ones too) it must end
   * where the pattern, run at the same digit run, ends.
   */
  @Test
  void ipv4AnswersAsItsPatternOnRandomTexts() {
    String[] pieces = {
      "0", "1", "10", "01", "255", "256", "1000", "0.", "1.", "10.", "01.", "255.", "256.",
      "192.", "1000.", ".", "..", " ", "a", "_", "-", "/", "\u00e9", "\u00b2", "\u0664",
      "\ud835\udc00", "\ud835\udfce", "10.0.0.1", "203.0.113.42"
    };
    Random random = new Random(3);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder();
      for (int p = random.nextInt(10); p >= 0; p--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      TextIndex index = TextIndex.of(text, false);
      Matcher m = Anchored.matcher(IpAddressDetector.IPV4_PATTERN, text);
      for (int k = 0; k < index.runCount(); k++) {
        int start = index.runStart(k);
        int want = Anchored.lookingAt(m, text, start) ? m.end() : -1;
        assertEquals(want, IpAddressDetector.ipv4End(text, index, k), text + " at " + start);
      }
    }
  }

  /** IPv6 is read in place; on random runs of hex digits, colons and dots it answers as the split. */
  @Test
  void ipv6ConfidenceAnswersAsTheSplitOnRandomTokens() {
    String[] pieces = {":", ":", "::", ":::", ".", "0", "1", "a", "f", "db8", "fe80", "ffff",
      "12345", "127.0.0.1", "1.2.3", "256.1.1.1", "01.2.3.4"};
    Random random = new Random(9);
    for (int round = 0; round < 50_000; round++) {
      StringBuilder b = new StringBuilder();
      for (int p = random.nextInt(16); p >= 0; p--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String token = b.toString();
      assertEquals(splitConfidence(token), IpAddressDetector.ipv6Confidence(token, 0,
          token.length()), token);
    }
  }

  /** The confidence as it was computed, from the token cut into strings. */
  private static double splitConfidence(String s) {
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && (s.indexOf("::", doubleColon + 1) >= 0)) {
      return 0;
    }
    int groups = 0;
    int hexDigits = 0;
    String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
    String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
    boolean embeddedV4 = false;
    int dot = s.indexOf('.');
    if (dot >= 0) {
      int lastColon = s.lastIndexOf(':');
      if (lastColon < 0 || lastColon > dot || !splitIpv4(s.substring(lastColon + 1))) {
        return 0;
      }
      embeddedV4 = true;
      groups += 2;
      if (doubleColon >= 0 && lastColon == doubleColon + 1) {
        tail = "";
      } else if (doubleColon >= 0 && lastColon > doubleColon + 1) {
        tail = s.substring(doubleColon + 2, lastColon);
      } else if (doubleColon < 0) {
        head = s.substring(0, lastColon);
      } else {
        return 0;
      }
    }
    for (String part : new String[] {head, tail}) {
      if (part.isEmpty()) {
        continue;
      }
      for (String g : part.split(":", -1)) {
        if (g.isEmpty() || g.length() > 4) {
          return 0;
        }
        groups++;
        hexDigits += g.length();
      }
    }
    if (doubleColon >= 0 ? groups > 7 : groups != 8) {
      return 0;
    }
    if (s.equals("::")) {
      return IpAddressDetector.IPV6_UNSPECIFIED;
    }
    if (s.equals("::1")) {
      return IpAddressDetector.IPV6_LOOPBACK;
    }
    return hexDigits < 4 && !embeddedV4 ? IpAddressDetector.IPV6_SPARSE : IpAddressDetector.IPV6;
  }

  private static boolean splitIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (!Chars.isDigit(p.charAt(i))) {
          return false;
        }
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
