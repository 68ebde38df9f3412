package dev.netdoctor.core.codes;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills the placeholders of a code's fix steps (codes.json writes {@code nslookup <host>}, {@code curl -I <url>},
 * {@code curl -x <proxy>}) with what this run probed, so a finding's fix names the real host, port and proxy.
 * A placeholder with no value stays as written, so the step still reads as a template (as in {@code explain}
 * and docs/codes.md).
 *
 * <p>Placeholders: {@code <host>}, {@code <port>}, {@code <url>}, {@code <Name>} (the provider's settings name),
 * {@code <proxy>} ({@code scheme://host:port}, never with credentials), {@code <proxy-host>}, {@code <proxy-port>}.
 */
public final class FixText {
  private FixText() {}

  /**
   * The values for one target.
   *
   * @param url the URL the target's HTTP check requests (host and port come from it)
   * @param providerName the provider's settings name, when the target is a provider
   * @param proxy the proxy the target's requests go through, when one does; its user information is dropped
   */
  public static Map<String, String> values(URI url, Optional<String> providerName, Optional<URI> proxy) {
    String host = url.getHost();
    if (host == null) return values(null, -1, null, providerName, proxy);
    int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    return values(host, port, url.toString(), providerName, proxy);
  }

  /**
   * The values for one endpoint given by parts, for callers that hold a URL in another type or must show it
   * redacted.
   *
   * @param host the host ({@code [::1]} brackets are dropped), or {@code null} when unknown: then no
   *     {@code <host>}, {@code <port>} or {@code <url>} value
   * @param port the port
   * @param url the URL as it may be shown (already redacted where it carries secrets)
   * @param providerName the provider's settings name, when the target is a provider
   * @param proxy the proxy the requests go through, when one does; its user information is dropped
   */
  public static Map<String, String> values(String host, int port, String url, Optional<String> providerName,
      Optional<URI> proxy) {
    Map<String, String> v = new LinkedHashMap<>();
    if (host != null) {
      v.put("host", host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
      v.put("port", String.valueOf(port));
      v.put("url", url);
    }
    providerName.ifPresent(n -> v.put("Name", n));
    proxy.filter(p -> p.getHost() != null).ifPresent(p -> {
      int proxyPort = p.getPort();
      v.put("proxy", p.getScheme() + "://" + p.getHost() + (proxyPort == -1 ? "" : ":" + proxyPort));
      v.put("proxy-host", p.getHost());
      if (proxyPort != -1) v.put("proxy-port", String.valueOf(proxyPort));
    });
    return v;
  }

  /** {@code steps} with each {@code <key>} of {@code values} replaced by its value. */
  public static List<String> render(List<String> steps, Map<String, String> values) {
    if (values.isEmpty()) return steps;
    List<String> out = new ArrayList<>(steps.size());
    for (String step : steps) {
      String s = step;
      for (Map.Entry<String, String> e : values.entrySet()) s = s.replace("<" + e.getKey() + ">", e.getValue());
      out.add(s);
    }
    return out;
  }
}
