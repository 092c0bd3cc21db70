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
 *   <li>runs the phrase rules ({@link EnglishRules}, {@link EuropeanRules}) over the folded text
 *       with digits and symbols inside words read as letters ({@link LeetFolding}: "ign0re"), each only where its
 *       anchor words occur ({@link PhraseMatcher}): instruction override, new instructions,
 *       system-prompt and secret extraction, role-play jailbreaks, authority claims, fake roles
 *       and chat-template delimiters, instructions addressed to the assistant from inside data.
 *       A phrase that is discussed rather than said counts less ({@link MentionContext}), as does
 *       one reported in the third person ("an attacker may tell the model to ...",
 *       {@link ReportedOrder}) or spoken by a character in quoted dialogue ({@link AttributedSpeech});</li>
 *   <li>finds question-and-answer turns forged inside the message ({@link FakeDialogue});</li>
 *   <li>reports the obfuscation the folding undid ({@link ObfuscationSignals}), scoring the text
 *       hidden in Unicode tag characters;</li>
 *   <li>decodes base64, hex, binary, Morse, the ROT13 or Caesar payloads the text names
 *       ({@link ShiftCipher}) and, in data, a letter shift it does not name ({@link UnnamedShift}), with a
 *       bounded budget, and scores the decoded text ({@link EncodedPayloadScanner}), nesting at
 *       most {@value #MAX_DEPTH} levels;</li>
 *   <li>puts the spaces back into words run together ({@link GluedWords}), counting what the
 *       sentence says once they are apart beyond what it said as written;</li>
 *   <li>puts split payloads back together and reads Pig Latin ({@link Reassembly}), scoring the
 *       result like a decoded payload; hidden text that is a question the message asks to have
 *       decoded or answered is an attack in itself ({@link EncodedQuestion});</li>
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
    // Phrases are matched with digits and symbols inside words read as letters ("ign0re"); the
    // payload scanner below keeps them, as encodings are made of such words.
    phrases.match(LeetFolding.fold(norm), out);
    FakeDialogue.find(norm, out);
    if (depth == 0) {
      RepeatedWords.find(norm, out);
    }
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
      double weight = payloadWeight(inner);
      if (inner.score() == 0 && EncodedQuestion.isQuestion(p.decoded) && EncodedQuestion.asksToDecodeOrAnswer(folded)) {
        weight = EncodedQuestion.WEIGHT;
      }
      out.add(RuleFamily.ENCODED_PAYLOAD, weight, norm.originalStart(p.start), norm.originalEnd(p.end));
    }
    ShiftCipher.Decoded shifted = ShiftCipher.decode(folded);
    if (shifted != null && budget.take(folded.length())) {
      InjectionScore inner = nested(shifted.text, source, MAX_DEPTH, budget);
      if (inner.score() > 0) {
        out.add(RuleFamily.ENCODED_PAYLOAD, payloadWeight(inner), 0, text.length());
      } else if (EncodedQuestion.isQuestion(shifted.payload) && EncodedQuestion.asksToDecodeOrAnswer(folded)) {
        out.add(RuleFamily.ENCODED_PAYLOAD, EncodedQuestion.WEIGHT, 0, text.length());
      }
    }
    // A shift nobody names is a way to hide words in data a model reads (a pasted paper, a tool
    // result); a user asking about their own ciphertext names it. Data only, so the common request
    // pays nothing; and what the decoded words say counts, not the cipher.
    int dataFrom = source != ContentSource.USER ? 0 : pasted;
    if (shifted == null && dataFrom >= 0) {
      UnnamedShift.Found unnamed = UnnamedShift.find(folded, dataFrom);
      if (unnamed != null && budget.take(unnamed.decoded.length())) {
        InjectionScore inner = nested(unnamed.decoded, source, depth + 1, budget);
        if (inner.score() > 0) {
          out.add(RuleFamily.ENCODED_PAYLOAD, payloadWeight(inner), norm.originalStart(unnamed.start),
              norm.originalEnd(unnamed.end));
        }
      }
    }
    // Words run together ("ignoreallpreviousinstructions") count for what they say once apart,
    // beyond what the same sentence scores as written: its other words are counted already. Both
    // are read by the phrase rules only (at the last depth), so the glue is not found again.
    GluedWords.Found glued = GluedWords.find(folded);
    if (glued != null && budget.take(glued.spaced.length() + glued.asWritten.length())) {
      ContentSource gluedSource = pasted >= 0 && glued.start >= pasted ? ContentSource.RETRIEVED_DOCUMENT : source;
      InjectionScore apart = nested(glued.spaced, gluedSource, MAX_DEPTH, budget);
      if (apart.score() > nested(glued.asWritten, gluedSource, MAX_DEPTH, budget).score()) {
        out.add(RuleFamily.ENCODED_PAYLOAD, payloadWeight(apart), norm.originalStart(glued.start),
            norm.originalEnd(glued.end));
      }
    }
    // Split payloads count only for what they say once put together: joining strings is ordinary,
    // unless what they make is a question the message asks to have answered.
    for (String joined : Reassembly.candidates(folded)) {
      if (budget.take(joined.length())) {
        InjectionScore inner = nested(joined, source, depth + 1, budget);
        if (inner.score() > 0) {
          out.add(RuleFamily.ENCODED_PAYLOAD, payloadWeight(inner), 0, text.length());
        } else if (EncodedQuestion.isQuestion(joined) && EncodedQuestion.asksToAnswer(folded)) {
          out.add(RuleFamily.ENCODED_PAYLOAD, EncodedQuestion.WEIGHT, 0, text.length());
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
}
