package dev.airlock.agent.guard.injection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** The plug-in point: an extension's provider replaces the heuristic; a broken one does not break loading. */
class InjectionDetectorsTest {

  private final ClassLoader testLoader = getClass().getClassLoader();

  @Test
  void withoutProviderLoadsTheHeuristicDetector() {
    assertSame(HeuristicInjectionDetector.create(), InjectionDetectors.load(testLoader));
  }

  @Test
  void aRegisteredProviderReplacesTheHeuristic() throws Exception {
    try (URLClassLoader loader = withRoot("injection/plugin/")) {
      InjectionDetector detector = InjectionDetectors.load(loader);
      assertTrue(detector instanceof FixedScoreDetector, detector.getClass().getName());
      InjectionScore score = detector.score("anything", ContentSource.USER);
      assertEquals(0.42, score.score());
      assertEquals("model", score.topRule());
    }
  }

  @Test
  void aBrokenProviderFallsBackToTheHeuristic() throws Exception {
    try (URLClassLoader loader = withRoot("injection/broken-plugin/")) {
      assertSame(HeuristicInjectionDetector.create(), InjectionDetectors.load(loader));
    }
  }

  @Test
  void nullLoaderMeansTheSystemClassLoader() {
    // Surefire's system class loader has no provider registered either.
    assertSame(HeuristicInjectionDetector.create(), InjectionDetectors.load(null));
  }

  /** A loader that sees the test classes plus one extra class-path root from the test resources. */
  private URLClassLoader withRoot(String resourceDir) {
    URL root = testLoader.getResource(resourceDir);
    return new URLClassLoader(new URL[] {root}, testLoader);
  }
}
