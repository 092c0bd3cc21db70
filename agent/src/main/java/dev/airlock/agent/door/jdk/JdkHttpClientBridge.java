package dev.airlock.agent.door.jdk;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The template of the class that advice inlined into {@code java.net.http} calls. It is never used
 * under this name: {@link PlatformBridgeInjector} renames it into the package
 * {@code jdk.internal.net.http} and defines it there, in the platform class loader, because code
 * in that module can see only the JDK. So it names only {@code java.base} types, and the agent
 * sets its two hooks after defining it.
 */
public final class JdkHttpClientBridge {

  /** Whether a request could be an LLM call (its host is a provider's); allocation-free. */
  public static volatile Predicate<Object> candidate;

  /**
   * Takes over a call: given {client, request, handler, pushPromiseHandler, async}, returns null to
   * let the original method run, or {value, thrown} for the method to return or throw.
   */
  public static volatile Function<Object[], Object[]> handler;

  private JdkHttpClientBridge() {}

  public static Object[] call(Object client, Object request, Object bodyHandler, Object pushPromiseHandler,
      boolean async) {
    Predicate<Object> isCandidate = candidate;
    Function<Object[], Object[]> takeOver = handler;
    if (isCandidate == null || takeOver == null) {
      return null;
    }
    try {
      if (!isCandidate.test(request)) {
        return null;
      }
      return takeOver.apply(new Object[] {client, request, bodyHandler, pushPromiseHandler, async});
    } catch (Throwable agentFailure) {
      // The door forwards the original request on its own failures; reaching here means even that
      // failed before anything was sent, so the original method runs.
      return null;
    }
  }
}
