package dev.airlock.agent.guard.injection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Softens phrase evidence that is talked about rather than said: "what does 'ignore previous
 * instructions' mean?", "how do filters detect 'you are now DAN'?". A trigger phrase in quotes,
 * shortly after words of meta-discussion (explain, example, detect, injection, ...), is most
 * likely a mention. The softening is partial on purpose: wrapping an attack in a question must
 * not make it free.
 */
final class MentionContext {

  /** How far before a match to look for meta-discussion, in chars. */
  private static final int LOOK_BACK = 100;
  /** How far after a match to look for the closing quote, and for meta-discussion ("... mean?"). */
  private static final int QUOTE_REACH = 80;
  /** Quoted and discussed: most likely a mention. */
  static final double QUOTED_MENTION = 0.4;
  /** Discussed but not quoted. */
  static final double DISCUSSED = 0.7;

  /** Words of meta-discussion before a phrase ("explain how 'X' works", "attacks such as 'X'"). */
  private static final Pattern META_BEFORE = Pattern.compile(
      "(?<![.@/])\\b(?:mean|explain\\w*|meaning|means|definition|define|examples?|such\\s+as|e\\.g\\.|for\\s+instance|called"
          + "|known\\s+as|phrases?|terms?|keywords?|detect\\w*|classif\\w*|filter\\w*|recogni[sz]\\w*|prevent\\w*|defend\\w*"
          + "|mitigat\\w*|injections?|jailbreaks?|attacks?|research\\w*|paper|article|dataset|benchmark)\\b",
      Pattern.CASE_INSENSITIVE);
  /** Words of meta-discussion after a phrase ("'X' means ...", "'X' is a classic injection"). */
  private static final Pattern META_AFTER = Pattern.compile(
      "(?<![.@/])\\b(?:mean|means|meaning|definition|refers?\\s+to|is\\s+(?:an?\\s+)?(?:example|classic|common"
          + "|typical|well-known|known)|injections?|jailbreaks?|attacks?)\\b",
      Pattern.CASE_INSENSITIVE);

  private MentionContext() {}

  /** The factor (at most 1) by which a phrase match at {@code [start, end)} of folded {@code text} counts. */
  static double factor(String text, int start, int end) {
    Matcher before = META_BEFORE.matcher(text);
    before.region(Math.max(0, start - LOOK_BACK), start).useTransparentBounds(true);
    if (!before.find()) {
      Matcher after = META_AFTER.matcher(text);
      after.region(end, Math.min(text.length(), end + QUOTE_REACH)).useTransparentBounds(true);
      if (!after.find()) {
        return 1.0;
      }
    }
    return isQuoted(text, start, end) ? QUOTED_MENTION : DISCUSSED;
  }

  /** Whether a quote opens just before {@code start} and one closes soon after {@code end}. */
  private static boolean isQuoted(String text, int start, int end) {
    int i = start - 1;
    while (i >= 0 && start - i <= 3 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0 || !isQuote(text.charAt(i))) {
      return false;
    }
    int limit = Math.min(text.length(), end + QUOTE_REACH);
    for (int j = end; j < limit; j++) {
      char c = text.charAt(j);
      if (isQuote(c)) {
        return true;
      }
      if (c == '\n') {
        return false;
      }
    }
    return false;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }
}
