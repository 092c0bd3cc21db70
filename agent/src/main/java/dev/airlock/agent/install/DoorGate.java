package dev.airlock.agent.install;

import dev.airlock.agent.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The only class file transformer the agent registers, and the reason {@code premain} returns in
 * milliseconds: the agent's real start (policy, telemetry, Byte Buddy) runs on a background thread
 * while the application starts, and this gate holds back just the classes the doors weave.
 *
 * <p>Every class the JVM loads passes through {@link #transform}; any name other than the door
 * targets costs one set lookup and is never shown to Byte Buddy (so neither are, for instance, the
 * {@code jdk.jfr} classes that JFR retransforms). A door target that loads while the agent is still
 * starting waits for the start to finish, so no HTTP client class ever escapes the doors: an
 * application that builds its first client in its first second waits for what is left of the
 * agent's start, one that builds it later waits for nothing.
 *
 * <p>The thread that runs the start never waits on itself: a target it loads (it should load none)
 * is woven by {@link #retransformLoadedTargets}, like targets loaded before the agent attached.
 */
public final class DoorGate implements ClassFileTransformer {

  /**
   * How long a class load waits for the agent's start. Far beyond any sane start; past it the
   * class loads without its door, and the log says so, rather than hanging the application.
   */
  static final Duration START_WAIT = Duration.ofSeconds(60);

  private final Set<String> targets;
  private final Set<String> targetClassNames;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile ClassFileTransformer doors;
  private volatile Thread starter;

  /** @param targetClassNames binary names of the classes the doors weave ({@code okhttp3.OkHttpClient}) */
  DoorGate(Set<String> targetClassNames) {
    Set<String> internal = new java.util.HashSet<>();
    for (String name : targetClassNames) {
      internal.add(name.replace('.', '/'));
    }
    this.targets = Set.copyOf(internal);
    this.targetClassNames = Set.copyOf(targetClassNames);
  }

  /** Registers a gate for the door targets; classes loaded from now on pass through it. */
  public static DoorGate register(Instrumentation instrumentation) {
    DoorGate gate = new DoorGate(DoorInstaller.TARGETS);
    instrumentation.addTransformer(gate, true);
    return gate;
  }

  /** Marks the calling thread as the one running the agent's start (it must never wait on itself). */
  public void startingOn(Thread thread) {
    this.starter = thread;
  }

  /**
   * Ends the start: from now on door targets are woven by {@code doors}, or load untouched when it
   * is null because the start failed.
   */
  public void open(ClassFileTransformer doors) {
    this.doors = doors;
    started.countDown();
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
    if (className == null || !targets.contains(className)) {
      return null;
    }
    ClassFileTransformer weaver = awaitDoors(className);
    return weaver == null ? null
        : weaver.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
    // The JVM calls the Module overload; this one exists for callers that do not.
    return transform(null, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
  }

  private ClassFileTransformer awaitDoors(String className) {
    if (started.getCount() == 0) {
      return doors;
    }
    if (Thread.currentThread() == starter) {
      return null;
    }
    try {
      if (!started.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        AgentLog.error("the agent has not finished starting after " + START_WAIT.getSeconds() + "s; "
            + className.replace('/', '.') + " loads without its door, so its calls are not seen");
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    return doors;
  }

  /**
   * Weaves the door targets that loaded before the gate opened (an agent attached to a running
   * JVM); a no-op when the start failed.
   */
  public void retransformLoadedTargets(Instrumentation instrumentation) {
    if (doors == null) {
      return;
    }
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (targetClassNames.contains(type.getName()) && instrumentation.isModifiableClass(type)) {
        loaded.add(type);
      }
    }
    for (Class<?> type : loaded) {
      try {
        instrumentation.retransformClasses(type);
      } catch (Exception | LinkageError e) {
        AgentLog.warn("could not add the door to the already loaded " + type.getName() + ": " + e);
      }
    }
  }
}
