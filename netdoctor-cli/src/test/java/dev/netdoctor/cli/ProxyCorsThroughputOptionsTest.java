package dev.netdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.SocksServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code probe --proxy socks5h://}, {@code doctor --cors-*} and the throughput options, end to end. */
class ProxyCorsThroughputOptionsTest {
  @TempDir Path dir;

  private static Run run(String... args) {
    return Run.with(new ByteArrayInputStream(new byte[0]), Map.of("PATH", ""), false, args);
  }

  @Test
  void probeThroughASocksProxyGivenOnTheCommandLineNeverShowsItsPassword() throws Exception {
    try (SocksServer socks = SocksServer.withPassword("alice", "Cli-s0cks-secret"); MockWebServer origin = new MockWebServer()) {
      origin.enqueue(new MockResponse.Builder().body("{}").build());
      origin.start(java.net.InetAddress.getByName("127.0.0.1"), 0);

      Run r = run("probe", "--budget", "5s", "--proxy",
          "socks5h://alice:Cli-s0cks-secret@127.0.0.1:" + socks.port(), "http://127.0.0.1:" + origin.getPort() + "/v1");

      assertThat(r.exit).as(r.toString()).isZero();
      assertThat(r.out).contains("SOCKS5h proxy 127.0.0.1:" + socks.port()).doesNotContain("Cli-s0cks-secret");
      assertThat(r.err).doesNotContain("Cli-s0cks-secret");
      assertThat(socks.requests()).contains("CONNECT 127.0.0.1:" + origin.getPort() + " domain");
    }
  }

  @Test
  void socksProxyThatIsNotListeningIsNet011() throws Exception {
    int closed = FaultPorts.closedPort();

    Run r = run("probe", "--budget", "3s", "--proxy", "socks5://127.0.0.1:" + closed, "http://127.0.0.1:1/");

    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("NET011/refused");
  }

  @Test
  void unknownProxySchemeIsBadInputNamingTheOption() {
    Run r = run("probe", "--proxy", "ftp://127.0.0.1:21", "http://127.0.0.1:1/");

    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--proxy 'ftp://127.0.0.1:21'").contains("socks5h://");
  }

  @Test
  void badCorsMethodOrHeaderIsBadInputNamingIt() {
    Run method = run("doctor", "--cors-method", "PO ST");
    Run header = run("doctor", "--cors-header", "x:y");

    assertThat(method.exit).isEqualTo(2);
    assertThat(method.err).contains("--cors-method").contains("'PO ST'");
    assertThat(header.exit).isEqualTo(2);
    assertThat(header.err).contains("'x:y'");
  }

  @Test
  void doctorWithoutAThroughputUrlSaysTheCheckWasNotMeasured() throws Exception {
    try (MockWebServer provider = new MockWebServer()) {
      provider.enqueue(new MockResponse.Builder().body("{}").build());
      provider.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      Path s = dir.resolve("appsettings.json");
      Files.writeString(s, "{ \"Providers\": { \"Local\": { \"Type\": \"OpenAICompatible\", \"BaseUrl\": "
          + "\"http://127.0.0.1:" + provider.getPort() + "/v1\" } } }\n");

      Run r = run("doctor", "--settings", s.toString(), "--provider", "Local", "--no-path");

      assertThat(r.out).as(r.toString()).contains("throughput").contains("not measured").contains("--throughput-url");
    }
  }
}
