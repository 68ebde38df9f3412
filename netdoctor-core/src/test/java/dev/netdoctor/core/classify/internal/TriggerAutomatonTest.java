package dev.netdoctor.core.classify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerAutomatonTest {
  private static List<String> matches(TriggerAutomaton automaton, String text) {
    List<String> out = new ArrayList<>();
    int state = automaton.start();
    for (int i = 0; i < text.length(); i++) {
      state = automaton.step(state, text.charAt(i));
      if (automaton.emits(state)) {
        automaton.report(state, i + 1, (p, s, e) -> out.add(automaton.pattern(p) + "@" + s));
      }
    }
    return out;
  }

  @Test
  void overlappingAndNestedLiteralsAreAllFound() {
    TriggerAutomaton automaton = new TriggerAutomaton(List.of("connection reset", "reset", "reset by peer", "et"));

    assertThat(matches(automaton, "Connection reset by peer"))
        .containsExactlyInAnyOrder("et@14", "reset@11", "connection reset@0", "reset by peer@11");
  }

  @Test
  void matchingIgnoresCaseAsciiAndBeyond() {
    TriggerAutomaton automaton = new TriggerAutomaton(List.of("enotfound", "échec temporaire"));

    assertThat(matches(automaton, "getaddrinfo ENOTFOUND x")).containsExactly("enotfound@12");
    assertThat(matches(automaton, "ÉCHEC TEMPORAIRE dans la résolution")).containsExactly("échec temporaire@0");
  }

  @Test
  void typographicApostrophesMatchAsciiOnes() {
    TriggerAutomaton automaton = new TriggerAutomaton(List.of("l'ordinateur cible"));

    assertThat(matches(automaton, "car l’ordinateur cible l’a refusée")).containsExactly("l'ordinateur cible@4");
  }

  @Test
  void cjkLiteralsAreFound() {
    TriggerAutomaton automaton = new TriggerAutomaton(List.of("由于目标计算机积极拒绝", "不知道这样的主机"));

    assertThat(matches(automaton, "HttpRequestException: 由于目标计算机积极拒绝，无法连接。"))
        .containsExactly("由于目标计算机积极拒绝@22");
  }

  @Test
  void textWithoutLiteralsEmitsNothing() {
    TriggerAutomaton automaton = new TriggerAutomaton(List.of("econnrefused", "enotfound"));

    assertThat(matches(automaton, "GET /api/health 200 3ms econnrefuse enotfoun")).isEmpty();
  }
}
