package dev.netdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET_KEY = "sk-proj-Zq8XyW3vU9tS2rQ7pO6nM5lK4jI1hG0f";

  @TempDir Path dir;

  private static final String LOG = String.join("\n",
      "2026-11-22T05:00:00.000Z INFO  request served in 120 ms",
      "2026-11-22T05:00:01.000Z ERROR call failed: Error: getaddrinfo ENOTFOUND api.openai.com",
      "2026-11-22T05:00:02.000Z INFO  cache warm",
      "2026-11-22T04:59:00.000Z ERROR call failed: Error: getaddrinfo ENOTFOUND api.openai.com",
      "2026-11-22T05:00:03.000Z ERROR upstream: Error: connect ECONNREFUSED 127.0.0.1:11434",
      "2026-11-22T05:00:04.000Z INFO  done",
      "");

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void groupsFailuresByCodeCauseAndHostWithCountsAndFirstAndLastSeen() throws IOException {
    Run run = Run.of("scan", write("app.log", LOG).toString());
    assertThat(run.exit).as(run.toString()).isEqualTo(ExitCode.PROBLEMS);
    String dnsRow = run.out.lines().filter(l -> l.startsWith("NET002")).findFirst().orElseThrow();
    assertThat(dnsRow).contains("nxdomain").contains("api.openai.com").contains(" 2 ")
        .contains("2026-11-22T04:59Z").contains("2026-11-22T05:00:01Z");
    assertThat(run.out.lines().filter(l -> l.startsWith("NET008") && l.contains("port-closed")))
        .singleElement().asString().contains("127.0.0.1").contains(" 1 ");
    assertThat(run.out).contains("NET008  Connection refused");
    assertThat(run.out).contains("3 failures in 2 groups").contains("6 lines");
  }

  @Test
  void jsonStreamsEveryFindingThenTheSummary() throws IOException {
    Path log = write("app.log", LOG);
    Run run = Run.of("scan", "--format", "json", log.toString());
    assertThat(run.exit).isEqualTo(ExitCode.PROBLEMS);
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.get("findings")).hasSize(3);
    JsonNode first = json.get("findings").get(0);
    assertThat(first.get("file").asText()).isEqualTo(log.toString());
    assertThat(first.get("line").asLong()).isEqualTo(2);
    assertThat(first.get("code").asText()).isEqualTo("NET002");
    assertThat(first.get("cause").asText()).isEqualTo("nxdomain");
    assertThat(first.get("host").asText()).isEqualTo("api.openai.com");
    assertThat(first.get("timestamp").asText()).isEqualTo("2026-11-22T05:00:01Z");
    assertThat(first.get("text").asText()).contains("getaddrinfo ENOTFOUND api.openai.com");
    assertThat(first.get("evidence").asText()).isNotBlank();
    JsonNode summary = json.get("summary");
    assertThat(summary.get("lines").asLong()).isEqualTo(6);
    assertThat(summary.get("failures").asLong()).isEqualTo(3);
    assertThat(summary.get("groups")).hasSize(2);
    assertThat(summary.get("groups").get(0).get("count").asLong()).isEqualTo(2);
    assertThat(summary.get("groups").get(0).get("first").get("line").asLong()).isEqualTo(4);
  }

  @Test
  void maxFindingsCapsTheListButEveryFailureIsCounted() throws IOException {
    Run run = Run.of("scan", "--format", "json", "--max-findings", "1", write("app.log", LOG).toString());
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.get("findings")).hasSize(1);
    assertThat(json.get("summary").get("failures").asLong()).isEqualTo(3);
    assertThat(json.get("summary").get("findingsOmitted").asLong()).isEqualTo(2);
  }

  @Test
  void aCleanLogExitsZero() throws IOException {
    Run run = Run.of("scan", write("ok.log", "INFO all good\nINFO still good\n").toString());
    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).contains("No network failures found in 2 lines");
  }

  @Test
  void gzipIsReadTransparentlyWhateverItsName() throws IOException {
    Path gz = dir.resolve("rotated.1");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(LOG.getBytes(StandardCharsets.UTF_8));
    }
    Run run = Run.of("scan", "--format", "json", gz.toString());
    assertThat(JSON.readTree(run.out).get("summary").get("failures").asLong()).isEqualTo(3);
  }

  @Test
  void stdinIsScanned() {
    Run run = Run.withStdin(LOG, "scan", "-");
    assertThat(run.exit).isEqualTo(ExitCode.PROBLEMS);
    assertThat(run.out).contains("3 failures");
  }

  @Test
  void aTenMegabyteSingleLineIsScannedWithoutHoldingIt() throws IOException {
    char[] filler = new char[10 * 1024 * 1024];
    Arrays.fill(filler, 'x');
    String content = "Error: getaddrinfo ENOTFOUND api.openai.com " + new String(filler) + "\n"
        + "INFO fine\n" + "Error: connect ECONNREFUSED 127.0.0.1:8080\n";
    Run run = Run.of("scan", "--format", "json", write("huge.log", content).toString());
    assertThat(run.exit).as(run.err).isEqualTo(ExitCode.PROBLEMS);
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.get("findings")).extracting(f -> f.get("line").asLong()).containsExactly(1L, 3L);
    assertThat(json.get("findings").get(0).get("text").asText().length()).isLessThan(2100);
    assertThat(json.get("summary").get("lines").asLong()).isEqualTo(3);
  }

  @Test
  void secretsInLogLinesNeverReachTheOutput() throws IOException {
    String log = "ERROR openai call failed: Error: getaddrinfo ENOTFOUND api.openai.com key=" + SECRET_KEY + "\n"
        + "ERROR via http://build:Hunter2pass@proxy.corp.example:3128 Error: connect ECONNREFUSED 10.0.0.1:3128\n";
    Path file = write("secret.log", log);
    for (String format : new String[] {"text", "json", "markdown"}) {
      Run run = Run.of("scan", "--format", format, file.toString());
      assertThat(run.exit).as(run.toString()).isEqualTo(ExitCode.PROBLEMS);
      assertThat(run.out + run.err).as(format).doesNotContain("Zq8XyW3vU9tS2rQ7").doesNotContain("Hunter2pass");
    }
    assertThat(Run.of("scan", "--format", "json", file.toString()).out).contains("getaddrinfo ENOTFOUND");
  }

  @Test
  void workerThreadsChangeNothingButTheSpeed() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      if (i % 97 == 0) sb.append("2026-11-22T05:00:00Z ERROR Error: getaddrinfo ENOTFOUND h").append(i % 7)
          .append(".example.com\n");
      else if (i % 89 == 0) sb.append("ERROR Error: connect ECONNREFUSED 127.0.0.1:").append(i).append('\n');
      else sb.append("2026-11-22T05:00:00Z INFO request ").append(i).append(" served in 12 ms\n");
    }
    Path log = write("big.log", sb.toString());
    JsonNode one = JSON.readTree(Run.of("scan", "--format", "json", "--threads", "1", log.toString()).out);
    JsonNode four = JSON.readTree(Run.of("scan", "--format", "json", "--threads", "4", log.toString()).out);
    assertThat(four.get("findings")).isEqualTo(one.get("findings"));
    assertThat(four.get("summary").get("groups")).isEqualTo(one.get("summary").get("groups"));
    assertThat(one.get("findings").size()).isGreaterThan(1000);
  }

  @Test
  void markdownIsATableToPaste() throws IOException {
    Run run = Run.of("scan", "--format", "markdown", write("app.log", LOG).toString());
    assertThat(run.out).contains("| CODE | CAUSE | HOST | COUNT | FIRST SEEN | LAST SEEN |")
        .contains("| `NET002` | nxdomain | api.openai.com | 2 |").doesNotContain("\u001b[");
  }
}
