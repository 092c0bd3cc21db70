package dev.airlock.agent.door.okhttp.chain;

import dev.airlock.agent.engine.Pipeline;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Puts one {@link AirlockInterceptor} first in a builder's application interceptors. Idempotent:
 * SDKs rebuild clients from {@code newBuilder()} on every request, and those builders already
 * carry it.
 */
public final class InterceptorInstaller implements Consumer<Object> {

  private final AirlockInterceptor interceptor;

  public InterceptorInstaller(Pipeline pipeline) {
    this.interceptor = new AirlockInterceptor(pipeline);
  }

  @Override
  public void accept(Object builder) {
    List<Interceptor> interceptors = ((OkHttpClient.Builder) builder).interceptors();
    for (Interceptor existing : interceptors) {
      if (existing instanceof AirlockInterceptor) {
        return;
      }
    }
    interceptors.add(0, interceptor);
  }
}
