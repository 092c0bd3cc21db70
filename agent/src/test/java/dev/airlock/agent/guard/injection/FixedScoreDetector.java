package dev.airlock.agent.guard.injection;

import java.util.Collections;

/**
 * Stands in for a model-based detector an extension would register: registered through
 * {@code injection/plugin/META-INF/services}, loaded by {@link InjectionDetectorsTest}.
 */
public final class FixedScoreDetector implements InjectionDetector {

  @Override
  public InjectionScore score(CharSequence text, ContentSource source) {
    if (source == ContentSource.SYSTEM) {
      return InjectionScore.none();
    }
    return InjectionScore.of(0.42, Collections.singletonList(new InjectionSignal("model", 0.42, 0, text.length())));
  }
}
