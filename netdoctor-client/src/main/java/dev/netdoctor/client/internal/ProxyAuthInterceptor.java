package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.ProxyCredentials;
import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.util.Optional;
import okhttp3.Connection;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A network interceptor that sends Basic proxy credentials pre-emptively on plain-HTTP requests that go
 * through an HTTP proxy (HTTPS requests get them on the CONNECT, from {@link ProxyAuthenticator}). It looks at
 * the connection's actual route, so a request that bypasses the proxy never carries them.
 */
public final class ProxyAuthInterceptor implements Interceptor {
  private final SettingsProxySelector selector;

  public ProxyAuthInterceptor(SettingsProxySelector selector) {
    this.selector = selector;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    if (connection == null || request.isHttps() || request.header("Proxy-Authorization") != null
        || connection.route().proxy().type() != Proxy.Type.HTTP) {
      return chain.proceed(request);
    }
    Optional<ProxyCredentials> creds = selector.decide(URI.create(request.url().toString())).credentials();
    if (creds.isEmpty()) return chain.proceed(request);
    return chain.proceed(request.newBuilder()
        .header("Proxy-Authorization", Credentials.basic(creds.get().username(), creds.get().password().reveal()))
        .build());
  }
}
