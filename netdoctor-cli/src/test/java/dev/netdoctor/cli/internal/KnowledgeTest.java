package dev.netdoctor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;

class KnowledgeTest {
  @Test
  void theFastTitleOfEveryShippedGuideIsTheKnowledgeBasesTitle() {
    for (Guide guide : KnowledgeBase.builtIn().all()) {
      assertThat(Knowledge.guideTitle(guide.id())).as(guide.id()).contains(guide.title());
    }
  }

  @Test
  void anUnknownGuideHasNoTitle() {
    assertThat(Knowledge.guideTitle("no-such-guide")).isEmpty();
    assertThat(Knowledge.guideTitle("../codes")).isEmpty();
  }

  @Test
  void anApplicationAliasResolvesThroughTheGuides() {
    assertThat(Knowledge.findCode("AI101-NET-001")).map(c -> c.id()).contains("NET005");
    assertThat(Knowledge.findCode("NOPE-1")).isEmpty();
  }
}
