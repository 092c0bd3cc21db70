package dev.airlock.agent.cli;

/**
 * What an explanation may reveal beyond the decisions: by default neither the detected values
 * (printed masked) nor the outgoing body, because explanations end up in tickets and CI logs.
 */
final class ExplainOptions {

  static final ExplainOptions DEFAULT = new ExplainOptions(false, false);

  private final boolean showValues;
  private final boolean showBody;

  ExplainOptions(boolean showValues, boolean showBody) {
    this.showValues = showValues;
    this.showBody = showBody;
  }

  /** Print detected values as they are ({@code --show-values}). */
  boolean showValues() {
    return showValues;
  }

  /** Print the body the provider would receive, after redaction ({@code --show-body}). */
  boolean showBody() {
    return showBody;
  }

  /** {@code value} as the options allow it to be printed. */
  String value(String value) {
    return showValues ? value : mask(value);
  }

  /**
   * Keeps the first and last character and the length, enough to tell two findings apart and to
   * recognize one's own test data, too little to read a card number or a key off a CI log.
   */
  static String mask(String value) {
    int n = value.length();
    if (n <= 4) {
      return "*".repeat(n);
    }
    return value.charAt(0) + "*".repeat(n - 2) + value.charAt(n - 1);
  }
}
