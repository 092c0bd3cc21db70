package dev.airlock.agent.guard.injection;

/**
 * Finds a made-up question-and-answer exchange inside one message that ends on a question of its
 * own: "Q: What is X? A: X is ... Q: How do I Y?", or on an unlabelled question after several such
 * turns. The answers put words in the assistant's mouth
 * (the "many-shot" set-up: after a few turns in which it supposedly answered off-limits or
 * off-topic questions, it is primed to answer the last one too).
 *
 * <p>What is not flagged: a few-shot template, which ends on an empty answer label for the model
 * to fill ("Q: ... A: ... Q: ... A:"); a FAQ, which ends on an answer; a single labelled question;
 * and transcripts with speaker names ("User:", "Assistant:"), which users paste to ask about a
 * conversation and which the role-label rules already weigh. Only the labels "Q"/"A" and
 * "Question"/"Answer" count, in that case: "a:" in code or prose is not a label.
 *
 * <p>One pass over the colons of the text; stateless.
 */
final class FakeDialogue {

  /** Weight for user text: a forged exchange is an attack on its own. */
  static final double WEIGHT = 0.8;
  /** Chars of text a question turn needs to count: "Q: ?" is not a question. */
  private static final int MIN_TURN = 3;

  private FakeDialogue() {}

  /** Reports a forged exchange in folded {@code text} as {@link RuleFamily#FAKE_ROLE}. */
  static void find(NormalizedText norm, SignalCollector out) {
    String s = norm.text();
    int colon = s.indexOf(':');
    if (colon < 0) {
      return; // most texts: no label at all
    }
    int questions = 0;
    int answered = 0;
    int first = -1;
    boolean lastWasQuestion = false;
    int lastLabelEnd = -1;
    for (; colon >= 0; colon = s.indexOf(':', colon + 1)) {
      int kind = labelBefore(s, colon);
      if (kind == NONE || (colon + 1 < s.length() && !Character.isWhitespace(s.charAt(colon + 1)))) {
        continue;
      }
      if (first < 0) {
        first = labelStart(s, colon);
      }
      if (kind == QUESTION) {
        questions++;
        lastWasQuestion = true;
      } else {
        if (lastWasQuestion && questions > 0) {
          answered++;
        }
        lastWasQuestion = false;
      }
      lastLabelEnd = colon + 1;
    }
    boolean endsOnQuestionTurn = lastWasQuestion && hasText(s, lastLabelEnd);
    // Several forged answers and then a question without a label ("... A: ... Now, what do you
    // think of X?") is the same set-up.
    boolean endsOnQuestion = answered >= 2 && endsWithQuestionMark(s);
    if (questions < 2 || answered < 1 || !(endsOnQuestionTurn || endsOnQuestion)) {
      return;
    }
    out.add(RuleFamily.FAKE_ROLE, WEIGHT, norm.originalStart(first), norm.originalEnd(s.length()));
  }

  private static final int NONE = 0;
  private static final int QUESTION = 1;
  private static final int ANSWER = 2;

  /** The kind of label that ends just before the colon at {@code colon}: "Q", "Answer", ... */
  private static int labelBefore(String s, int colon) {
    int start = labelStart(s, colon);
    if (start < 0) {
      return NONE;
    }
    int end = colon > 0 && s.charAt(colon - 1) == ' ' ? colon - 1 : colon;
    int len = end - start;
    if (len == 1) {
      char c = s.charAt(start);
      return c == 'Q' ? QUESTION : c == 'A' ? ANSWER : NONE;
    }
    if (s.regionMatches(true, start, "question", 0, len) && len == 8) {
      return QUESTION;
    }
    if (s.regionMatches(true, start, "answer", 0, len) && len == 6) {
      return ANSWER;
    }
    return NONE;
  }

  /**
   * Where the word before the colon (one blank allowed between) starts, or -1 when there is none
   * or it is glued to what precedes it ("http:", "10:30").
   */
  private static int labelStart(String s, int colon) {
    int end = colon > 0 && s.charAt(colon - 1) == ' ' ? colon - 1 : colon;
    int start = end;
    while (start > 0 && start > end - 8 && AsciiLetters.isLetter(s.charAt(start - 1))) {
      start--;
    }
    if (start == end || (start > 0 && (Character.isLetterOrDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '\''))) {
      return -1;
    }
    return start;
  }

  /** Whether at least {@link #MIN_TURN} non-blank chars follow {@code from}. */
  private static boolean hasText(String s, int from) {
    int count = 0;
    for (int i = from; i < s.length() && count < MIN_TURN; i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        count++;
      }
    }
    return count >= MIN_TURN;
  }

  private static boolean endsWithQuestionMark(String s) {
    int i = s.length() - 1;
    while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
      i--;
    }
    return i >= 0 && s.charAt(i) == '?';
  }
}
