package dev.netdoctor.probe.internal;

import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.Settings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings as a support person needs them: every value that matters for the network, each secret only as
 * "set (N characters)" or "not set". Never the value of a key, token or password.
 */
public final class SettingsSummary {
  private SettingsSummary() {}

  public static Map<String, Object> of(Settings s) {
    Map<String, Object> out = new LinkedHashMap<>();
    Network n = s.network();
    Map<String, Object> net = new LinkedHashMap<>();
    net.put("Timeout", n.timeout().toMillis());
    net.put("UseProxy", n.useProxy());
    net.put("ProxyUrl", n.proxyUrl().map(Object::toString).orElse(""));
    net.put("ProxyUsername", n.proxyUsername().isPresent() ? "set" : "not set");
    net.put("ProxyPassword", n.proxyPassword().map(p -> "set (" + p.length() + " characters)").orElse("not set"));
    net.put("ProxyBypass", n.proxyBypass());
    net.put("UseSystemProxy", n.useSystemProxy());
    net.put("IgnoreSSLErrors", n.ignoreSslErrors());
    net.put("CustomCertificatePath", n.customCertificatePath().map(Object::toString).orElse(""));
    net.put("MinimumTLSVersion", n.minimumTlsVersion().settingsName());
    net.put("AllowedTLSVersions", n.allowedTlsVersions().stream().map(v -> v.settingsName()).toList());
    net.put("PreferIPv4", n.preferIpv4());
    net.put("EnableHttp2", n.enableHttp2());
    net.put("DnsServers", n.dnsServers());
    out.put("Network", net);
    Map<String, Object> providers = new LinkedHashMap<>();
    for (Provider p : s.providers().entries().values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Type", p.kind().settingsName());
      m.put("BaseUrl", p.baseUrl().toString());
      m.put("TimeoutSeconds", p.timeout().toSeconds());
      m.put("ApiKey", p.apiKey().map(k -> "set (" + k.length() + " characters)")
          .orElse("not set" + (p.apiKeyVariable().isEmpty() ? "" : " (" + p.apiKeyVariable() + ")")));
      m.put("Local", p.local());
      providers.put(p.name(), m);
    }
    out.put("Providers", providers);
    out.put("Backend", Map.of("BaseUrl", s.backend().baseUrl().toString()));
    out.put("Cors", Map.of("AllowedOrigins", s.cors().allowedOrigins()));
    out.put("Tools", Map.of("FFmpegPath", s.tools().ffmpegPath().map(Object::toString).orElse("")));
    out.put("OfflineMode", Map.of("Enabled", s.offlineMode().enabled()));
    return out;
  }
}
