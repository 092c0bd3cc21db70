package dev.airlock.agent.pii;

import java.util.Objects;

/**
 * One piece of personal data found in a text: its type, where it is ({@code [start, end)} in
 * UTF-16 char offsets of the scanned text), how sure the detector is, and an optional detail.
 *
 * <p>Immutable. A detection does not keep the text it was found in, so it can be logged or
 * counted without carrying the personal data along; {@link #text(CharSequence)} cuts it out of
 * the source when it is needed.
 */
public final class Detection {

  private final String type;
  private final int start;
  private final int end;
  private final double confidence;
  private final String detail;

  /**
   * @param type the detector's type id ({@link PiiTypes} or a custom name)
   * @param start first char, inclusive
   * @param end last char, exclusive; greater than {@code start}
   * @param confidence in {@code [0, 1]}
   * @param detail what kind exactly (secret kind such as {@code openai_key}, card brand, IBAN
   *     country), or null
   * @throws IllegalArgumentException on an empty or negative range or a confidence outside [0, 1]
   */
  public Detection(String type, int start, int end, double confidence, String detail) {
    this.type = Objects.requireNonNull(type, "type");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
    }
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
    this.start = start;
    this.end = end;
    this.confidence = confidence;
    this.detail = detail;
  }

  public String type() {
    return type;
  }

  /** First char of the match, inclusive. */
  public int start() {
    return start;
  }

  /** End of the match, exclusive. */
  public int end() {
    return end;
  }

  /** Number of chars covered. */
  public int length() {
    return end - start;
  }

  public double confidence() {
    return confidence;
  }

  /** E.g. the secret kind ({@code openai_key}), the card brand, the IBAN country; may be null. */
  public String detail() {
    return detail;
  }

  /** The matched text, cut out of {@code source} (which must be the text that was scanned). */
  public String text(CharSequence source) {
    return source.subSequence(start, end).toString();
  }

  /** True when the two ranges share at least one char. */
  public boolean overlaps(Detection other) {
    return start < other.end && other.start < end;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Detection)) {
      return false;
    }
    Detection d = (Detection) o;
    return start == d.start
        && end == d.end
        && Double.compare(confidence, d.confidence) == 0
        && type.equals(d.type)
        && Objects.equals(detail, d.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, start, end, confidence, detail);
  }

  /** Never contains the matched text. */
  @Override
  public String toString() {
    return type
        + "["
        + start
        + ","
        + end
        + ")@"
        + confidence
        + (detail == null ? "" : "(" + detail + ")");
  }
}
