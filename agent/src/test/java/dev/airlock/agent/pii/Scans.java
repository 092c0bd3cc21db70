package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test helpers: scan with one built-in type and look at what was reported. */
final class Scans {

  private Scans() {}

  static PiiScanner only(String type) {
    return PiiScanner.builder().enable(Collections.singletonList(type)).build();
  }

  /** The matched texts of {@code type} in {@code text}, at the default threshold. */
  static List<String> found(String type, String text) {
    List<String> out = new ArrayList<>();
    for (Detection d : only(type).scan(text)) {
      out.add(d.text(text));
    }
    return out;
  }

  /** The single detection of {@code type} in {@code text}; fails when there is not exactly one. */
  static Detection single(String type, String text) {
    List<Detection> all = only(type).scan(text);
    if (all.size() != 1) {
      throw new AssertionError("expected one " + type + " in '" + text + "', got " + all);
    }
    return all.get(0);
  }

  /** Every candidate the detector reports, before the threshold and overlap resolution. */
  static List<Detection> candidates(Detector detector, String text) {
    List<Detection> out = new ArrayList<>();
    detector.detect(text, out);
    return out;
  }
}
