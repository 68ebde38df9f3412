package dev.netdoctor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingGroupsTest {
  private static Finding at(String code, String host, long line, String time) {
    return new Finding("app.log", line, code, "nxdomain", host,
        time == null ? null : Timestamps.find(time).orElseThrow(), "text", null);
  }

  @Test
  void groupsByCodeCauseAndHostMostFrequentFirst() {
    FindingGroups groups = new FindingGroups();
    groups.add(at("NET002", "a.example", 1, null));
    groups.add(at("NET002", "b.example", 2, null));
    groups.add(at("NET002", "b.example", 3, null));
    List<FindingGroups.Group> sorted = groups.sorted();
    assertThat(sorted).extracting(FindingGroups.Group::host).containsExactly("b.example", "a.example");
    assertThat(sorted.get(0).count()).isEqualTo(2);
    assertThat(groups.findings()).isEqualTo(3);
  }

  @Test
  void firstAndLastGoByTheLinesTimesNotTheirOrder() {
    FindingGroups groups = new FindingGroups();
    groups.add(at("NET004", "h.example", 1, "2026-11-22T05:00:00Z"));
    groups.add(at("NET004", "h.example", 2, "2026-11-22T04:00:00Z"));
    groups.add(at("NET004", "h.example", 3, "2026-11-22T06:00:00Z"));
    groups.add(at("NET004", "h.example", 4, "2026-11-22T05:30:00Z"));
    FindingGroups.Group g = groups.sorted().get(0);
    assertThat(g.first().display()).isEqualTo("2026-11-22T04:00Z");
    assertThat(g.last().display()).isEqualTo("2026-11-22T06:00Z");
  }

  @Test
  void withoutTimesFirstAndLastAreFileAndLine() {
    FindingGroups groups = new FindingGroups();
    groups.add(at("NET008", null, 7, null));
    groups.add(at("NET008", null, 9, null));
    FindingGroups.Group g = groups.sorted().get(0);
    assertThat(g.first().display()).isEqualTo("app.log:7");
    assertThat(g.last().display()).isEqualTo("app.log:9");
  }

  @Test
  void hostsBeyondTheCapAreCountedTogether() {
    FindingGroups groups = new FindingGroups();
    for (int i = 0; i < FindingGroups.MAX_GROUPS + 50; i++) groups.add(at("NET002", "h" + i + ".example", i, null));
    List<FindingGroups.Group> sorted = groups.sorted();
    assertThat(sorted).hasSize(FindingGroups.MAX_GROUPS + 1);
    assertThat(sorted.get(0).host()).isEqualTo(FindingGroups.OTHER_HOSTS);
    assertThat(sorted.get(0).count()).isEqualTo(50);
  }
}
