package dev.netdoctor.server;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.DnsProbe;
import dev.netdoctor.probe.HttpProbe;
import dev.netdoctor.probe.IpFamily;
import dev.netdoctor.probe.TcpProbe;
import dev.netdoctor.probe.TlsProbe;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code module} values of {@code GET /probe}, named as in blackbox_exporter's example configuration, each
 * with the checks it runs and what counts as success.
 *
 * <p>{@code dns} differs from blackbox_exporter's: there the target is a DNS server asked for a configured name;
 * here the target is the name, resolved the way the application would (the system resolver, and each resolver of
 * the system configuration asked directly).
 */
public enum ProbeModule {
  /** GET the URL; success is a 2xx answer. An {@code https} URL also gets the TLS check for certificate facts. */
  HTTP_2XX("http_2xx"),
  /** Open a TCP connection to {@code host:port} on any address family. */
  TCP_CONNECT("tcp_connect"),
  /** Open a TCP connection and complete a verified TLS handshake. */
  TLS_CONNECT("tls_connect"),
  /** Resolve the name. */
  DNS("dns");

  private static final String TCP4 = TcpProbe.nameFor(IpFamily.IPV4);
  private static final String TCP6 = TcpProbe.nameFor(IpFamily.IPV6);

  private final String label;

  ProbeModule(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ProbeModule> find(String label) {
    return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
  }

  /** Every module label, for error messages. */
  public static String labels() {
    return String.join(", ", Arrays.stream(values()).map(ProbeModule::label).toList());
  }

  /** The checks this module runs against {@code url}, in order. */
  public List<String> checks(URI url) {
    boolean https = "https".equalsIgnoreCase(url.getScheme());
    return switch (this) {
      case HTTP_2XX -> https ? List.of(DnsProbe.NAME, TCP4, TCP6, TlsProbe.NAME, HttpProbe.NAME)
          : List.of(DnsProbe.NAME, HttpProbe.NAME);
      case TCP_CONNECT -> List.of(DnsProbe.NAME, TCP4, TCP6);
      case TLS_CONNECT -> List.of(DnsProbe.NAME, TCP4, TCP6, TlsProbe.NAME);
      case DNS -> List.of(DnsProbe.NAME);
    };
  }

  /**
   * The URL the checks run against, from a blackbox_exporter style target: a URL for {@code http_2xx} (scheme
   * {@code http} assumed when missing), {@code host:port} for the TCP modules, a host name for {@code dns}.
   *
   * @throws IllegalArgumentException with a message naming what is wrong with the target
   */
  public URI url(String target) {
    String t = target.trim();
    if (t.isEmpty()) throw new IllegalArgumentException("the target is empty");
    URI url;
    try {
      url = switch (this) {
        case HTTP_2XX -> URI.create(t.contains("://") ? t : "http://" + t);
        case TCP_CONNECT -> hostPort(t, "http");
        case TLS_CONNECT -> hostPort(t, "https");
        case DNS -> URI.create("http://" + t);
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("target '" + t + "' is not a valid " + shape());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException("target '" + t + "' is not a valid " + shape());
    }
    return url;
  }

  private URI hostPort(String t, String scheme) {
    URI u = URI.create(scheme + "://" + t);
    if (u.getPort() == -1 || (u.getPath() != null && !u.getPath().isEmpty())) {
      throw new IllegalArgumentException("target '" + t + "' is not host:port");
    }
    return u;
  }

  private String shape() {
    return switch (this) {
      case HTTP_2XX -> "URL";
      case TCP_CONNECT, TLS_CONNECT -> "host:port";
      case DNS -> "host name";
    };
  }

  /** Whether the probe succeeded, blackbox_exporter's {@code probe_success}. */
  public boolean succeeded(List<CheckResult> report) {
    return switch (this) {
      case HTTP_2XX -> result(report, HttpProbe.NAME)
          .map(r -> r.facts().get("status") instanceof Number n && n.intValue() / 100 == 2).orElse(false);
      case TCP_CONNECT -> result(report, TCP4).map(CheckResult::passed).orElse(false)
          || result(report, TCP6).map(CheckResult::passed).orElse(false);
      case TLS_CONNECT -> result(report, TlsProbe.NAME).map(CheckResult::passed).orElse(false);
      case DNS -> result(report, DnsProbe.NAME).map(CheckResult::passed).orElse(false);
    };
  }

  static Optional<CheckResult> result(List<CheckResult> report, String check) {
    return report.stream().filter(r -> r.check().equals(check)).findFirst();
  }
}
