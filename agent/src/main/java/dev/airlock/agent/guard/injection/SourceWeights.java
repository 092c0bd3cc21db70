package dev.airlock.agent.guard.injection;

/**
 * How much each rule family counts for each {@link ContentSource}: a multiplier on a rule's base
 * weight. The base weights are calibrated for user text; data (tool results, retrieved documents)
 * is weighted separately because the same evidence means more there: a web page that speaks to
 * "the assistant" or carries a role label is out of place, while a user doing so is normal.
 */
final class SourceWeights {

  /** No single signal reaches certainty: a heuristic can always be wrong. */
  static final double MAX_WEIGHT = 0.97;

  private static final RuleFamily[] F = RuleFamily.values();
  private static final double[][] MULTIPLIER = new double[ContentSource.values().length][F.length];

  static {
    for (ContentSource s : ContentSource.values()) {
      double[] m = MULTIPLIER[s.ordinal()];
      for (RuleFamily f : F) {
        m[f.ordinal()] = s == ContentSource.SYSTEM ? 0.0 : 1.0;
      }
    }
    // Users address the assistant all the time ("assistant, summarize ..."): assistant-directive
    // rules are written for data and count for little in user text.
    set(ContentSource.USER, RuleFamily.ASSISTANT_DIRECTIVE, 0.4);

    for (ContentSource data : new ContentSource[] {ContentSource.TOOL_RESULT, ContentSource.RETRIEVED_DOCUMENT}) {
      // Data has no reason to carry new instructions, role labels, chat-template tokens or hidden
      // characters; each is stronger evidence there than in a user's message.
      set(data, RuleFamily.NEW_INSTRUCTIONS, 1.25);
      set(data, RuleFamily.FAKE_ROLE, 1.25);
      set(data, RuleFamily.DELIMITER_INJECTION, 1.15);
      set(data, RuleFamily.INVISIBLE_UNICODE, 1.25);
      set(data, RuleFamily.HOMOGLYPH_OBFUSCATION, 1.25);
      set(data, RuleFamily.ENCODED_PAYLOAD, 1.15);
      set(data, RuleFamily.AUTHORITY_CLAIM, 1.15);
      // Asking for "your password" is the user-side attack on a secret; data asking it is odd
      // rather than dangerous.
      set(data, RuleFamily.SECRET_EXTRACTION, 0.8);
      // Scraped pages and tool output repeat words by accident (menus, placeholders), a message
      // typed by a user does not.
      set(data, RuleFamily.REPEATED_TOKEN, 0.75);
    }
    set(ContentSource.TOOL_RESULT, RuleFamily.ROLEPLAY_JAILBREAK, 0.9);
    // Documents (articles, forum posts) quote jailbreak personas and prompt-leak requests more
    // often than tool outputs do.
    set(ContentSource.RETRIEVED_DOCUMENT, RuleFamily.ROLEPLAY_JAILBREAK, 0.8);
    set(ContentSource.RETRIEVED_DOCUMENT, RuleFamily.SYSTEM_PROMPT_EXTRACTION, 0.9);
  }

  private SourceWeights() {}

  private static void set(ContentSource s, RuleFamily f, double m) {
    MULTIPLIER[s.ordinal()][f.ordinal()] = m;
  }

  /** The weight a signal of {@code family} with {@code baseWeight} gets in text from {@code source}. */
  static double weigh(ContentSource source, RuleFamily family, double baseWeight) {
    return Math.min(MAX_WEIGHT, baseWeight * MULTIPLIER[source.ordinal()][family.ordinal()]);
  }
}
