package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.settings.Cors;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.TlsVersion;
import dev.netdoctor.core.settings.Tools;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Settings, FFmpeg, clock skew and path (throughput: ThroughputProbeTest). */
class MachineProbesTest {
  private final ProbeFixture fx = new ProbeFixture();

  private CheckResult settings(Settings s) {
    return new SettingsProbe().run(fx.context(s, null, fx.options().build()));
  }

  @SuppressWarnings("unchecked")
  private static List<String> problems(CheckResult r) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) r.facts().get("problems")) {
      out.add(p.get("code") + "/" + p.get("cause"));
    }
    return out;
  }

  @Test
  void defaultSettingsHaveNoProblem() {
    CheckResult r = settings(Settings.defaults(fx.dir));

    assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    assertThat(problems(r)).isEmpty();
  }

  @Test
  void ignoreSslErrorsAndWeakTlsAreWarnings() {
    Settings d = Settings.defaults(fx.dir);
    Settings s = d.toBuilder().network(d.network().toBuilder().ignoreSslErrors(true)
        .minimumTlsVersion(TlsVersion.TLS10).allowedTlsVersions(List.of(TlsVersion.TLS10, TlsVersion.TLS12)).build())
        .build();

    CheckResult r = settings(s);

    assertThat(r.status()).isEqualTo(CheckStatus.WARN);
    assertThat(problems(r)).containsExactly("CFG003/ignore-ssl-errors", "CFG006/min-version-too-low");
  }

  @Test
  void originsWithTrailingSlashPathOrNoSchemeAreEachNamed() {
    Settings s = Settings.defaults(fx.dir).toBuilder()
        .cors(new Cors(List.of("http://localhost:5173/", "localhost:3000", "http://localhost:8080/app", "app://.")))
        .build();

    CheckResult r = settings(s);

    assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(problems(r)).containsExactly("CFG002/trailing-slash", "CFG002/missing-scheme", "CFG002/path");
    assertThat(r.evidence().get(0)).contains("http://localhost:5173");
  }

  @Test
  void proxyVariableWithoutLoopbackInNoProxyIsFlagged() {
    fx.environment = Map.of("HTTP_PROXY", "http://proxy.corp.invalid:3128", "NO_PROXY", "internal.corp.invalid");

    Settings d = Settings.defaults(fx.dir);
    Settings noBypass = d.toBuilder().network(d.network().toBuilder().proxyBypass(List.of()).build()).build();

    assertThat(problems(settings(d))).as("the default ProxyBypass keeps loopback direct").isEmpty();
    CheckResult r = settings(noBypass);
    assertThat(problems(r)).containsExactly("CFG005/no-proxy-missing-loopback");
    assertThat(r.evidence().get(0)).contains("NO_PROXY");
  }

  @Test
  void ffmpegVersionIsReadThroughTheProcessRunner() throws Exception {
    Path exe = Files.createFile(fx.dir.resolve("ffmpeg"));
    exe.toFile().setExecutable(true);
    List<List<String>> ran = new ArrayList<>();
    fx.processes = (cmd, timeout) -> {
      ran.add(cmd);
      return new ProcessRunner.Result(0, "ffmpeg version 6.1.1-3 Copyright (c) 2000-2023\nbuilt with gcc\n", false);
    };
    Settings s = Settings.defaults(fx.dir).toBuilder().tools(new Tools(Optional.of(exe))).build();

    CheckResult r = new ToolsProbe().run(fx.context(s, null, fx.options().build()));

    assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    assertThat(r.fact("version")).isEqualTo("6.1.1-3");
    assertThat(ran).containsExactly(List.of(exe.toString(), "-version"));
  }

  @Test
  void ffmpegMissingFromPathIsTool001NotFound() throws Exception {
    fx.environment = Map.of("PATH", fx.dir.toString());

    CheckResult r = new ToolsProbe().run(fx.context(Settings.defaults(fx.dir), null, fx.options().build()));

    assertThat(r.code() + "/" + r.cause()).isEqualTo("TOOL001/not-found");
  }

  @Test
  void ffmpegThatExitsWithAnErrorIsBroken() throws Exception {
    Path exe = Files.createFile(fx.dir.resolve("ffmpeg"));
    exe.toFile().setExecutable(true);
    fx.environment = Map.of("PATH", fx.dir.toString());
    fx.processes = (cmd, timeout) -> new ProcessRunner.Result(127, "error while loading shared libraries", false);

    CheckResult r = new ToolsProbe().run(fx.context(Settings.defaults(fx.dir), null, fx.options().build()));

    assertThat(r.code() + "/" + r.cause()).isEqualTo("TOOL001/broken");
  }

  @Test
  void serverDateFarBehindThisClockIsClockSkewAhead() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Date", "Sun, 22 Nov 2026 05:00:00 GMT").build());
      server.start();
      fx.clock = Clock.fixed(Instant.parse("2026-11-22T05:10:00Z"), ZoneOffset.UTC);
      ProbeContext ctx = fx.context(Target.url(URI.create(server.url("/").toString())));

      CheckResult r = ProbeFixture.runUpTo(ctx, "clock");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET015/ahead");
      assertThat(r.longFact("skewSeconds", 0)).isEqualTo(600);
    }
  }

  @Test
  void pathWithoutAnyTracerouteToolSaysNotAvailable() throws Exception {
    ProbeContext ctx = fx.context(Settings.defaults(fx.dir), Target.url(URI.create("https://localhost/")),
        fx.options().path(true).build());

    CheckResult r = new PathProbe().run(ctx);

    assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(r.summary()).startsWith("not available");
  }

  @Test
  void pathUsesTracepathWhenInstalled() throws Exception {
    Path exe = Files.createFile(fx.dir.resolve("tracepath"));
    exe.toFile().setExecutable(true);
    fx.environment = Map.of("PATH", fx.dir.toString());
    fx.processes = (cmd, timeout) -> new ProcessRunner.Result(0,
        " 1?: [LOCALHOST]     pmtu 65535\n 1:  127.0.0.1    0.050ms reached\n     Resume: pmtu 65535 hops 1 back 1\n",
        false);
    ProbeContext ctx = fx.context(Settings.defaults(fx.dir), Target.url(URI.create("https://localhost/")),
        fx.options().path(true).build());

    CheckResult r = new PathProbe().run(ctx);

    assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    assertThat(r.fact("tool")).isEqualTo("tracepath");
    assertThat((List<?>) r.facts().get("hops")).hasSize(2);
  }
}
