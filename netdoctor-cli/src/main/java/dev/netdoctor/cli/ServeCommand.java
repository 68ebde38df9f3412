package dev.netdoctor.cli;

import dev.netdoctor.core.kb.InvalidGuideException;
import dev.netdoctor.core.kb.KnowledgeBase;
import dev.netdoctor.core.settings.LoadedSettings;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.SettingsException;
import dev.netdoctor.core.settings.SettingsLoader;
import dev.netdoctor.core.settings.SettingsProblem;
import dev.netdoctor.probe.ProbeOptions;
import dev.netdoctor.server.NetdoctorServer;
import dev.netdoctor.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netdoctor serve}: the diagnosis over HTTP for applications, a web page for people, and {@code /metrics}
 * and {@code /probe} for Prometheus. Runs until interrupted. Exit code 2 for bad options or settings and for an
 * address that cannot be bound (the message says which).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    header = "Serve the diagnosis: JSON API, web page, /metrics, /probe.",
    description = {"Serves the diagnosis: GET /api/system/network/diagnostics, the Network Diagnostics page at /,",
        "/metrics for Prometheus and a blackbox_exporter-compatible /probe?target=&module=.",
        "Binds 127.0.0.1; binding another address needs a token (--token or NETDOCTOR_TOKEN)."})
public final class ServeCommand implements Callable<Integer> {
  static final String TOKEN_VARIABLE = "NETDOCTOR_TOKEN";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).",
      defaultValue = "" + ServerConfig.DEFAULT_PORT)
  int port;

  @Option(names = "--token", paramLabel = "TOKEN", arity = "0..1", interactive = true,
      description = "Require Authorization: Bearer TOKEN on every API call (prompted when no value is given;"
          + " default: the " + TOKEN_VARIABLE + " variable).")
  char[] token;

  @Option(names = "--cache-seconds", description = "Reuse a finished diagnosis this long (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  long cacheSeconds;

  @Option(names = "--budget", description = "Time budget of one diagnosis in seconds (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  long budgetSeconds;

  @Option(names = "--allow-any-target", description = "Let /probe reach any host, not only the configured ones.")
  boolean allowAnyTarget;

  @Option(names = "--probe-target", paramLabel = "HOST:PORT",
      description = "Another target /probe may reach besides the providers and the backend (repeatable).")
  List<String> probeTargets = new ArrayList<>();

  @Option(names = "--provider", paramLabel = "NAME", description = "Diagnose only this provider (repeatable).")
  List<String> providers = new ArrayList<>();

  @Option(names = "--settings", paramLabel = "FILE", description = "The settings file (default: the usual lookup).")
  Path settingsFile;

  @Option(names = "--kb", paramLabel = "DIR", description = "Extra guide directory (repeatable).")
  List<Path> kbDirs = new ArrayList<>();

  /** Environment lookups, replaceable for tests. */
  java.util.function.Function<String, String> env = System::getenv;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    quietLibraryLogs();
    LoadedSettings loaded;
    try {
      SettingsLoader.Builder b = SettingsLoader.builder();
      if (settingsFile != null) b.file(settingsFile);
      loaded = b.build().load();
    } catch (SettingsException e) {
      err.println("netdoctor serve: the settings cannot be used:");
      for (SettingsProblem p : e.errors()) err.println("  " + p);
      return ExitCode.BAD_INPUT;
    }
    for (SettingsProblem w : loaded.warnings()) err.println("warning: " + w);
    KnowledgeBase kb;
    try {
      kb = kbDirs.isEmpty() ? KnowledgeBase.builtIn() : KnowledgeBase.load(kbDirs);
    } catch (InvalidGuideException e) {
      err.println("netdoctor serve: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Optional<Secret> secret = tokenValue();
    ServerConfig config;
    try {
      for (String name : providers) {
        if (loaded.settings().providers().find(name).isEmpty()) {
          throw new IllegalArgumentException("--provider " + name + ": no such provider in the settings");
        }
      }
      if (cacheSeconds < 0) throw new IllegalArgumentException("--cache-seconds must not be negative");
      if (budgetSeconds < 1) throw new IllegalArgumentException("--budget must be at least 1 second");
      config = ServerConfig.builder(loaded.settings()).host(host).port(port).token(secret)
          .cacheTtl(Duration.ofSeconds(cacheSeconds)).allowAnyTarget(allowAnyTarget).probeTargets(probeTargets)
          .providers(Set.copyOf(providers)).knowledgeBase(kb)
          .options(ProbeOptions.builder().budget(Duration.ofSeconds(budgetSeconds)).build()).build();
    } catch (IllegalArgumentException e) {
      err.println("netdoctor serve: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    NetdoctorServer server;
    try {
      server = NetdoctorServer.start(config);
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("netdoctor serve: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    out.println("netdoctor serving on " + server.uri() + "/ (diagnostics page), "
        + server.uri() + "/api/system/network/diagnostics, /metrics, /probe"
        + (secret.isPresent() ? "; token required" : "") + (allowAnyTarget ? "; /probe reaches any target" : ""));
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "netdoctor-serve-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return ExitCode.OK;
  }

  /**
   * Jetty and Javalin log every start-up step; without a logging configuration of the user's own, only warnings
   * and errors are shown.
   */
  private static void quietLibraryLogs() {
    if (System.getProperty("logback.configurationFile") != null) return;
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  private Optional<Secret> tokenValue() {
    if (token != null && token.length > 0) return Optional.of(Secret.of(new String(token)));
    String v = env.apply(TOKEN_VARIABLE);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(Secret.of(v.trim()));
  }
}
