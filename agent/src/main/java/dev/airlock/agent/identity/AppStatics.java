package dev.airlock.agent.identity;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls a static {@code String method(String)} of a library the application may have (SLF4J's MDC,
 * Log4j2's ThreadContext, OpenTelemetry's baggage), without a compile-time dependency: the method
 * is looked up once per application class loader and cached, never per call.
 */
final class AppStatics {

  private static final Optional<MethodHandle> ABSENT = Optional.empty();

  private final String className;
  private final String methodName;
  private final Map<ClassLoader, Optional<MethodHandle>> byLoader = new ConcurrentHashMap<>();

  AppStatics(String className, String methodName) {
    this.className = className;
    this.methodName = methodName;
  }

  /** The method's answer in the calling thread's application, or null. */
  String call(String argument) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      return null;
    }
    Optional<MethodHandle> handle = byLoader.computeIfAbsent(loader, this::find);
    if (handle.isEmpty()) {
      return null;
    }
    try {
      Object value = handle.get().invoke(argument);
      return value == null ? null : value.toString();
    } catch (Throwable appFailure) {
      return null;
    }
  }

  private Optional<MethodHandle> find(ClassLoader loader) {
    try {
      Class<?> type = Class.forName(className, false, loader);
      return Optional.of(MethodHandles.publicLookup()
          .findStatic(type, methodName, MethodType.methodType(String.class, String.class)));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return ABSENT;
    }
  }
}
