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
 * all, each for {@link #IDLE} after its last use: about 3 MB of heap at most (the chars, and per
 * text an entry of about 200 bytes), holding request texts the application itself just sent. The
 * bound is the JVM's, shared by every guard (a policy's own and those of its routes with a {@code
 * pii} section of their own), so that more guards do not mean more memory. What is kept per text is
 * what the scans returned (PII detections, injection scores by source), which depend only on the
 * text and on the scanner and detector of one guard: entries are the guard's own, and a reloaded
 * policy's guards start empty (the old ones' entries age out).
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
  static final long MAX_TOTAL_CHARS = 1024 * 1024;
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

  /** A text as one guard saw it: the same chars seen by another guard are another entry. */
  private static final class Key {
    final SeenTexts owner;
    final String text;
    private final int hash;

    Key(SeenTexts owner, String text) {
      this.owner = owner;
      this.text = text;
      this.hash = 31 * System.identityHashCode(owner) + text.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key && ((Key) o).owner == owner && ((Key) o).text.equals(text);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Every guard's texts, under one bound. */
  private static final Cache<Key, Verdicts> TEXTS = Caffeine.newBuilder()
      .maximumWeight(MAX_TOTAL_CHARS)
      .weigher((Key key, Verdicts verdicts) -> key.text.length())
      .expireAfterAccess(IDLE)
      // Eviction runs on the calling thread: an agent starts no work on the common pool.
      .executor(Runnable::run)
      .build();

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

  /** Drops every text this guard has kept, for tests (the bound is shared by every guard). */
  void forget() {
    TEXTS.asMap().keySet().removeIf(key -> key.owner == this);
  }

  /** The number of texts this guard has kept, for tests. */
  long size() {
    TEXTS.cleanUp();
    return TEXTS.asMap().keySet().stream().filter(key -> key.owner == this).count();
  }

  private Verdicts verdictsOf(String text) {
    int length = text.length();
    if (length < MIN_CHARS || length > MAX_CHARS) {
      return null;
    }
    return TEXTS.get(new Key(this, text), key -> new Verdicts());
  }
}
