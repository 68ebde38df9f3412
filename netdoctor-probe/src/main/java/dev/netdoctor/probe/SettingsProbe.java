package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProxyDecision;
import dev.netdoctor.core.settings.ProxySelection;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.TlsVersion;
import dev.netdoctor.probe.internal.ResultBuilder;
import dev.netdoctor.probe.internal.SystemDnsConfig;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings themselves, before any packet is sent: every URL, origin, proxy and path valid;
 * {@code IgnoreSSLErrors} on (CFG003); a {@code MinimumTLSVersion} below TLS 1.2 (CFG006); CORS origins with a
 * trailing slash, a path or no scheme (CFG002); a proxy that would also carry loopback traffic because the bypass
 * list lacks it (CFG005).
 *
 * <p>One result for all; its code is the most severe problem's. Fact {@code problems}: list of maps
 * {@code code}, {@code cause}, {@code key}, {@code message}, {@code severity} ({@code error} or {@code warning});
 * the engine turns each into a finding.
 */
public final class SettingsProbe implements Probe {
  public static final String NAME = "settings";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    Settings s = ctx.settings();
    ResultBuilder r = new ResultBuilder(NAME, "settings", ctx);
    List<Map<String, Object>> problems = new ArrayList<>();

    for (Provider p : s.providers().entries().values()) {
      checkUrl(problems, "Providers." + p.name() + ".BaseUrl", p.baseUrl());
    }
    checkUrl(problems, "Backend.BaseUrl", s.backend().baseUrl());
    for (String origin : s.cors().allowedOrigins()) checkOrigin(problems, origin);

    Network n = s.network();
    if (n.ignoreSslErrors()) {
      add(problems, "CFG003", "ignore-ssl-errors", "Network.IgnoreSSLErrors", "warning",
          "certificate checks are off: any machine in the path can read and change provider traffic, keys included");
    }
    if (!n.minimumTlsVersion().atLeast(TlsVersion.TLS12)) {
      add(problems, "CFG006", "min-version-too-low", "Network.MinimumTLSVersion", "warning",
          n.minimumTlsVersion().settingsName() + " allows versions every provider has disabled; use TLS12");
    }
    if (n.effectiveTlsVersions().isEmpty()) {
      add(problems, "CFG006", "min-version-too-low", "Network.AllowedTLSVersions", "error",
          "no allowed TLS version is at or above MinimumTLSVersion: no TLS connection can be made");
    }
    if (n.useProxy() && n.proxyUrl().isEmpty()) {
      add(problems, "CFG005", "malformed-url", "Network.ProxyUrl", "error", "UseProxy is on but ProxyUrl is empty");
    }
    n.proxyUrl().ifPresent(u -> {
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https") || scheme.startsWith("socks")) || u.getHost() == null) {
        add(problems, "CFG005", "malformed-url", "Network.ProxyUrl", "error",
            "ProxyUrl must be http://host:port, https://host:port or socks5://host:port");
      }
    });
    ProxySelection selection = ProxySelection.of(n, ctx.env().environment(), ctx.env().systemProperties());
    for (String loopback : List.of("http://localhost:5005/", "http://127.0.0.1/")) {
      ProxyDecision d = selection.select(URI.create(loopback));
      if (!d.isDirect()) {
        String key = d.origin() == ProxyDecision.Origin.ENVIRONMENT ? "NO_PROXY" : "Network.ProxyBypass";
        add(problems, "CFG005", "no-proxy-missing-loopback", key, "warning",
            "requests to " + URI.create(loopback).getHost() + " would go through the proxy " + d.proxy().get()
                + " (" + d.reason() + "); add localhost,127.0.0.1,::1 to " + key);
        break;
      }
    }
    n.customCertificatePath().ifPresent(p -> {
      if (!Files.isReadable(p)) {
        add(problems, "CFG004", "bad-value", "Network.CustomCertificatePath", "error", p + " cannot be read");
      }
    });
    for (String server : n.dnsServers()) {
      try {
        SystemDnsConfig.parseServer(server);
      } catch (IllegalArgumentException e) {
        add(problems, "CFG004", "bad-value", "Network.DnsServers", "error", e.getMessage());
      }
    }

    r.fact("problems", problems);
    for (Map<String, Object> p : problems) {
      r.evidence(p.get("key") + ": " + p.get("message") + " [" + p.get("code") + "/" + p.get("cause") + "]");
    }
    if (problems.isEmpty()) return r.pass("every URL, origin, proxy and path is valid");
    Map<String, Object> worst = problems.stream().filter(p -> "error".equals(p.get("severity"))).findFirst()
        .orElse(problems.get(0));
    String summary = problems.size() + (problems.size() == 1 ? " problem: " : " problems, first: ")
        + worst.get("key") + " — " + worst.get("message");
    return "error".equals(worst.get("severity"))
        ? r.fail((String) worst.get("code"), (String) worst.get("cause"), summary)
        : r.warn((String) worst.get("code"), (String) worst.get("cause"), summary);
  }

  private static void checkUrl(List<Map<String, Object>> problems, String key, URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      add(problems, "CFG001", "wrong-scheme", key, "error", url + " must start with http:// or https://");
    } else if (url.getHost() == null || url.getHost().isBlank()) {
      add(problems, "CFG001", "malformed", key, "error", url + " has no host");
    }
  }

  private static void checkOrigin(List<Map<String, Object>> problems, String origin) {
    String key = "Cors.AllowedOrigins";
    int sep = origin.indexOf("://");
    if (sep <= 0) {
      add(problems, "CFG002", "missing-scheme", key, "error", "'" + origin
          + "' has no scheme; write it as the browser sends it, e.g. http://" + origin);
      return;
    }
    String rest = origin.substring(sep + 3);
    int slash = rest.indexOf('/');
    if (slash == rest.length() - 1 && slash >= 0) {
      add(problems, "CFG002", "trailing-slash", key, "error", "'" + origin
          + "' ends with a slash; browsers send the origin without one: " + origin.substring(0, origin.length() - 1));
    } else if (slash >= 0) {
      add(problems, "CFG002", "path", key, "error", "'" + origin + "' has a path; an origin is scheme://host[:port]");
    }
  }

  private static void add(List<Map<String, Object>> problems, String code, String cause, String key, String severity,
      String message) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("code", code);
    p.put("cause", cause);
    p.put("key", key);
    p.put("severity", severity);
    p.put("message", message);
    problems.add(p);
  }
}
