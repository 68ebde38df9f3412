package dev.netdoctor.cli;

import dev.netdoctor.cli.internal.Style;
import dev.netdoctor.core.redact.Redactor;
import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.report.ReportJson;
import dev.netdoctor.core.report.ReportMarkdown;
import dev.netdoctor.core.report.ReportText;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.SettingsException;
import dev.netdoctor.core.settings.SettingsLoader;
import dev.netdoctor.probe.CorsRequest;
import dev.netdoctor.probe.DiagnosisListener;
import dev.netdoctor.probe.Doctor;
import dev.netdoctor.probe.HostResolver;
import dev.netdoctor.probe.ProbeEnvironment;
import dev.netdoctor.probe.ProbeOptions;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netdoctor doctor}: every check the settings call for (settings, FFmpeg, backend and CORS, every
 * provider's DNS, TCP, proxy, TLS, HTTP and key) under one time budget, then the root causes. On a terminal each
 * check is printed as it finishes, flutter-doctor style. Exits 0 healthy, 1 problems found.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    header = "Run every configured check and name the root cause of each problem.",
    description = "Runs every check the settings call for, concurrently under one time budget, and names the "
        + "root cause of each problem with its code, evidence, fix and guide. The Markdown form is the support "
        + "bundle to paste into a ticket; every secret is redacted.",
    exitCodeListHeading = ExitCode.HELP_HEADING,
    exitCodeList = {" 0:healthy: no problem found", " 1:problems found", ExitCode.HELP_BAD_INPUT,
        ExitCode.HELP_INTERNAL},
    footerHeading = "%nExamples:%n",
    footer = {
      "  netdoctor doctor",
      "  netdoctor doctor --settings appsettings.json --provider OpenAI --budget 5s",
      "  netdoctor doctor --format markdown --copy",
      "  netdoctor doctor --format json > report.json",
      ""
    })
public final class DoctorCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(names = "--settings", paramLabel = "FILE", description = "The settings file (default: "
      + "NETDOCTOR_SETTINGS, ./appsettings.json, ~/.config/netdoctor/appsettings.json, else the defaults).")
  Path settingsFile;

  @Option(names = "--provider", paramLabel = "NAME", description = "Check only this provider (repeatable); "
      + "skips the backend and CORS checks.")
  List<String> providers = List.of();

  @Option(names = "--budget", paramLabel = "TIME", defaultValue = "10s",
      description = "The time budget for the whole run: 10s, 2500ms, 1m (default: ${DEFAULT-VALUE}).")
  String budget;

  @Option(names = "--resolver", paramLabel = "IP[:PORT]", description = "Also query this DNS resolver directly "
      + "(repeatable), beside those of the system configuration and Network.DnsServers.")
  List<String> resolvers = List.of();

  @Option(names = "--throughput-url", paramLabel = "URL", description = "Measure download speed from this URL "
      + "(a file of a few MB) against the 5 Mbit/s minimum; without it the throughput check says it was skipped.")
  URI throughputUrl;

  @Option(names = "--upload-url", paramLabel = "URL", description = "Measure upload speed by POSTing 192 KiB "
      + "to this URL (one that accepts uploads), against the 1 Mbit/s minimum.")
  URI uploadUrl;

  @Option(names = "--cors-method", paramLabel = "METHOD", defaultValue = "POST", description = "The method of the "
      + "frontend's cross-origin requests, asked for in the CORS preflight (default: ${DEFAULT-VALUE}).")
  String corsMethod;

  @Option(names = "--cors-header", paramLabel = "NAME", split = ",", description = "A request header the frontend "
      + "sends cross-origin (repeatable or comma-separated), asked for in the CORS preflight "
      + "(default: content-type, authorization).")
  List<String> corsHeaders;

  @Option(names = "--cors-credentials", description = "The frontend sends cookies (fetch credentials: 'include'): "
      + "the preflight must then name the origin and answer Access-Control-Allow-Credentials: true.")
  boolean corsCredentials;

  @Option(names = "--no-path", description = "Skip the path check (tracepath/traceroute/mtr).")
  boolean noPath;

  @Option(names = "--copy", description = "Also put the Markdown report on the clipboard (wl-copy, xclip, xsel, "
      + "pbcopy or clip, whichever is installed).")
  boolean copy;

  DoctorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Settings settings = loadSettings(context, settingsFile);
    for (String p : providers) {
      if (settings.providers().find(p).isEmpty()) {
        throw new BadInputException("--provider " + p + ": no such provider; the settings have "
            + String.join(", ", settings.providers().entries().keySet()));
      }
    }
    ProbeOptions.Builder options = ProbeOptions.builder().budget(parseBudget(budget)).path(!noPath);
    for (String r : resolvers) options.extraResolver(parseResolver(r));
    if (throughputUrl != null) options.downloadUrl(httpUrl(throughputUrl.toString(), "--throughput-url"));
    if (uploadUrl != null) options.uploadUrl(httpUrl(uploadUrl.toString(), "--upload-url"));
    try {
      options.cors(new CorsRequest(corsMethod, corsHeaders == null ? CorsRequest.DEFAULT.headers() : corsHeaders,
          corsCredentials));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--cors-method/--cors-header: " + e.getMessage());
    }

    PrintWriter out = spec.commandLine().getOut();
    Style style = output.style(context);
    boolean live = output.format() == Format.TEXT && context.stdoutIsTerminal();
    DiagnosisListener listener = live ? result -> {
      out.println(line(result, style));
      out.flush();
    } : DiagnosisListener.NONE;
    Report report = Doctor.builder(settings).environment(environment(context)).options(options.build())
        .providers(new LinkedHashSet<>(providers)).build().diagnose(listener);

    print(out, report, output.format(), style, !live);
    if (copy) copyToClipboard(ReportMarkdown.write(report));
    return exitCode(report);
  }

  /** Prints the report in {@code format}; for text, the check lines only when they were not printed live. */
  static void print(PrintWriter out, Report report, Format format, Style style, boolean withCheckLines) {
    switch (format) {
      case JSON -> out.println(Redactor.redact(ReportJson.write(report)));
      case MARKDOWN -> out.print(Redactor.redact(ReportMarkdown.write(report)));
      default -> {
        if (withCheckLines) {
          for (CheckResult r : report.checks()) out.println(line(r, style));
        }
        String findings = ReportText.write(report);
        // ReportText.write starts with the check lines; print from the findings on.
        int blank = findings.indexOf("\n\n");
        String tail = blank >= 0 ? findings.substring(blank + 1) : findings;
        out.print(Redactor.redact(tail.replaceFirst("(?m)^(✗ \\d+ checks.*)$", style.red("$1"))
            .replaceFirst("(?m)^(✓ \\d+ checks.*)$", style.green("$1"))));
      }
    }
    out.flush();
  }

  /** One check as a coloured line. */
  static String line(CheckResult r, Style style) {
    String text = Redactor.redact(ReportText.line(r));
    return switch (r.status()) {
      case PASS -> style.green(text.substring(0, 3)) + text.substring(3);
      case WARN -> style.yellow(text.substring(0, 3)) + text.substring(3);
      case FAIL -> style.red(text.substring(0, 3)) + text.substring(3);
      default -> style.dim(text);
    };
  }

  /** 0 healthy, 1 problems, 3 when a check itself broke (a bug). */
  static int exitCode(Report report) {
    boolean internal = report.checks().stream().anyMatch(c -> Boolean.TRUE.equals(c.facts().get("internalError")));
    if (internal) return ExitCode.INTERNAL;
    return report.healthy() ? ExitCode.OK : ExitCode.PROBLEMS;
  }

  /** Loads settings with this process's environment; any problem is bad input naming file, line and key. */
  static Settings loadSettings(CliContext context, Path file) {
    SettingsLoader.Builder b = SettingsLoader.builder().environment(context.env());
    if (file != null) b.file(file);
    try {
      return b.build().load().settings();
    } catch (SettingsException e) {
      throw new BadInputException(e.getMessage().replace('\n', ' '));
    }
  }

  static ProbeEnvironment environment(CliContext context) {
    return ProbeEnvironment.system().withEnvironment(context.env());
  }

  private static final Pattern DURATION = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?\\s*");

  /** {@code 10s}, {@code 2500ms}, {@code 1m}, or a bare number of seconds; between 100 ms and 10 minutes. */
  static Duration parseBudget(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new BadInputException("--budget '" + text + "': expected a time such as 10s, 2500ms or 1m");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    long millis = Math.round(value * (unit.equals("ms") ? 1 : unit.equals("s") ? 1000 : 60_000));
    if (millis < 100 || millis > 600_000) {
      throw new BadInputException("--budget '" + text + "': must be between 100ms and 10m");
    }
    return Duration.ofMillis(millis);
  }

  static java.net.InetSocketAddress parseResolver(String text) {
    try {
      return HostResolver.parseServer(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--resolver: " + e.getMessage());
    }
  }

  static URI httpUrl(String text, String option) {
    return url(text, option, java.util.Set.of("http", "https"), "expected an http:// or https:// URL with a host");
  }

  /** A proxy URL for {@code --proxy}: {@code http}, {@code https} or a SOCKS scheme, with a host. */
  static URI proxyUrl(String text, String option) {
    return url(text, option, PROXY_SCHEMES, "expected a proxy URL with a host: "
        + "http://, https://, socks5://, socks5h://, socks4:// or socks4a://");
  }

  /** {@code text} as a URL of one of {@code schemes} with a host; else bad input naming the option and the want. */
  private static URI url(String text, String option, java.util.Set<String> schemes, String expected) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (java.net.URISyntaxException e) {
      throw new BadInputException(option + " '" + Redactor.redact(text) + "': not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!schemes.contains(scheme) || uri.getHost() == null) {
      throw new BadInputException(option + " '" + Redactor.redact(text) + "': " + expected);
    }
    return uri;
  }

  private static final java.util.Set<String> PROXY_SCHEMES =
      java.util.Set.of("http", "https", "socks", "socks5", "socks5h", "socks4", "socks4a");

  private void copyToClipboard(String markdown) {
    PrintWriter err = spec.commandLine().getErr();
    List<List<String>> tools = List.of(List.of("wl-copy"), List.of("xclip", "-selection", "clipboard"),
        List.of("xsel", "--clipboard", "--input"), List.of("pbcopy"), List.of("clip.exe"), List.of("clip"));
    String path = context.env().getOrDefault("PATH", "");
    for (List<String> tool : tools) {
      Optional<Path> exe = List.of(path.split(File.pathSeparator)).stream().filter(d -> !d.isEmpty())
          .map(d -> Path.of(d, tool.get(0))).filter(Files::isExecutable).findFirst();
      if (exe.isEmpty()) continue;
      try {
        Process p = new ProcessBuilder(exe.get().toString()).command(
            java.util.stream.Stream.concat(java.util.stream.Stream.of(exe.get().toString()),
                tool.stream().skip(1)).toList()).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
          in.write(Redactor.redact(markdown).getBytes(StandardCharsets.UTF_8));
        }
        if (p.waitFor(3, TimeUnit.SECONDS) && p.exitValue() == 0) {
          err.println("netdoctor: the Markdown report is on the clipboard (" + tool.get(0) + ")");
          return;
        }
        p.destroyForcibly();
      } catch (IOException e) {
        // try the next tool
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    err.println("netdoctor: --copy: no clipboard tool found (wl-copy, xclip, xsel, pbcopy, clip); "
        + "use --format markdown and copy the output");
  }
}
