package dev.airlock.agent.guard.injection;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Chooses the {@link InjectionDetector} the agent uses: an extension's, else the heuristic one. */
public final class InjectionDetectors {

  /** Broken provider entries tolerated before giving up on extensions. */
  private static final int MAX_BROKEN_PROVIDERS = 16;

  private InjectionDetectors() {}

  /**
   * The first {@link InjectionDetector} provider that {@link ServiceLoader} finds through
   * {@code loader} (a {@code META-INF/services/dev.airlock.agent.guard.injection.InjectionDetector}
   * entry), or {@link HeuristicInjectionDetector#create()} when there is none.
   *
   * <p>A provider that cannot be loaded or instantiated is skipped rather than fatal: the agent
   * must keep working with the built-in detector when an extension is broken. With several
   * providers, the first in class-path order wins; register only one.
   *
   * <p>Call it once at start-up, not per request: it scans the class path.
   *
   * @param loader where to look for providers; {@code null} means the system class loader
   */
  public static InjectionDetector load(ClassLoader loader) {
    Iterator<InjectionDetector> it = ServiceLoader.load(InjectionDetector.class, loader).iterator();
    for (int failures = 0; failures < MAX_BROKEN_PROVIDERS; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        return it.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        // A broken extension (missing class, no public constructor, constructor threw): try the
        // next provider; ServiceLoader's iterator moves past the entry that failed. Bounded so a
        // configuration error that repeats itself cannot loop forever.
        failures++;
      }
    }
    return HeuristicInjectionDetector.create();
  }
}
