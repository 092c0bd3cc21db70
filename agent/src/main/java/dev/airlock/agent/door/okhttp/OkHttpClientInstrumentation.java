package dev.airlock.agent.door.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where the OkHttp door hooks in: the {@code OkHttpClient(Builder)} constructor, which every way of
 * making a client ends in ({@code new OkHttpClient()}, {@code Builder.build()}, and Kotlin's
 * {@code Builder(OkHttpClient)} copies alike). Only in class loaders that can see
 * {@link OkHttpBridge}: elsewhere the inlined call would fail inside the application.
 */
public final class OkHttpClientInstrumentation {

  public static final String TARGET = "okhttp3.OkHttpClient";

  private OkHttpClientInstrumentation() {}

  public static AgentBuilder apply(AgentBuilder builder) {
    return builder
        .type(named(TARGET), seesTheBridge())
        .transform(new AgentBuilder.Transformer.ForAdvice()
            .include(OkHttpClientInstrumentation.class.getClassLoader())
            .advice(isConstructor().and(takesArguments(1)).and(takesArgument(0, named("okhttp3.OkHttpClient$Builder"))),
                OkHttpClientConstructorAdvice.class.getName()));
  }

  private static ElementMatcher<ClassLoader> seesTheBridge() {
    return loader -> {
      try {
        return Class.forName(OkHttpBridge.class.getName(), false, loader) == OkHttpBridge.class;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    };
  }
}
