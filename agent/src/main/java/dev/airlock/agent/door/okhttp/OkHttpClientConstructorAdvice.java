package dev.airlock.agent.door.okhttp;

import net.bytebuddy.asm.Advice;

/** Inlined at the start of {@code OkHttpClient(Builder)}, before the builder's interceptors are copied. */
public final class OkHttpClientConstructorAdvice {

  private OkHttpClientConstructorAdvice() {}

  @Advice.OnMethodEnter
  public static void enter(@Advice.Argument(0) Object builder) {
    OkHttpBridge.clientBuilt(builder);
  }
}
