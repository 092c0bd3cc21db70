package dev.airlock.agent.door.okhttp;

import java.util.function.Consumer;

/**
 * What the advice in {@code OkHttpClient}'s constructor calls. It lives in the agent's class
 * loader, which the application's loaders delegate to; OkHttp copies in loaders that cannot see it
 * are left uninstrumented (see {@link OkHttpClientInstrumentation}).
 */
public final class OkHttpBridge {

  /** Set once by the agent at start-up. */
  public static volatile Consumer<Object> onClientBuilt;

  private OkHttpBridge() {}

  public static void clientBuilt(Object builder) {
    Consumer<Object> hook = onClientBuilt;
    if (hook == null) {
      return;
    }
    try {
      hook.accept(builder);
    } catch (Throwable agentFailure) {
      // A client without the interceptor is merely unobserved; the application must not notice.
    }
  }
}
