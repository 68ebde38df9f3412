package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.ProxyDecision;
import dev.netdoctor.core.settings.ProxySelection;
import dev.netdoctor.core.settings.Providers;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.testing.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds contexts and doctors over loopback: a fake "system" resolver, empty resolver config and hosts file. */
final class ProbeFixture {
  static final TestPki PKI = TestPki.create();

  final Map<String, List<InetAddress>> names = new HashMap<>();
  final Path dir;
  Map<String, String> environment = Map.of("PATH", "");
  HostResolver resolver = host -> {
    if (host.matches("[0-9.]+") || host.contains(":")) return List.of(InetAddress.getByName(host));
    List<InetAddress> a = names.get(host);
    if (a == null) throw new UnknownHostException(host + ": Name or service not known");
    return a;
  };
  Clock clock = Clock.systemUTC();
  ProcessRunner processes = ProcessRunner.SYSTEM;

  ProbeFixture() {
    try {
      dir = Files.createTempDirectory("netdoctor-probe-test");
      Files.writeString(dir.resolve("resolv.conf"), "# none\n");
      Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    name("localhost", "127.0.0.1");
  }

  ProbeFixture name(String host, String... ips) {
    names.put(host, java.util.Arrays.stream(ips).map(ProbeFixture::ip).toList());
    return this;
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  ProbeEnvironment env() {
    return new ProbeEnvironment(resolver, clock, System::nanoTime, processes, environment, Map.of(
        "os.name", "Linux", "java.home", System.getProperty("java.home")), dir.resolve("resolv.conf"),
        dir.resolve("hosts"));
  }

  ProbeOptions.Builder options() {
    return ProbeOptions.builder().trust(PKI.clientTrust().trustManager()).latencySamples(3).path(false);
  }

  ProbeContext context(Settings settings, Target target, ProbeOptions options) {
    ProxyDecision decision = options.proxy().isPresent()
        ? new ProxyDecision(Optional.of(options.proxy().get()), Optional.empty(), ProxyDecision.Origin.SETTINGS,
            "test")
        : ProxySelection.of(settings.network(), environment, Map.of())
            .select(target == null ? settings.backend().baseUrl() : target.url());
    return new ProbeContext(Optional.ofNullable(target), settings, Budget.of(options.budget()), env(), options,
        decision);
  }

  ProbeContext context(Target target) {
    return context(Settings.defaults(dir), target, options().build());
  }

  /** Runs the target's stages up to and including {@code last}, feeding each result to the context. */
  static CheckResult runUpTo(ProbeContext ctx, String last) throws InterruptedException {
    ProbeRegistry registry = ProbeRegistry.builtIn();
    for (List<String> stage : Doctor.TARGET_STAGES) {
      for (String name : stage) {
        CheckResult r = registry.require(name).run(ctx);
        ctx.record(r);
        if (name.equals(last)) return r;
      }
    }
    throw new IllegalArgumentException(last);
  }

  /** Settings whose only providers are these (name → base URL, key or null), all OpenAI-compatible. */
  Settings settingsWith(Map<String, String[]> providers) {
    Providers.Builder pb = Settings.defaults(dir).providers().toBuilder();
    for (ProviderKind k : ProviderKind.values()) {
      if (k != ProviderKind.OPENAI_COMPATIBLE) pb.remove(k.settingsName());
    }
    providers.forEach((name, v) -> pb.put(Provider.builder(name).kind(ProviderKind.OPENAI_COMPATIBLE)
        .baseUrl(URI.create(v[0])).apiKey(v.length > 1 && v[1] != null ? Optional.of(Secret.of(v[1]))
            : Optional.empty()).local(false).build()));
    return Settings.defaults(dir).toBuilder().providers(pb.build()).build();
  }
}
