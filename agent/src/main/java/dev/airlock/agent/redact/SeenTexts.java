package dev.airlock.agent.redact;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.airlock.agent.guard.injection.ContentSource;
import dev.airlock.agent.guard.injection.HeuristicInjectionDetector;
import dev.airlock.agent.guard.injection.InjectionDetector;
import dev.airlock.agent.guard.injection.InjectionScore;
import dev.airlock.agent.pii.Detection;
import dev.airlock.agent.pii.PiiScanner;
import java.time.Duration;
import java.util.List;

/**
 * What the request checks found in the long texts of recent requests, so that a text seen again is
 * not scanned again. A chat application sends its system prompt and the whole conversation so far
 * with every call, and an agent loop every tool result so far: scanned afresh each time, a
 * conversation's checks cost grew with the square of its length. With this, a call costs what its
 * new text costs, plus a lookup of the rest.
 *
 * <p>A text is its own key, compared whole: no hash alone ever decides that two texts are the same.
 * Only texts of {@value #MIN_CHARS} chars or more are kept (a shorter one is scanned in about the
 * time a lookup takes), up to {@value #MAX_CHARS} chars each and {@value #MAX_TOTAL_CHARS} chars in
 * all, each for {@link #IDLE} after its last use: a few MB of heap at most, holding request texts
 * the application itself just sent. What is kept per text is what the scans returned (PII
 * detections, injection scores by source), which depend only on the text and on the scanner and
 * detector of this guard, one per policy: a reloaded policy starts empty.
 *
 * <p>Injection scores are kept only for the built-in heuristic detector, which is a pure function of
 * its input; a plug-in detector is asked every time, since it may learn or call out.
 *
 * <p>Thread-safe. Two threads that miss the same text at once both scan it; either result is kept.
 */
final class SeenTexts {

  /** The shortest text kept. */
  static final int MIN_CHARS = 256;
  /** The longest text kept: a larger one would push many others out. */
  static final int MAX_CHARS = 256 * 1024;
  /** Chars kept in all, keys and nothing else counted (what is kept per text is small). */
  static final long MAX_TOTAL_CHARS = 2L * 1024 * 1024;
  /** How long a text is kept after its last use. */
  static final Duration IDLE = Duration.ofMinutes(10);

  /**
   * What the scans of one text returned; each filled when first asked. A thread that does not yet
   * see a value scans the text itself. The scores are read without a fence: an {@link
   * InjectionScore} is immutable (final fields), so a thread that sees one sees it whole.
   */
  private static final class Verdicts {
    volatile List<Detection> detections;
    /** By {@link ContentSource#ordinal()}. */
    final InjectionScore[] scores = new InjectionScore[ContentSource.values().length];
  }

  private final Cache<String, Verdicts> texts;
  private final PiiScanner scanner;
  private final InjectionDetector injection;
  private final boolean keepsScores;

  /**
   * @param scanner the guard's PII scanner, or null
   * @param injection the guard's injection detector, or null
   */
  SeenTexts(PiiScanner scanner, InjectionDetector injection) {
    this.scanner = scanner;
    this.injection = injection;
    this.keepsScores = injection instanceof HeuristicInjectionDetector;
    this.texts = Caffeine.newBuilder()
        .maximumWeight(MAX_TOTAL_CHARS)
        .weigher((String text, Verdicts verdicts) -> text.length())
        .expireAfterAccess(IDLE)
        // Eviction runs on the calling thread: an agent starts no work on the common pool.
        .executor(Runnable::run)
        .build();
  }

  /** {@code scanner.scan(text)}, from the last scan of the same text when there was one. */
  List<Detection> detections(String text) {
    Verdicts seen = verdictsOf(text);
    if (seen == null) {
      return scanner.scan(text);
    }
    List<Detection> detections = seen.detections;
    if (detections == null) {
      detections = scanner.scan(text);
      seen.detections = detections;
    }
    return detections;
  }

  /** {@code injection.score(text, source)}, from the last score of the same text and source when kept. */
  InjectionScore score(String text, ContentSource source) {
    Verdicts seen = keepsScores ? verdictsOf(text) : null;
    if (seen == null) {
      return injection.score(text, source);
    }
    InjectionScore score = seen.scores[source.ordinal()];
    if (score == null) {
      score = injection.score(text, source);
      seen.scores[source.ordinal()] = score;
    }
    return score;
  }

  /** The number of texts kept, for tests. */
  long size() {
    texts.cleanUp();
    return texts.estimatedSize();
  }

  private Verdicts verdictsOf(String text) {
    int length = text.length();
    if (length < MIN_CHARS || length > MAX_CHARS) {
      return null;
    }
    return texts.get(text, t -> new Verdicts());
  }
}
