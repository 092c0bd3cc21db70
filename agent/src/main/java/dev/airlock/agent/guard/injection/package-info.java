/**
 * Prompt-injection detection: scores text for injection attacks before a request leaves the JVM.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link dev.airlock.agent.guard.injection.InjectionDetector}: {@code score(text, source)}
 *       returns an {@link dev.airlock.agent.guard.injection.InjectionScore} (0..1, the
 *       {@link dev.airlock.agent.guard.injection.InjectionSignal signals} behind it, the top rule).
 *       The policy flags or blocks at its threshold.</li>
 *   <li>{@link dev.airlock.agent.guard.injection.ContentSource}: user text, tool results and
 *       retrieved documents are weighted separately; system text is never scored.</li>
 *   <li>{@link dev.airlock.agent.guard.injection.HeuristicInjectionDetector}: the built-in scored
 *       heuristic model.</li>
 *   <li>{@link dev.airlock.agent.guard.injection.InjectionDetectors#load(ClassLoader)}: the plug-in
 *       point. An extension that ships a model-based detector registers it as a
 *       {@link java.util.ServiceLoader} provider, in a jar on the agent's class path:
 *       <pre>
 * META-INF/services/dev.airlock.agent.guard.injection.InjectionDetector
 *   com.example.MyModelDetector      (public, no-argument constructor, thread-safe)</pre></li>
 * </ul>
 *
 * <h2>How the heuristic model works</h2>
 * Text is folded to plain Latin ({@code TextNormalizer}), digits and symbols inside words are read
 * as the letters they stand for ({@code LeetFolding}), phrase rules in English and seven
 * European languages are tried only where their anchor words occur ({@code AnchorGate},
 * {@code PhraseMatcher}; a phrase discussed, reported in the third person or spoken by a
 * character counts less: {@code MentionContext}, {@code ReportedOrder}, {@code AttributedSpeech}),
 * forged question-and-answer turns are found ({@code FakeDialogue}), hidden
 * characters and encoded, shifted or split payloads add evidence of their own
 * ({@code EncodedPayloadScanner}, {@code ShiftCipher}, {@code Reassembly}; a hidden question the
 * message asks to have answered counts as an attack, {@code EncodedQuestion}), data a user pastes into
 * a request is weighed as a document ({@code PastedData}), and
 * the evidence is weighted per source and combined with a noisy-OR that has diminishing returns
 * within a rule family ({@code SignalCollector}). The rule tables are {@code EnglishRules} and
 * {@code EuropeanRules}; each rule carries an example that a unit test checks it still matches.
 */
package dev.airlock.agent.guard.injection;
