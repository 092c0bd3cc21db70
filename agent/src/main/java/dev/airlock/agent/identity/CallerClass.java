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

  private static final StackWalker WALKER = StackWalker.getInstance();

  private CallerClass() {}

  public static String find() {
    Optional<String> caller = WALKER.walk(frames -> frames
        .map(StackWalker.StackFrame::getClassName)
        .filter(name -> !isFramework(name))
        .findFirst());
    return caller.orElse(null);
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
