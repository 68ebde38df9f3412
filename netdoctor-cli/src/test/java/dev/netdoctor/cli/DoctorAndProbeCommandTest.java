package dev.netdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.TestPki;
import dev.netdoctor.testing.TlsFault;
import dev.netdoctor.testing.TlsServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} and {@code probe} end to end, in-process, against loopback servers only. */
class DoctorAndProbeCommandTest {
  private static final String KEY = "sk-proj-CliTestKey0123456789abcdefghijklmnop";
  @TempDir Path dir;
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        boolean keyed = request.getHeaders().get("Authorization") != null;
        return new MockResponse.Builder().code(keyed ? 401 : 200)
            .body(keyed ? "{\"error\":{\"code\":\"invalid_api_key\"}}" : "{}").build();
      }
    });
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Run run(String... args) {
    return Run.with(new ByteArrayInputStream(new byte[0]), Map.of("PATH", ""), false, args);
  }

  private Path settings(String providerJson) throws Exception {
    Path file = dir.resolve("appsettings.json");
    Files.writeString(file, "{\n  // loopback only\n  \"Providers\": {\n" + providerJson + "\n  }\n}\n");
    return file;
  }

  @Test
  void doctorOnAHealthyLocalProviderExitsZeroWithASummaryLine() throws Exception {
    Path s = settings("    \"Local\": { \"Type\": \"OpenAICompatible\", \"BaseUrl\": \"http://127.0.0.1:" + server.getPort()
        + "/v1\" }");

    Path ffmpeg = dir.resolve("ffmpeg");
    Files.writeString(ffmpeg, "#!/bin/sh\necho 'ffmpeg version 6.1-test Copyright (c) 2000-2024'\n");
    ffmpeg.toFile().setExecutable(true);

    Run r = Run.with(new ByteArrayInputStream(new byte[0]), Map.of("PATH", dir.toString()), false,
        "doctor", "--settings", s.toString(), "--provider", "Local", "--no-path");

    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("[✓] http").contains("ffmpeg 6.1-test").contains("no problems found");
  }

  @Test
  void doctorNamesARejectedKeyAndExitsOneWithoutPrintingTheKey() throws Exception {
    Path s = settings("    \"Local\": { \"Type\": \"OpenAICompatible\", \"BaseUrl\": \"http://127.0.0.1:" + server.getPort()
        + "/v1\", \"ApiKey\": \"" + KEY + "\" }");

    for (String format : new String[] {"text", "json", "markdown"}) {
      Run r = run("doctor", "--settings", s.toString(), "--provider", "local", "--no-path", "--format", format);

      assertThat(r.exit).as(r.toString()).isEqualTo(1);
      assertThat(r.out).contains("AUTH002").doesNotContain(KEY).doesNotContain("CliTestKey");
    }
  }

  @Test
  void onATerminalEachCheckIsPrintedOnceAsItFinishesThenTheVerdict() throws Exception {
    Path s = settings("    \"Local\": { \"Type\": \"OpenAICompatible\", \"BaseUrl\": \"http://127.0.0.1:" + server.getPort()
        + "/v1\" }");

    Run r = Run.with(new ByteArrayInputStream(new byte[0]), Map.of("PATH", "", "NO_COLOR", "1"), true,
        "doctor", "--settings", s.toString(), "--provider", "Local", "--no-path");

    assertThat(r.out.split("\\[✓\\] http ", -1)).as(r.out).hasSize(2);
    assertThat(r.out.indexOf("[✓] http")).isLessThan(r.out.indexOf("✗ TOOL001/not-found (FfmpegMissing)"));
    assertThat(r.out.strip()).endsWith("budget");
  }

  @Test
  void copyPutsTheRedactedMarkdownBundleOnTheClipboard() throws Exception {
    Path s = settings("    \"Local\": { \"Type\": \"OpenAICompatible\", \"BaseUrl\": \"http://127.0.0.1:" + server.getPort()
        + "/v1\", \"ApiKey\": \"" + KEY + "\" }");
    Path clipboard = dir.resolve("clipboard.txt");
    Path xclip = dir.resolve("xclip");
    Files.writeString(xclip, "#!/bin/sh\ncat > '" + clipboard + "'\n");
    xclip.toFile().setExecutable(true);

    Run r = Run.with(new ByteArrayInputStream(new byte[0]), Map.of("PATH", dir.toString()), false,
        "doctor", "--settings", s.toString(), "--provider", "Local", "--no-path", "--copy");

    assertThat(r.err).contains("on the clipboard (xclip)");
    String bundle = Files.readString(clipboard);
    assertThat(bundle).startsWith("# netdoctor report").contains("## Settings").contains("AUTH002")
        .contains("set (" + KEY.length() + " characters)").doesNotContain(KEY);
  }

  @Test
  void probeJsonIsTheStableReportDocument() throws Exception {
    int closed = FaultPorts.closedPort();

    Run r = run("probe", "--format", "json", "--budget", "3s", "http://127.0.0.1:" + closed + "/v1/models");

    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out);
    assertThat(json.path("schema").asText()).isEqualTo("netdoctor.report/1");
    assertThat(json.path("findings").get(0).path("code").asText()).isEqualTo("NET008");
    assertThat(json.path("findings").get(0).path("cause").asText()).isEqualTo("port-closed");
    assertThat(json.path("checks").findValuesAsText("check")).contains("dns", "tcp-ipv4", "http");
  }

  @Test
  void probeShowsEveryPhaseTheChainAndTimings() throws Exception {
    TestPki pki = TestPki.create();
    Path ca = dir.resolve("ca.pem");
    Files.writeString(ca, certificatePem(pki));
    try (TlsServer tls = TlsServer.start(pki, TlsFault.NONE)) {
      Run r = run("probe", "--cacert", ca.toString(), "--resolve", "localhost:" + tls.port() + ":127.0.0.1",
          "https://localhost:" + tls.port() + "/v1/models");

      assertThat(r.exit).as(r.toString()).isZero();
      assertThat(r.out).contains("[✓] tls").contains("chain 0: CN=localhost").contains("chain 1: CN=netdoctor Test Intermediate CA")
          .contains("timings (from start): dns").contains("first byte").contains("--resolve")
          .contains("tls engine (timed exchange): BoringSSL (Conscrypt ");
    }
  }

  @Test
  void probeWithInsecureSaysSoAndStillNamesTheChainProblem() throws Exception {
    try (TlsServer tls = TlsServer.start(TestPki.create(), TlsFault.EXPIRED)) {
      Run r = run("probe", "-k", "https://localhost:" + tls.port() + "/");

      assertThat(r.out).as(r.toString()).contains("NET009/").contains("--insecure");
    }
  }

  @Test
  void badInputExitsTwoNamingWhatIsWrong() throws Exception {
    assertThat(run("probe", "ftp://example.invalid/").err).contains("expected an http:// or https:// URL");
    assertThat(run("probe", "ftp://example.invalid/").exit).isEqualTo(2);
    assertThat(run("probe", "--budget", "soon", "http://127.0.0.1:1/").err).contains("--budget 'soon'");
    assertThat(run("probe", "--resolve", "nohostport", "http://127.0.0.1:1/").err).contains("HOST:PORT:ADDRESS");
    assertThat(run("probe", "-4", "-6", "http://127.0.0.1:1/").err).contains("-4 and -6");
    assertThat(run("doctor", "--settings", dir.resolve("missing.json").toString()).exit).isEqualTo(2);
    Path s = settings("    \"Local\": { \"BaseUrl\": \"http://127.0.0.1:1/v1\" }");
    Run unknown = run("doctor", "--settings", s.toString(), "--provider", "Nope");
    assertThat(unknown.exit).isEqualTo(2);
    assertThat(unknown.err).contains("--provider Nope").contains("Local");
  }

  private static String certificatePem(TestPki pki) {
    return okhttp3.tls.Certificates.certificatePem(pki.root());
  }
}
