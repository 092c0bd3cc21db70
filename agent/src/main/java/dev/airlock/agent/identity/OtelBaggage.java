package dev.airlock.agent.identity;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the application's own OpenTelemetry baggage ({@code Baggage.current().getEntryValue(key)})
 * without a compile-time dependency; the agent's own OpenTelemetry is relocated, so this is always
 * the application's (or its OpenTelemetry agent's) context. Looked up once per class loader.
 */
final class OtelBaggage {

  private static final String BAGGAGE = "io.opentelemetry.api.baggage.Baggage";

  private final Map<ClassLoader, Optional<MethodHandle[]>> byLoader = new ConcurrentHashMap<>();

  String value(String key) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      return null;
    }
    Optional<MethodHandle[]> handles = byLoader.computeIfAbsent(loader, OtelBaggage::find);
    if (handles.isEmpty()) {
      return null;
    }
    try {
      Object baggage = handles.get()[0].invoke();
      Object value = handles.get()[1].invoke(baggage, key);
      return value == null ? null : value.toString();
    } catch (Throwable appFailure) {
      return null;
    }
  }

  private static Optional<MethodHandle[]> find(ClassLoader loader) {
    try {
      Class<?> baggage = Class.forName(BAGGAGE, false, loader);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodHandle current = lookup.findStatic(baggage, "current", MethodType.methodType(baggage));
      MethodHandle entry = lookup.findVirtual(baggage, "getEntryValue", MethodType.methodType(String.class, String.class));
      return Optional.of(new MethodHandle[] {current, entry});
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return Optional.empty();
    }
  }
}
