package dev.netdoctor.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.codes.CodeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranking over the realistic fixture guides in {@code kb/valid}. */
class KnowledgeBaseSearchTest {
  private final KnowledgeBase kb =
      KnowledgeBase.fromDirectories(List.of(Fixtures.dir("valid")), CodeRegistry.builtIn());

  private List<String> ids(String query) {
    return kb.search(query, 10).stream().map(h -> h.guide().id()).toList();
  }

  @Test
  void proxy407RanksTheProxyAuthenticationGuideFirst() {
    List<SearchHit> hits = kb.search("proxy 407", 10);
    assertThat(hits.get(0).guide().errorCodes()).contains("NET010");
    assertThat(hits.get(1).guide().id()).isEqualTo("proxy-configuration");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
  }

  @Test
  void misspelledWordsStillFindTheConnectionGuides() {
    assertThat(ids("cant conect").subList(0, 2))
        .containsExactlyInAnyOrder("connection-refused", "connectivity-network-errors");
  }

  @Test
  void aMisspelledWordAndAnotherWordFormFindTheCertificateGuide() {
    assertThat(ids("certificat expired")).first().isEqualTo("certificate-validation-failed");
    assertThat(ids("expiring certificates")).first().isEqualTo("certificate-validation-failed");
  }

  @Test
  void aCodeRanksTheRegistrysGuideFirstInAnyForm() {
    assertThat(ids("NET002")).first().isEqualTo("dns-resolution-failed");
    assertThat(ids("net002_dnsresolutionfailed")).first().isEqualTo("dns-resolution-failed");
    assertThat(ids("why NET010?")).first().isEqualTo("proxy-authentication-failed");
  }

  @Test
  void anApplicationCodeFindsTheGuideThatDeclaresIt() {
    assertThat(ids("AI101-NET-002")).first().isEqualTo("connectivity-network-errors");
  }

  @Test
  void symptomsOutrankMentionsInTheBody() {
    assertThat(ids("too many requests")).first().isEqualTo("rate-limited");
    assertThat(ids("nodename nor servname provided")).first().isEqualTo("dns-resolution-failed");
  }

  @Test
  void numbersAreNotMatchedFuzzily() {
    // 408 is one edit from 407 and 401, but a status code is exact or nothing.
    assertThat(kb.search("408", 10)).isEmpty();
  }

  @Test
  void wordsThatMatchNothingFindNothing() {
    assertThat(kb.search("xylophone quartet", 10)).isEmpty();
    assertThat(kb.search("the and of", 10)).isEmpty();
    assertThat(kb.search("   ", 10)).isEmpty();
    assertThat(kb.search("\"(*&^%", 10)).isEmpty();
  }

  @Test
  void returnsAtMostTheLimitBestFirst() {
    List<SearchHit> hits = kb.search("connection", 3);
    assertThat(hits).hasSize(3);
    assertThat(hits).map(SearchHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
  }

  @Test
  void aPastedLogOfManyWordsAndCodesStaysWithinLucenesClauseLimit() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      log.append("connection").append(i % 2 == 0 ? "s " : " ").append("proxies").append(i).append(" certificats ")
          .append("conect").append((char) ('a' + i % 26)).append(' ').append(i % 3 == 0 ? "NET010 " : "NET002 ")
          .append("AI101-NET-").append(i).append(' ');
    }
    assertThat(log.length()).isGreaterThan(10_000);
    assertThat(kb.search(log.toString(), 5)).isNotEmpty();
    assertThat(kb.search("x".repeat(10 * 1024 * 1024), 5)).isEmpty();
  }

  @Test
  void aLimitBelowOneIsRejected() {
    assertThatThrownBy(() -> kb.search("proxy", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
