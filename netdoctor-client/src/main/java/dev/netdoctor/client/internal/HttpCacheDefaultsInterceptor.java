package dev.netdoctor.client.internal;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * {@code Network.EnableCaching}: a network interceptor in front of OkHttp's HTTP cache. A 200 answer to a GET that
 * says nothing about caching ({@code Cache-Control}, {@code Expires}, {@code Vary: *} absent) is given
 * {@code Cache-Control: max-age=<CacheDurationMinutes>}; an answer that says something keeps its own rules.
 */
public final class HttpCacheDefaultsInterceptor implements Interceptor {
  private final Duration maxAge;

  public HttpCacheDefaultsInterceptor(Duration maxAge) {
    this.maxAge = maxAge;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (!"GET".equals(chain.request().method()) || response.code() != 200
        || response.header("Cache-Control") != null || response.header("Expires") != null
        || "*".equals(response.header("Vary"))) {
      return response;
    }
    return response.newBuilder().header("Cache-Control", "max-age=" + maxAge.toSeconds()).build();
  }
}
