package dev.netdoctor.probe;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Everything outside the JVM a probe touches, injectable so tests need no sleeps and no luck.
 *
 * @param resolver the "system" resolver
 * @param clock wall clock, for certificate expiry and clock skew
 * @param ticker nanosecond ticker, for timings and the budget
 * @param processes runs FFmpeg, tracepath and the like
 * @param environment environment variables (proxy variables, PATH, API keys)
 * @param systemProperties Java system properties (proxy properties, trust store)
 * @param resolvConf the resolver configuration file ({@code /etc/resolv.conf})
 * @param hostsFile the hosts file ({@code /etc/hosts})
 */
public record ProbeEnvironment(
    HostResolver resolver,
    Clock clock,
    LongSupplier ticker,
    ProcessRunner processes,
    Map<String, String> environment,
    Map<String, String> systemProperties,
    Path resolvConf,
    Path hostsFile) {

  public ProbeEnvironment {
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(processes, "processes");
    environment = Map.copyOf(environment);
    systemProperties = Map.copyOf(systemProperties);
    Objects.requireNonNull(resolvConf, "resolvConf");
    Objects.requireNonNull(hostsFile, "hostsFile");
  }

  /** This machine. */
  public static ProbeEnvironment system() {
    Map<String, String> props = new java.util.HashMap<>();
    System.getProperties().stringPropertyNames().forEach(n -> props.put(n, System.getProperty(n)));
    boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    Path hosts = windows ? Path.of(System.getenv().getOrDefault("SystemRoot", "C:\\Windows"),
        "System32", "drivers", "etc", "hosts") : Path.of("/etc/hosts");
    return new ProbeEnvironment(HostResolver.SYSTEM, Clock.systemUTC(), System::nanoTime, ProcessRunner.SYSTEM,
        System.getenv(), props, Path.of("/etc/resolv.conf"), hosts);
  }

  public ProbeEnvironment withResolver(HostResolver r) {
    return new ProbeEnvironment(r, clock, ticker, processes, environment, systemProperties, resolvConf, hostsFile);
  }

  public ProbeEnvironment withClock(Clock c) {
    return new ProbeEnvironment(resolver, c, ticker, processes, environment, systemProperties, resolvConf, hostsFile);
  }

  public ProbeEnvironment withProcesses(ProcessRunner p) {
    return new ProbeEnvironment(resolver, clock, ticker, p, environment, systemProperties, resolvConf, hostsFile);
  }

  public ProbeEnvironment withEnvironment(Map<String, String> env) {
    return new ProbeEnvironment(resolver, clock, ticker, processes, env, systemProperties, resolvConf, hostsFile);
  }

  public ProbeEnvironment withFiles(Path resolvConf, Path hostsFile) {
    return new ProbeEnvironment(resolver, clock, ticker, processes, environment, systemProperties, resolvConf,
        hostsFile);
  }
}
