package dev.netdoctor.core.settings.internal;

import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.ProxyCredentials;
import dev.netdoctor.core.settings.ProxyDecision;
import dev.netdoctor.core.settings.ProxyDecision.Origin;
import dev.netdoctor.core.settings.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules behind {@link dev.netdoctor.core.settings.ProxySelection}, in the order its Javadoc gives. */
public final class ProxyRules {
  /** The JDK's own default for {@code http.nonProxyHosts}. */
  private static final String JDK_DEFAULT_NON_PROXY = "localhost|127.*|[::1]|0.0.0.0|[::0]";
  private static final Set<String> PROXY_SCHEMES = Set.of("http", "https", "socks5", "socks5h", "socks4", "socks4a", "socks");

  private final Network network;
  private final Map<String, String> env;
  private final Map<String, String> props;
  private final List<HostPattern> bypass;

  public ProxyRules(Network network, Map<String, String> env, Map<String, String> props) {
    this.network = network;
    this.env = env;
    this.props = props;
    this.bypass = HostPattern.parseAll(network.proxyBypass());
  }

  public ProxyDecision select(URI target) {
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    String host = target.getHost();
    if (host == null || host.isEmpty()) {
      return direct(Origin.NONE, "the target has no host name; nothing to proxy");
    }
    int port = target.getPort() >= 0 ? target.getPort() : scheme.equals("https") ? 443 : 80;
    boolean https = scheme.equals("https") || scheme.equals("wss");

    if (network.useProxy() && network.proxyUrl().isPresent()) {
      Optional<String> bypassed = matching(bypass, host, port);
      if (bypassed.isPresent()) {
        return direct(Origin.BYPASS, host + " matches Network.ProxyBypass entry " + bypassed.get()
            + "; connecting directly");
      }
      URI proxy = normalize(network.proxyUrl().get());
      Optional<ProxyCredentials> credentials = network.proxyUsername().flatMap(u ->
          network.proxyPassword().map(p -> new ProxyCredentials(u, p)));
      return new ProxyDecision(Optional.of(proxy), credentials, Origin.SETTINGS,
          "Network.UseProxy is on: using Network.ProxyUrl " + proxy
              + (credentials.isPresent() ? " as user " + credentials.get().username() : ""));
    }

    if (network.useSystemProxy()) {
      String prefix = https ? "https" : "http";
      String proxyHost = props.get(prefix + ".proxyHost");
      if (proxyHost != null && !proxyHost.isBlank()) {
        String nonProxy = props.getOrDefault("http.nonProxyHosts", JDK_DEFAULT_NON_PROXY);
        Optional<String> jdkBypass = matchingJdkPattern(nonProxy, host);
        if (jdkBypass.isPresent()) {
          return direct(Origin.BYPASS, host + " matches http.nonProxyHosts pattern " + jdkBypass.get()
              + "; connecting directly");
        }
        Optional<String> bypassed = matching(bypass, host, port);
        if (bypassed.isPresent()) {
          return direct(Origin.BYPASS, host + " matches Network.ProxyBypass entry " + bypassed.get()
              + "; connecting directly");
        }
        String portText = props.getOrDefault(prefix + ".proxyPort", https ? "443" : "80").trim();
        int proxyPort;
        try {
          proxyPort = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
          proxyPort = -1;
        }
        if (proxyPort < 1 || proxyPort > 65535) {
          return direct(Origin.NONE, prefix + ".proxyPort is not a port number; ignoring the JDK proxy properties"
              + " and connecting directly");
        }
        URI proxy = URI.create("http://" + bracket(proxyHost.trim()) + ":" + proxyPort);
        return new ProxyDecision(Optional.of(proxy), Optional.empty(), Origin.JAVA_SYSTEM_PROPERTIES,
            "Network.UseSystemProxy is on and " + prefix + ".proxyHost is set: using " + proxy);
      }
    }

    List<String> names = https ? List.of("https_proxy", "HTTPS_PROXY") : List.of("http_proxy", "HTTP_PROXY");
    Optional<String> variable = firstSet(names).or(() -> firstSet(List.of("all_proxy", "ALL_PROXY")));
    if (variable.isPresent()) {
      String name = variable.get();
      Optional<String> noProxyName = firstSet(List.of("no_proxy", "NO_PROXY"));
      if (noProxyName.isPresent()) {
        Optional<String> hit = matching(HostPattern.parseList(env.get(noProxyName.get())), host, port);
        if (hit.isPresent()) {
          return direct(Origin.BYPASS, host + " matches " + noProxyName.get() + " entry " + hit.get()
              + "; connecting directly");
        }
      }
      Optional<String> bypassed = matching(bypass, host, port);
      if (bypassed.isPresent()) {
        return direct(Origin.BYPASS, host + " matches Network.ProxyBypass entry " + bypassed.get()
            + "; connecting directly");
      }
      String raw = env.get(name).trim();
      URI parsed;
      try {
        parsed = new URI(raw.contains("://") ? raw : "http://" + raw);
      } catch (URISyntaxException e) {
        parsed = null;
      }
      String scheme2 = parsed == null || parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (parsed == null || parsed.getHost() == null || !PROXY_SCHEMES.contains(scheme2)) {
        return direct(Origin.NONE, name + " is set but is not a usable proxy URL (" + KeyType.echo(raw)
            + "); connecting directly");
      }
      Optional<ProxyCredentials> credentials = Optional.empty();
      if (parsed.getRawUserInfo() != null) {
        String info = parsed.getRawUserInfo();
        int colon = info.indexOf(':');
        String user = decode(colon < 0 ? info : info.substring(0, colon));
        String pass = colon < 0 ? "" : decode(info.substring(colon + 1));
        if (!user.isEmpty() && !pass.isEmpty()) credentials = Optional.of(new ProxyCredentials(user, Secret.of(pass)));
      }
      URI proxy = normalize(parsed);
      return new ProxyDecision(Optional.of(proxy), credentials, Origin.ENVIRONMENT,
          name + " is set: using " + proxy + (credentials.isPresent() ? " as user " + credentials.get().username() : ""));
    }
    return direct(Origin.NONE, "no proxy configured (Network.UseProxy is off and no "
        + (https ? "HTTPS_PROXY" : "HTTP_PROXY") + " or ALL_PROXY is set); connecting directly");
  }

  private static ProxyDecision direct(Origin origin, String reason) {
    return new ProxyDecision(Optional.empty(), Optional.empty(), origin, reason);
  }

  private Optional<String> firstSet(List<String> names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) return Optional.of(n);
    }
    return Optional.empty();
  }

  private static Optional<String> matching(List<HostPattern> patterns, String host, int port) {
    return patterns.stream().filter(p -> p.matches(host, port)).map(HostPattern::entry).findFirst();
  }

  /** The JDK's {@code http.nonProxyHosts}: {@code |}-separated, {@code *} as first or last character. */
  static Optional<String> matchingJdkPattern(String list, String host) {
    String h = host.toLowerCase(Locale.ROOT);
    String bare = h.startsWith("[") ? h : (h.indexOf(':') >= 0 ? "[" + h + "]" : h);
    for (String raw : list.split("\\|")) {
      String p = raw.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) continue;
      boolean lead = p.startsWith("*");
      boolean trail = p.endsWith("*") && p.length() > 1;
      String core = p.substring(lead ? 1 : 0, p.length() - (trail ? 1 : 0));
      for (String candidate : List.of(h, bare)) {
        boolean hit = p.equals("*")
            || (lead && trail ? candidate.contains(core)
            : lead ? candidate.endsWith(core)
            : trail ? candidate.startsWith(core)
            : candidate.equals(core));
        if (hit) return Optional.of(raw.trim());
      }
    }
    return Optional.empty();
  }

  /** {@code scheme://host:port} with the scheme's default port filled in and no user information or path. */
  private static URI normalize(URI proxy) {
    String scheme = proxy.getScheme().toLowerCase(Locale.ROOT);
    int port = proxy.getPort();
    if (port < 0) {
      port = scheme.equals("https") ? 443 : scheme.startsWith("socks") ? 1080 : 80;
    }
    return URI.create(scheme + "://" + bracket(proxy.getHost()) + ":" + port);
  }

  private static String bracket(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
