package dev.netdoctor.core.settings;

import dev.netdoctor.core.settings.internal.ProxyRules;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which proxy a request to a target URL goes through, and says why. Plain strings and URIs: no network
 * access, no DNS lookup (so a CIDR entry in a bypass list only matches targets written as IP literals).
 *
 * <h2>Rules, first match wins</h2>
 * <ol>
 *   <li>{@code Network.UseProxy} with {@code Network.ProxyUrl}: the settings' proxy, unless the target matches
 *       {@code Network.ProxyBypass}.</li>
 *   <li>{@code Network.UseSystemProxy} and the JDK properties {@code https.proxyHost}/{@code https.proxyPort}
 *       (https targets) or {@code http.proxyHost}/{@code http.proxyPort} (http targets): that proxy, unless the
 *       target matches {@code http.nonProxyHosts} or {@code Network.ProxyBypass}.</li>
 *   <li>The environment: {@code https_proxy}/{@code HTTPS_PROXY} for https targets, {@code http_proxy}/
 *       {@code HTTP_PROXY} for http targets, then {@code all_proxy}/{@code ALL_PROXY}; the lower-case name wins
 *       when both are set (as curl and Python do). Unless the target matches {@code no_proxy}/{@code NO_PROXY} or
 *       {@code Network.ProxyBypass}.</li>
 *   <li>Otherwise direct.</li>
 * </ol>
 *
 * <h2>Bypass lists</h2>
 * {@code NO_PROXY} and {@code ProxyBypass} share one syntax: entries separated by commas or white space;
 * {@code *} alone matches everything; {@code example.com}, {@code .example.com} and {@code *.example.com} all
 * match {@code example.com} and every name under it (curl's reading); {@code host:port} matches only that port
 * (the target's default port counts); an IP literal matches itself ({@code ::1}, {@code [::1]}); {@code a.b.c.d/n}
 * and IPv6 CIDR blocks match IP-literal targets inside them. Names compare ignoring case and a trailing dot.
 * {@code http.nonProxyHosts} uses the JDK's syntax: {@code |}-separated patterns with {@code *} at either end.
 */
public final class ProxySelection {
  private final ProxyRules rules;

  private ProxySelection(ProxyRules rules) {
    this.rules = rules;
  }

  /**
   * A selection over explicit inputs.
   *
   * @param network the settings' {@code Network} section
   * @param environment environment variables (only the proxy variables are read)
   * @param systemProperties Java system properties (only {@code http(s).proxyHost/Port} and
   *     {@code http.nonProxyHosts} are read, and only when {@code UseSystemProxy} is on)
   */
  public static ProxySelection of(Network network, Map<String, String> environment,
      Map<String, String> systemProperties) {
    Objects.requireNonNull(network, "network");
    return new ProxySelection(new ProxyRules(network, Map.copyOf(environment), Map.copyOf(systemProperties)));
  }

  /** A selection over this process's environment variables and system properties (read once, now). */
  public static ProxySelection fromSystem(Network network) {
    Map<String, String> props = new java.util.HashMap<>();
    System.getProperties().stringPropertyNames().forEach(n -> props.put(n, System.getProperty(n, "")));
    return of(network, System.getenv(), props);
  }

  /** The decision for a request to {@code target} (an absolute {@code http} or {@code https} URL). */
  public ProxyDecision select(URI target) {
    Objects.requireNonNull(target, "target");
    return rules.select(target);
  }
}
