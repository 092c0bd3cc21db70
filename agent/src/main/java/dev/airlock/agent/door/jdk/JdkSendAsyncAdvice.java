package dev.airlock.agent.door.jdk;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into {@code HttpClientImpl.sendAsync(HttpRequest, BodyHandler, PushPromiseHandler)}. */
public final class JdkSendAsyncAdvice {

  private JdkSendAsyncAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
  public static Object[] enter(
      @Advice.This Object client,
      @Advice.Argument(0) Object request,
      @Advice.Argument(1) Object handler,
      @Advice.Argument(2) Object pushPromiseHandler) {
    return JdkHttpClientBridge.call(client, request, handler, pushPromiseHandler, true);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class)
  public static void exit(
      @Advice.Enter Object[] outcome,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown(readOnly = false) Throwable thrown) {
    if (outcome != null) {
      returned = outcome[0];
      thrown = (Throwable) outcome[1];
    }
  }
}
