package dev.netdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  static JsonNode check(JsonNode doc, String check, String target) {
    for (JsonNode c : doc.at("/report/checks")) {
      if (c.get("check").asText().equals(check) && c.get("target").asText().equals(target)) return c;
    }
    throw new AssertionError("no check " + check + " for " + target + " in " + doc.at("/report/checks"));
  }

  @Test
  void diagnosisIsVersionedJsonWithEveryCheckAndTheFailureCodeLinkedToItsGuide() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      HttpResponse<String> r = f.get("/api/system/network/diagnostics");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      JsonNode doc = JSON.readTree(r.body());
      assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
      assertThat(doc.at("/report/schema").asText()).isEqualTo("netdoctor.report/1");
      assertThat(doc.get("healthy").asBoolean()).isFalse();
      assertThat(check(doc, "http", "Local").get("status").asText()).isEqualTo("PASS");
      JsonNode refused = check(doc, "tcp-ipv4", "Broken");
      assertThat(refused.get("status").asText()).isEqualTo("FAIL");
      assertThat(refused.get("code").asText()).isEqualTo("NET008");
      assertThat(doc.at("/guides/NET008").asText()).isNotEmpty();
      assertThat(doc.get("markdown").asText()).contains("# netdoctor report").contains("NET008");
      assertThat(doc.at("/report/findings")).anySatisfy(fd -> assertThat(fd.get("code").asText()).isEqualTo("NET008"));
    }
  }

  @Test
  void aFinishedDiagnosisIsReusedWithinItsTimeAndFreshForcesANewRun() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b.cacheTtl(Duration.ofMinutes(5)))) {
      JsonNode first = JSON.readTree(f.get("/api/system/network/diagnostics").body());
      JsonNode second = JSON.readTree(f.get("/api/system/network/diagnostics").body());
      int requestsAfterTwo = f.providerRequests.get();
      JsonNode fresh = JSON.readTree(f.get("/api/system/network/diagnostics?fresh=true").body());

      assertThat(first.get("reused").asBoolean()).isFalse();
      assertThat(second.get("reused").asBoolean()).isTrue();
      assertThat(second.at("/report/startedAt")).isEqualTo(first.at("/report/startedAt"));
      assertThat(fresh.get("reused").asBoolean()).isFalse();
      assertThat(fresh.at("/report/startedAt")).isNotEqualTo(first.at("/report/startedAt"));
      assertThat(f.providerRequests.get()).isGreaterThan(requestsAfterTwo);
    }
  }

  @Test
  void concurrentRequestsShareTheRunInFlight() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b.cacheTtl(Duration.ZERO))) {
      f.providerDelay = Duration.ofMillis(400); // keeps the run in flight while the requests arrive
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          answers.add(CompletableFuture.supplyAsync(() -> {
            try {
              return f.get("/api/system/network/diagnostics").body();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }, pool));
        }
        Set<String> runs = new HashSet<>();
        for (CompletableFuture<String> a : answers) runs.add(JSON.readTree(a.get(30, TimeUnit.SECONDS)).at("/report/startedAt").asText());
        int oneRunRequests = f.providerRequests.get();

        assertThat(runs).hasSize(1);
        // One more run doubles the provider's requests: the six answers above cost exactly one run.
        f.get("/api/system/network/diagnostics");
        assertThat(f.providerRequests.get()).isEqualTo(2 * oneRunRequests);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void progressListsTheChecksOfTheRun() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      f.get("/api/system/network/diagnostics");
      JsonNode p = JSON.readTree(f.get("/api/system/network/diagnostics/progress").body());

      assertThat(p.get("running").asBoolean()).isFalse();
      assertThat(p.get("finished")).anySatisfy(c -> {
        assertThat(c.get("check").asText()).isEqualTo("tcp-ipv4");
        assertThat(c.get("target").asText()).isEqualTo("Broken");
        assertThat(c.get("status").asText()).isEqualTo("fail");
      });
    }
  }
}
