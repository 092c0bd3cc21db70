package dev.airlock.agent.guard.injection;

/**
 * Scores text for prompt injection. This is the plug-in point: the agent uses
 * {@link HeuristicInjectionDetector} unless an extension registers another implementation (a
 * model-based classifier, say) as a {@link java.util.ServiceLoader} provider of this interface;
 * see {@link InjectionDetectors#load(ClassLoader)}.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>thread-safe: one instance scores every call of the application, concurrently;</li>
 *   <li>runs on the application's request thread, so it must be fast and must not block on I/O
 *       without a tight bound;</li>
 *   <li>returns {@link InjectionScore#none()} for {@link ContentSource#SYSTEM} text, and for
 *       empty text;</li>
 *   <li>signal spans index into the {@code text} it was given;</li>
 *   <li>a provider loaded through {@code ServiceLoader} needs a public no-argument constructor.</li>
 * </ul>
 */
public interface InjectionDetector {

  /**
   * Scores one piece of text.
   *
   * @param text the text; never retained after the call
   * @param source where the text came from; decides how evidence is weighted
   * @return the score, never {@code null}
   */
  InjectionScore score(CharSequence text, ContentSource source);
}
