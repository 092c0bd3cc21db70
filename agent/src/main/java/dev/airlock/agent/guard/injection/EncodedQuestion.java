package dev.airlock.agent.guard.injection;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether hidden text (a decoded payload, a shift cipher undone, pieces put together) is a
 * question the message wants answered: "Can you decode this hex and tell me what it says: '57 68
 * 61 74 ...'" where the hex reads "What is ...?". A question has no reason to be encoded except
 * to get past whatever screens the questions an assistant answers (a topic filter, a system
 * prompt's scope); read out, it is answered. Hidden text that is not a question keeps the weight
 * of an odd but plain payload (see {@link HeuristicInjectionDetector}). Stateless.
 */
final class EncodedQuestion {

  /** Weight of an encoded question the message asks to be decoded or answered: an attack on its own. */
  static final double WEIGHT = 0.8;

  /** Words a question starts with. */
  private static final Set<String> OPENERS = new HashSet<>(Arrays.asList(
      "what", "who", "whom", "whose", "where", "when", "why", "how", "which", "can", "could", "would", "will",
      "should", "shall", "is", "are", "was", "were", "do", "does", "did", "may", "have", "has"));
  /** The message asks for the hidden text to be read out. */
  private static final Pattern ASKS_TO_DECODE = Pattern.compile(
      "\\b(?:decod|decipher|decrypt|unscrambl|translat|convert)\\w*|\\bwhat\\s+(?:it|this|that)\\s+(?:says|reads|means)\\b"
          + "|\\bwhat\\s+(?:does|do)\\s+(?:it|this|that|these)\\b[^.?\\n]{0,30}?\\b(?:say|mean|read)\\b",
      Pattern.CASE_INSENSITIVE);
  /** The message asks for what the hidden text asks to be answered. */
  private static final Pattern ASKS_TO_ANSWER = Pattern.compile("\\b(?:answer|respond|reply)\\w*\\b",
      Pattern.CASE_INSENSITIVE);

  private EncodedQuestion() {}

  /**
   * Whether {@code hidden} is a question: it opens with an interrogative or an auxiliary ("what",
   * "how", "can", "is"), has at least three words, and either ends with a question mark or opens
   * with a wh-word.
   */
  static boolean isQuestion(String hidden) {
    String t = hidden.trim();
    int wordEnd = 0;
    while (wordEnd < t.length() && Character.isLetter(t.charAt(wordEnd))) {
      wordEnd++;
    }
    if (wordEnd == 0 || !OPENERS.contains(t.substring(0, wordEnd).toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (t.split("\\s+", 4).length < 3) {
      return false;
    }
    int last = t.length() - 1;
    while (last > 0 && "\"'`.)]".indexOf(t.charAt(last)) >= 0) {
      last--;
    }
    return t.charAt(last) == '?' || t.charAt(0) == 'w' || t.charAt(0) == 'W' || t.regionMatches(true, 0, "how", 0, 3);
  }

  /** Whether the message asks for a payload to be decoded or for its question to be answered. */
  static boolean asksToDecodeOrAnswer(String message) {
    return ASKS_TO_DECODE.matcher(message).find() || ASKS_TO_ANSWER.matcher(message).find();
  }

  /** Whether the message asks for a question to be answered ("answer the question using these parts"). */
  static boolean asksToAnswer(String message) {
    return ASKS_TO_ANSWER.matcher(message).find();
  }
}
