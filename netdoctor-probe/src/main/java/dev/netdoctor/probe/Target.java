package dev.netdoctor.probe;

import dev.netdoctor.core.settings.Provider;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the network checks reach: a provider, the application's backend, or a URL given on the command line.
 *
 * @param name how reports name it ({@code OpenAI}, {@code backend}, the URL)
 * @param url where the HTTP check goes; its host and port are what DNS, TCP and TLS check
 * @param provider the provider entry when this target is one (decides the auth check)
 */
public record Target(String name, URI url, Optional<Provider> provider) {
  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(provider, "provider");
    if (url.getHost() == null) throw new IllegalArgumentException("target URL has no host: " + url);
  }

  public static Target url(URI url) {
    return new Target(url.toString(), url, Optional.empty());
  }

  public static Target provider(Provider provider) {
    return new Target(provider.name(), provider.baseUrl(), Optional.of(provider));
  }

  public String host() {
    String h = url.getHost();
    return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
  }

  public boolean https() {
    return "https".equalsIgnoreCase(url.getScheme());
  }

  /** The port, with the scheme's default when the URL names none. */
  public int port() {
    return url.getPort() != -1 ? url.getPort() : https() ? 443 : 80;
  }
}
