package dev.netdoctor.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * {@code OfflineMode} with {@code UseLocalProvidersOnly}: a call to a provider that is not local fails at once
 * with {@code NET020}, before any DNS lookup or connection. A provider is local when its settings say
 * {@code Local: true}, which is the default for a loopback {@code BaseUrl}. Sits after the cache, so a cached answer is still served.
 */
public final class OfflineInterceptor implements Interceptor {
  private final boolean cacheOn;

  /** @param cacheOn whether a cache is consulted before this interceptor (decides the cause id) */
  public OfflineInterceptor(boolean cacheOn) {
    this.cacheOn = cacheOn;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallContext context = CallContext.of(chain.request());
    if (context.local()) {
      return chain.proceed(chain.request());
    }
    String cause = cacheOn ? "not-cached" : "remote-disabled";
    throw new ClientFailure("NET020", cause, 0, "offline mode is on (OfflineMode.Enabled with "
        + "UseLocalProvidersOnly): provider " + context.provider() + " is not local"
        + (cacheOn ? " and no cached answer matches this request" : " and the response cache is off"));
  }
}
