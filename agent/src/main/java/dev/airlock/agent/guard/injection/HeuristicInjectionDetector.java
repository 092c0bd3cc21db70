package dev.airlock.agent.guard.injection;

import java.util.Objects;

/**
 * The built-in prompt-injection detector: a scored heuristic model, no network, no model file.
 *
 * <p>For each text it
 * <ol>
 *   <li>folds the text ({@link TextNormalizer}): invisible characters removed, compatibility forms,
 *       diacritics and Cyrillic/Greek look-alikes folded to plain Latin, so "ｉｇｎｏｒｅ",
 *       "ig\u200Bnore" and "іgnоrе" all read "ignore";</li>
 *   <li>runs the phrase rules ({@link EnglishRules}, {@link EuropeanRules}), each only where its
 *       anchor words occur ({@link PhraseMatcher}): instruction override, new instructions,
 *       system-prompt and secret extraction, role-play jailbreaks, authority claims, fake roles
 *       and chat-template delimiters, instructions addressed to the assistant from inside data.
 *       A phrase that is discussed rather than said counts less ({@link MentionContext});</li>
 *   <li>reports the obfuscation the folding undid ({@link ObfuscationSignals}), scoring the text
 *       hidden in Unicode tag characters;</li>
 *   <li>decodes base64, hex, binary, Morse and (when the text mentions it) ROT13 payloads with a
 *       bounded budget and scores the decoded text ({@link EncodedPayloadScanner}), nesting at
 *       most {@value #MAX_DEPTH} levels;</li>
 *   <li>puts split payloads back together and reads Pig Latin ({@link Reassembly}), scoring the
 *       result like a decoded payload;</li>
 *   <li>weighs everything for the {@link ContentSource} ({@link SourceWeights}) and combines it
 *       with a noisy-OR that has diminishing returns within a rule family
 *       ({@link SignalCollector}).</li>
 * </ol>
 *
 * <p>Immutable and thread-safe; the rules are compiled once, so {@link #create()} is cheap and
 * returns a shared instance. Work per call is linear in the text length (one pass finds the
 * anchors, patterns are tried anchored and use bounded repetition) plus bounded decoding. Never
 * returns null; does not throw for any text.
 */
public final class HeuristicInjectionDetector implements InjectionDetector {

  /** Payload nesting: text, a payload inside it, a payload inside that. */
  static final int MAX_DEPTH = 2;
  /** Chars decoded per call across all payloads. */
  private static final int DECODE_BUDGET = 16_384;
  /** Weight of a payload that decodes to plain text with no evidence in it: odd, not proof. */
  private static final double PLAIN_PAYLOAD = 0.3;

  private static final HeuristicInjectionDetector INSTANCE =
      new HeuristicInjectionDetector(PhraseMatcher.standard());

  private final PhraseMatcher phrases;

  private HeuristicInjectionDetector(PhraseMatcher phrases) {
    this.phrases = phrases;
  }

  /** The detector; a shared, immutable instance. */
  public static HeuristicInjectionDetector create() {
    return INSTANCE;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@link ContentSource#SYSTEM} and empty text score {@link InjectionScore#none()}.
   *
   * @throws NullPointerException when {@code source} is null
   */
  @Override
  public InjectionScore score(CharSequence text, ContentSource source) {
    Objects.requireNonNull(source, "source");
    if (text == null || text.length() == 0 || source == ContentSource.SYSTEM) {
      return InjectionScore.none();
    }
    SignalCollector out = new SignalCollector(source);
    analyze(text, source, 0, new EncodedPayloadScanner.Budget(DECODE_BUDGET), out);
    return out.toScore();
  }

  /** The phrase matcher, for tests. */
  PhraseMatcher phrases() {
    return phrases;
  }

  private void analyze(CharSequence text, ContentSource source, int depth, EncodedPayloadScanner.Budget budget,
      SignalCollector out) {
    NormalizedText norm = TextNormalizer.normalize(text);
    int pasted = depth == 0 ? PastedData.start(norm.text()) : -1;
    if (pasted >= 0) {
      out.pastedDataFrom(norm.originalStart(pasted));
    }
    phrases.match(norm, out);
    ObfuscationSignals.emit(norm.findings(), out,
        hidden -> depth < MAX_DEPTH ? nested(hidden, source, depth + 1, budget) : null);
    if (depth >= MAX_DEPTH) {
      return;
    }
    String folded = norm.text();
    for (EncodedPayloadScanner.Payload p : EncodedPayloadScanner.scan(folded, budget)) {
      // A payload inside pasted data is data too: its text is weighed as a document's.
      ContentSource payloadSource = pasted >= 0 && p.start >= pasted ? ContentSource.RETRIEVED_DOCUMENT : source;
      InjectionScore inner = nested(p.decoded, payloadSource, depth + 1, budget);
      out.add(RuleFamily.ENCODED_PAYLOAD, payloadWeight(inner), norm.originalStart(p.start), norm.originalEnd(p.end));
    }
    if (mentionsRot13(folded) && budget.take(folded.length())) {
      InjectionScore inner = nested(rot13(folded), source, MAX_DEPTH, budget);
      if (inner.score() > 0) {
        out.add(RuleFamily.ENCODED_PAYLOAD, payloadWeight(inner), 0, text.length());
      }
    }
    // Split payloads count only for what they say once put together: joining strings is ordinary.
    for (String joined : Reassembly.candidates(folded)) {
      if (budget.take(joined.length())) {
        InjectionScore inner = nested(joined, source, depth + 1, budget);
        if (inner.score() > 0) {
          out.add(RuleFamily.ENCODED_PAYLOAD, payloadWeight(inner), 0, text.length());
        }
      }
    }
    String english = Reassembly.pigLatin(folded);
    if (english != null && budget.take(english.length())) {
      out.add(RuleFamily.ENCODED_PAYLOAD, payloadWeight(nested(english, source, depth + 1, budget)), 0,
          text.length());
    }
  }

  private InjectionScore nested(String text, ContentSource source, int depth, EncodedPayloadScanner.Budget budget) {
    SignalCollector inner = new SignalCollector(source);
    analyze(text, source, depth, budget, inner);
    return inner.toScore();
  }

  /** Hidden text is suspicious in itself; hidden text that scores is an attack. */
  private static double payloadWeight(InjectionScore inner) {
    return inner.score() > 0 ? Math.max(PLAIN_PAYLOAD, 0.5 + 0.5 * inner.score()) : PLAIN_PAYLOAD;
  }

  /** Whether the text says "rot13", "ROT-13" or "rot 13" (then it is worth decoding as ROT13). */
  private static boolean mentionsRot13(String s) {
    for (int at = s.indexOf("13"); at >= 3; at = s.indexOf("13", at + 1)) {
      int r = s.charAt(at - 1) == ' ' || s.charAt(at - 1) == '-' ? at - 4 : at - 3;
      if (r >= 0 && s.regionMatches(true, r, "rot", 0, 3)
          && (r == 0 || !Character.isLetterOrDigit(s.charAt(r - 1)))
          && (at + 2 == s.length() || !Character.isLetterOrDigit(s.charAt(at + 2)))) {
        return true;
      }
    }
    return false;
  }

  private static String rot13(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      if (ch >= 'a' && ch <= 'z') {
        c[i] = (char) ('a' + (ch - 'a' + 13) % 26);
      } else if (ch >= 'A' && ch <= 'Z') {
        c[i] = (char) ('A' + (ch - 'A' + 13) % 26);
      }
    }
    return new String(c);
  }
}
