package dev.airlock.agent.identity;

import java.util.Optional;

/**
 * The application class that made the call: the first stack frame outside the JDK, the SDKs and
 * HTTP transports, and the agent. Only synchronous calls still have the caller on the stack; an
 * asynchronous one reports nothing rather than a dispatcher thread's frames.
 */
public final class CallerClass {

  private static final String[] FRAMEWORK_PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.",
    "okhttp3.", "okio.", "retrofit2.", "com.openai.", "com.anthropic.", "com.google.genai.", "com.google.api.",
    "dev.langchain4j.", "org.springframework.", "reactor.", "io.netty.", "io.micrometer.", "org.apache.http.",
    "org.apache.hc.", "dev.airlock.agent.", "dev.airlock.shaded.", "io.opentelemetry.", "com.fasterxml.", "net.bytebuddy.",
  };

  /** With each frame's class, so that the test below is looked up per class, not per frame. */
  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /**
   * Whether a class is framework, decided once per class: a call walks past some twenty frames of
   * the same few transport and SDK classes every time, and testing each frame's name against every
   * prefix cost more than the walk. A Boolean holds no reference to the class or its loader.
   */
  private static final ClassValue<Boolean> FRAMEWORK = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return isFramework(type.getName());
    }
  };

  private CallerClass() {}

  public static String find() {
    Optional<Class<?>> caller = WALKER.walk(frames -> frames
        .<Class<?>>map(StackWalker.StackFrame::getDeclaringClass)
        .filter(type -> !FRAMEWORK.get(type))
        .findFirst());
    return caller.map(Class::getName).orElse(null);
  }

  static boolean isFramework(String className) {
    for (String prefix : FRAMEWORK_PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
