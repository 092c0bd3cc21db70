package dev.airlock.agent.door.okhttp.chain;

import dev.airlock.agent.engine.Pipeline;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Puts one {@link AirlockInterceptor} first in a builder's application interceptors, and one
 * {@link CredentialInterceptor} last in its network interceptors. Idempotent:
 * SDKs rebuild clients from {@code newBuilder()} on every request, and those builders already
 * carry it.
 */
public final class InterceptorInstaller implements Consumer<Object> {

  private final AirlockInterceptor interceptor;
  private final CredentialInterceptor credentials = new CredentialInterceptor();

  public InterceptorInstaller(Pipeline pipeline) {
    this.interceptor = new AirlockInterceptor(pipeline);
  }

  @Override
  public void accept(Object builder) {
    OkHttpClient.Builder b = (OkHttpClient.Builder) builder;
    List<Interceptor> interceptors = b.interceptors();
    if (interceptors.stream().noneMatch(i -> i instanceof AirlockInterceptor)) {
      interceptors.add(0, interceptor);
    }
    List<Interceptor> network = b.networkInterceptors();
    // Last, so that it runs after any network interceptor of the application's; moved there if a
    // rebuilt client's builder added interceptors after it.
    network.removeIf(i -> i instanceof CredentialInterceptor);
    network.add(credentials);
  }
}
