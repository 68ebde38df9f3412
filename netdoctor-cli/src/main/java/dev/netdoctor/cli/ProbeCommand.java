package dev.netdoctor.cli;

import dev.netdoctor.cli.internal.Style;
import dev.netdoctor.core.redact.Redactor;
import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.report.Finding;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.report.ReportText;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.probe.DiagnosisListener;
import dev.netdoctor.probe.Doctor;
import dev.netdoctor.probe.HostResolver;
import dev.netdoctor.probe.IpFamily;
import dev.netdoctor.probe.ProbeEnvironment;
import dev.netdoctor.probe.ProbeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netdoctor probe URL}: one target, every phase (DNS against each resolver, TCP per family, the proxy
 * decision and CONNECT, TLS with its chain, HTTP with curl {@code -w}-like timings), then the cause of any
 * failure. Exits 0 when the URL answers, 1 when something failed.
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    header = "Probe one URL phase by phase: DNS, TCP, proxy, TLS, HTTP.",
    description = "Probes one URL phase by phase, like curl -v -w with the diagnosis added: DNS (the system "
        + "resolver and each configured resolver), TCP per address family, the proxy decision and its CONNECT "
        + "answer, TLS (version, cipher, chain, expiry, host name), HTTP status and timings, and the root cause "
        + "of any failure. '--format json' is a stable document (schema netdoctor.report/1).",
    exitCodeListHeading = ExitCode.HELP_HEADING,
    exitCodeList = {" 0:the URL answers and nothing is wrong", " 1:a problem was found",
        ExitCode.HELP_BAD_INPUT, ExitCode.HELP_INTERNAL},
    footerHeading = "%nExamples:%n",
    footer = {
      "  netdoctor probe https://api.openai.com/v1/models",
      "  netdoctor probe --resolve api.openai.com:443:162.159.140.245 https://api.openai.com/v1/models",
      "  netdoctor probe --proxy http://proxy.corp:3128 -4 https://api.anthropic.com/v1/models",
      "  netdoctor probe --format json --budget 3s https://api.elevenlabs.io/v1/voices",
      ""
    })
public final class ProbeCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "URL", description = "An http:// or https:// URL.")
  String url;

  @Option(names = "--settings", paramLabel = "FILE", description = "Settings to take the proxy, TLS versions, "
      + "trust and key from (default: as 'doctor' finds them).")
  Path settingsFile;

  @Option(names = "--budget", paramLabel = "TIME", defaultValue = "10s",
      description = "Time budget for every phase together (default: ${DEFAULT-VALUE}).")
  String budget;

  @Option(names = {"-x", "--proxy"}, paramLabel = "URL",
      description = "Use this proxy (http://, socks5:// or socks5h://, [user:password@]host:port) instead of what "
          + "settings and environment decide; 'direct' for none.")
  String proxy;

  @Option(names = "--resolver", paramLabel = "IP[:PORT]",
      description = "Resolve with this DNS server instead of the system's (and report it beside the others).")
  String resolver;

  @Option(names = "--resolve", paramLabel = "HOST:PORT:ADDRESS", description = "Use ADDRESS for HOST:PORT, "
      + "keeping HOST for SNI and certificate checks (curl's --resolve; repeatable).")
  List<String> resolve = List.of();

  @Option(names = "--cacert", paramLabel = "FILE", description = "Trust exactly the certificates in this PEM/DER "
      + "file instead of the JVM's trust store.")
  Path caCert;

  @Option(names = "--connect-timeout", paramLabel = "TIME", description = "Ceiling for one TCP connect within the "
      + "budget (default 2.5s; longer lets an unanswered ARP end as 'host unreachable' instead of a timeout).")
  String connectTimeout;

  @Option(names = "--latency-samples", paramLabel = "N", description = "How many connects the latency check times "
      + "(default 5; 0 skips it). From 20 on, a connect slowed by a retransmitted SYN counts as packet loss.")
  Integer latencySamples;

  @Option(names = "--latency-threshold", paramLabel = "TIME", description = "A median connect time above this is "
      + "NET016/high-latency (default 500ms).")
  String latencyThreshold;

  @Option(names = "-4", description = "IPv4 only.")
  boolean ipv4Only;

  @Option(names = "-6", description = "IPv6 only.")
  boolean ipv6Only;

  @Option(names = {"-k", "--insecure"}, description = "Accept any certificate; the report says so, and still "
      + "names what is wrong with the chain.")
  boolean insecure;

  ProbeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    URI target = DoctorCommand.httpUrl(url, "URL");
    if (target.getUserInfo() != null) {
      throw new BadInputException("URL: credentials in the URL are not sent by netdoctor; remove 'user:password@'");
    }
    Settings settings = DoctorCommand.loadSettings(context, settingsFile);
    ProbeOptions.Builder o = ProbeOptions.builder().budget(DoctorCommand.parseBudget(budget)).path(false)
        .insecure(insecure);
    if (connectTimeout != null) o.connectTimeout(DoctorCommand.parseBudget(connectTimeout));
    if (latencySamples != null) {
      if (latencySamples < 0 || latencySamples > 1000) {
        throw new BadInputException("--latency-samples " + latencySamples + ": must be between 0 and 1000");
      }
      o.latencySamples(latencySamples);
    }
    if (latencyThreshold != null) o.latencyThreshold(threshold(latencyThreshold));
    if (ipv4Only && ipv6Only) throw new BadInputException("-4 and -6 exclude each other");
    if (ipv4Only) o.families(Set.of(IpFamily.IPV4));
    if (ipv6Only) o.families(Set.of(IpFamily.IPV6));
    for (String r : resolve) addResolve(o, r);
    if (proxy != null) {
      o.proxy(proxy.equalsIgnoreCase("direct") ? URI.create("direct:")
          : DoctorCommand.proxyUrl(proxy.contains("://") ? proxy : "http://" + proxy, "--proxy"));
    }
    if (caCert != null) {
      try {
        o.trust(ProbeOptions.trustFromFile(caCert));
      } catch (IOException e) {
        throw new BadInputException("--cacert " + caCert + ": cannot read it (" + e.getMessage() + ")");
      } catch (GeneralSecurityException e) {
        throw new BadInputException("--cacert " + caCert + ": no certificate in it (" + e.getMessage() + ")");
      }
    }
    ProbeEnvironment env = DoctorCommand.environment(context);
    if (resolver != null) {
      var server = DoctorCommand.parseResolver(resolver);
      o.extraResolver(server);
      env = env.withResolver(HostResolver.using(server, Duration.ofSeconds(2)));
    }
    Report report = Doctor.builder(settings).environment(env).options(o.build()).build()
        .probe(target, DiagnosisListener.NONE);

    PrintWriter out = spec.commandLine().getOut();
    if (output.format() == Format.TEXT) {
      text(out, target, report, output.style(context));
    } else {
      DoctorCommand.print(out, report, output.format(), output.style(context), true);
    }
    return DoctorCommand.exitCode(report);
  }

  /** A latency threshold: {@code 40ms}, {@code 0.5s} or {@code 1} (seconds), between 0 and 60 s. */
  static Duration threshold(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)?").matcher(text.trim());
    if (!m.matches()) {
      throw new BadInputException("--latency-threshold '" + text + "': expected a time such as 40ms or 1s");
    }
    double millis = Double.parseDouble(m.group(1)) * ("ms".equals(m.group(2)) ? 1 : 1000);
    if (millis > 60_000) throw new BadInputException("--latency-threshold '" + text + "': must be at most 60s");
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  private static void addResolve(ProbeOptions.Builder o, String spec) {
    int first = spec.indexOf(':');
    int second = first < 0 ? -1 : spec.indexOf(':', first + 1);
    if (first <= 0 || second < 0) {
      throw new BadInputException("--resolve '" + spec + "': expected HOST:PORT:ADDRESS");
    }
    String host = spec.substring(0, first);
    String address = spec.substring(second + 1).replace("[", "").replace("]", "");
    int port;
    try {
      port = Integer.parseInt(spec.substring(first + 1, second));
    } catch (NumberFormatException e) {
      throw new BadInputException("--resolve '" + spec + "': the port is not a number");
    }
    if (!address.matches("[0-9a-fA-F:.]+")) {
      throw new BadInputException("--resolve '" + spec + "': the address must be an IP address");
    }
    try {
      o.resolve(host, port, InetAddress.getByName(address));
    } catch (IOException e) {
      throw new BadInputException("--resolve '" + spec + "': not an IP address");
    }
  }

  /** Phase by phase, then the verdict and the findings. */
  private static void text(PrintWriter out, URI target, Report report, Style style) {
    out.println(style.bold("netdoctor probe " + Redactor.redact(target.toString())));
    for (CheckResult r : report.checks()) {
      if (r.status() == CheckStatus.SKIPPED && (r.check().equals("auth") || r.check().equals("clock")
          || r.check().startsWith("tcp-") && r.summary().startsWith("no ipv"))) {
        continue;
      }
      out.println("  " + phaseLine(r, style));
      if (r.check().equals("tls") && r.facts().get("chain") instanceof List<?> chain) {
        int i = 0;
        for (Object c : chain) {
          Map<?, ?> m = (Map<?, ?>) c;
          out.println("        chain " + i++ + ": " + m.get("subject") + "  ← " + m.get("issuer") + "  (until "
              + m.get("notAfter") + ")");
        }
        if (r.fact("trustStore") != null) out.println("        trust: " + r.fact("trustStore"));
      }
      if (r.check().equals("http") && r.facts().get("timings") instanceof Map<?, ?> t) {
        out.println("        " + timings(t));
        if (r.fact("tlsEngine") != null) out.println("        tls engine (timed exchange): " + r.fact("tlsEngine"));
      }
    }
    out.println();
    if (report.findings().isEmpty()) {
      out.println(style.green("✓ " + target.getHost() + " answers; nothing is wrong"));
    }
    for (Finding f : report.findings()) {
      out.println((f.severity() == dev.netdoctor.core.report.Severity.ERROR ? style.red("✗ ") : style.yellow("! "))
          + style.bold(f.codeAndCause()) + (f.name() == null ? "" : " (" + f.name() + ")") + ": "
          + Redactor.redact(f.summary()));
      for (String e : f.evidence()) out.println("    evidence: " + Redactor.redact(e));
      int i = 1;
      for (String step : f.fix()) out.println("    fix " + i++ + ". " + step);
      if (f.guide() != null) out.println("    guide: netdoctor kb show " + f.guide());
    }
    out.println(ReportText.summary(report));
    out.flush();
  }

  /** A check line without the target (the whole output is about one). */
  private static String phaseLine(CheckResult r, Style style) {
    String mark = "[" + r.status().symbol() + "]";
    mark = switch (r.status()) {
      case PASS -> style.green(mark);
      case WARN -> style.yellow(mark);
      case FAIL -> style.red(mark);
      default -> style.dim(mark);
    };
    String code = r.code() == null ? "" : " [" + r.code() + (r.cause() == null ? "" : "/" + r.cause()) + "]";
    return mark + " " + String.format(Locale.ROOT, "%-9s", r.check()) + " " + Redactor.redact(r.summary()) + code
        + (r.control() ? " (control)" : "") + " (" + r.elapsedMs() + " ms)";
  }

  /** {@code dns 0.4 ms | connect 0.6 ms | tls 9.1 ms | first byte 12.0 ms | total 12.3 ms}: cumulative, as curl. */
  static String timings(Map<?, ?> t) {
    StringBuilder sb = new StringBuilder("timings (from start):");
    String[][] names = {{"dnsMs", "dns"}, {"connectMs", "connect"}, {"tlsMs", "tls"},
        {"firstByteMs", "first byte"}, {"totalMs", "total"}};
    for (String[] n : names) {
      Object v = t.get(n[0]);
      if (v instanceof Number num) {
        sb.append(' ').append(n[1]).append(' ').append(String.format(Locale.ROOT, "%.3f ms", num.doubleValue()))
            .append(" |");
      }
    }
    if (sb.charAt(sb.length() - 1) == '|') sb.setLength(sb.length() - 2);
    return sb.toString();
  }
}
