package dev.netdoctor.core.settings;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Which proxy, if any, a request to one target goes through, and why.
 *
 * @param proxy the proxy as {@code scheme://host:port}, never with user information; empty means direct. The
 *     scheme is {@code http} or {@code https} for an HTTP proxy (CONNECT for https targets), {@code socks5},
 *     {@code socks5h}, {@code socks4} or {@code socks} for a SOCKS proxy; the port is always present
 * @param credentials the proxy's user name and password when known (settings, or user information in an
 *     environment variable's URL)
 * @param origin which rule decided
 * @param reason one sentence for a person, e.g. {@code "api.openai.com matches NO_PROXY entry .openai.com"};
 *     never contains a password
 */
public record ProxyDecision(Optional<URI> proxy, Optional<ProxyCredentials> credentials, Origin origin,
    String reason) {

  /** The rule that produced a decision. */
  public enum Origin {
    /** {@code Network.UseProxy} and {@code Network.ProxyUrl}. */
    SETTINGS,
    /** The JDK's {@code http.proxyHost}/{@code https.proxyHost} (only with {@code Network.UseSystemProxy}). */
    JAVA_SYSTEM_PROPERTIES,
    /** {@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code ALL_PROXY} (either case). */
    ENVIRONMENT,
    /** A bypass rule matched: {@code Network.ProxyBypass}, {@code NO_PROXY} or {@code http.nonProxyHosts}. */
    BYPASS,
    /** Nothing configures a proxy. */
    NONE
  }

  public ProxyDecision {
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
  }

  public boolean isDirect() {
    return proxy.isEmpty();
  }
}
