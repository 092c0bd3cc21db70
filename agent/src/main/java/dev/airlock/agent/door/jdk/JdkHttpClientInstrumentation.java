package dev.airlock.agent.door.jdk;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Where the JDK door hooks in: {@code send} and the three-argument {@code sendAsync} of
 * {@code jdk.internal.net.http.HttpClientImpl} (the two-argument {@code sendAsync} delegates to
 * it; {@code HttpClientFacade} delegates to both).
 */
public final class JdkHttpClientInstrumentation {

  /** The class the door weaves. */
  public static final String TARGET = "jdk.internal.net.http.HttpClientImpl";

  private JdkHttpClientInstrumentation() {}

  /** @param adviceLocator the advice as renamed by {@link PlatformBridgeInjector} */
  public static AgentBuilder apply(AgentBuilder builder, ClassFileLocator adviceLocator) {
    return builder
        .type(named(TARGET))
        .transform(new AgentBuilder.Transformer.ForAdvice()
            .include(adviceLocator)
            .include(JdkHttpClientInstrumentation.class.getClassLoader())
            .advice(named("send").and(isPublic()).and(takesArguments(2)), JdkSendAdvice.class.getName())
            .advice(named("sendAsync").and(isPublic()).and(takesArguments(3)), JdkSendAsyncAdvice.class.getName()));
  }
}
