package dev.netdoctor.server.internal;

import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.Settings;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which hosts {@code /probe} may reach: the configured providers, the backend, and the extra {@code host:port}
 * pairs given to the service, unless opened to any target. This keeps the service from being a relay that scans
 * other machines on behalf of whoever can reach it.
 */
public final class TargetPolicy {
  private final boolean any;
  private final Set<String> hostPorts = new HashSet<>();
  private final Set<String> hosts = new HashSet<>();

  public TargetPolicy(Settings settings, List<String> extra, boolean any) {
    this.any = any;
    for (Provider p : settings.providers().entries().values()) add(p.baseUrl());
    add(settings.backend().baseUrl());
    for (String e : extra) {
      String hp = e.trim().toLowerCase(Locale.ROOT);
      int colon = hp.lastIndexOf(':');
      if (colon <= 0 || !hp.substring(colon + 1).matches("[0-9]{1,5}")) {
        throw new IllegalArgumentException("probe target '" + e + "' is not host:port");
      }
      hostPorts.add(unbracket(hp.substring(0, colon)) + ":" + hp.substring(colon + 1));
      hosts.add(unbracket(hp.substring(0, colon)));
    }
  }

  private void add(URI url) {
    if (url.getHost() == null) return;
    String host = unbracket(url.getHost().toLowerCase(Locale.ROOT));
    int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    hostPorts.add(host + ":" + port);
    hosts.add(host);
  }

  /** Whether {@code url}'s host and port (the scheme's default when absent) may be probed. */
  public boolean allows(URI url) {
    if (any) return true;
    String host = unbracket(url.getHost().toLowerCase(Locale.ROOT));
    int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    return hostPorts.contains(host + ":" + port);
  }

  /** Whether the name may be resolved (any configured host, whatever its port). */
  public boolean allowsHost(String host) {
    return any || hosts.contains(unbracket(host.toLowerCase(Locale.ROOT)));
  }

  private static String unbracket(String h) {
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }
}
