package dev.airlock.agent.door.okhttp.chain;

import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network interceptor the agent puts last in every {@code OkHttpClient}: sets a routed
 * attempt's credential headers (see {@link AttemptCredentials}) as the request leaves, after any
 * interceptor of the application's that dropped them. Any other request passes with one tag lookup.
 */
public final class CredentialInterceptor implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    AttemptCredentials credentials = request.tag(AttemptCredentials.class);
    if (credentials == null) {
      return chain.proceed(request);
    }
    Request.Builder withKey = request.newBuilder();
    for (Map.Entry<String, String> header : credentials.headers.entrySet()) {
      withKey.header(header.getKey(), header.getValue());
    }
    return chain.proceed(withKey.build());
  }
}
