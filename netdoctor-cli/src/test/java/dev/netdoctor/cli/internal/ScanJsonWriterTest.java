package dev.netdoctor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanJsonWriterTest {
  private static Finding finding(long line, String host) {
    return new Finding("a.log", line, "NET002", null, host, null, "text \"quoted\"\n", null);
  }

  private static JsonNode write(long max, Finding... findings) throws Exception {
    StringWriter text = new StringWriter();
    ScanJsonWriter writer = new ScanJsonWriter(new PrintWriter(text), max);
    FindingGroups groups = new FindingGroups();
    for (Finding f : findings) {
      groups.add(f);
      writer.finding(f);
    }
    writer.finish(new ScanTotals(List.of(new ScanTotals.InputTotals("a.log", 10, 100)), groups, 1_500_000));
    return new ObjectMapper().readTree(text.toString());
  }

  @Test
  void writesFindingsThenSummaryWithNullsForWhatIsUnknown() throws Exception {
    JsonNode json = write(Long.MAX_VALUE, finding(3, "h.example"), finding(7, null));
    assertThat(json.fieldNames()).toIterable().containsExactly("findings", "summary");
    JsonNode first = json.get("findings").get(0);
    assertThat(first.get("cause").isNull()).isTrue();
    assertThat(first.get("timestamp").isNull()).isTrue();
    assertThat(first.get("evidence").isNull()).isTrue();
    assertThat(first.get("text").asText()).isEqualTo("text \"quoted\"\n");
    assertThat(json.get("findings").get(1).get("host").isNull()).isTrue();
    JsonNode summary = json.get("summary");
    assertThat(summary.get("failures").asLong()).isEqualTo(2);
    assertThat(summary.get("seconds").asDouble()).isEqualTo(0.002);
    assertThat(summary.get("groups")).hasSize(2);
    assertThat(summary.get("groups").get(0).get("first").get("line").asLong()).isIn(3L, 7L);
  }

  @Test
  void maxFindingsLimitsWhatIsWrittenNotWhatIsCounted() throws Exception {
    JsonNode json = write(1, finding(1, "a.example"), finding(2, "a.example"), finding(3, "a.example"));
    assertThat(json.get("findings")).hasSize(1);
    assertThat(json.get("summary").get("findingsWritten").asLong()).isEqualTo(1);
    assertThat(json.get("summary").get("findingsOmitted").asLong()).isEqualTo(2);
    assertThat(json.get("summary").get("groups").get(0).get("count").asLong()).isEqualTo(3);
  }

  @Test
  void noFindingsIsStillAValidDocument() throws Exception {
    JsonNode json = write(Long.MAX_VALUE);
    assertThat(json.get("findings")).isEmpty();
    assertThat(json.get("summary").get("groups")).isEmpty();
  }
}
