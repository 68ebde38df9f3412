package dev.netdoctor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.classify.Classifier;
import dev.netdoctor.core.redact.Redactor;
import org.junit.jupiter.api.Test;

class ClassificationMemoTest {
  private final ClassificationMemo memo = new ClassificationMemo(Classifier.builtIn());

  @Test
  void aRepeatedLineWithAnotherTimeGetsTheSameVerdictAndItsOwnTime() {
    String a = "2026-11-22T05:00:01.000Z ERROR Error: getaddrinfo ENOTFOUND api.openai.com key=sk-proj-Zq8XyW3vU9tS2rQ7";
    String b = a.replace("05:00:01", "06:30:00");
    ClassificationMemo.Verdict first = memo.judge(a);
    ClassificationMemo.Verdict second = memo.judge(b);
    assertThat(second.classification()).isEqualTo(first.classification());
    assertThat(first.classification().code()).isEqualTo("NET002");
    assertThat(second.host()).isEqualTo("api.openai.com");
    assertThat(second.stamp().text()).isEqualTo("2026-11-22T06:30Z");
    assertThat(second.redacted()).startsWith("2026-11-22T06:30:00.000Z ERROR").isEqualTo(Redactor.redact(b))
        .doesNotContain("Zq8XyW3vU9tS2rQ7");
  }

  @Test
  void theVerdictIsWhatJudgingAfreshGives() {
    String[] lines = {
      "[2026-11-22 05:00:01,123] curl: (6) Could not resolve host: api.anthropic.com",
      "Nov 22 05:00:01 host app: connect ECONNREFUSED 127.0.0.1:11434 via http://u:Hunter2pass@proxy.example:3128",
      "2026-11-22T05:00:01Zsk-proj-notAfterWhitespace1234 ENOTFOUND x.example",
      "{\"ts\":\"2026-11-22T05:00:01.5Z\",\"err\":\"dial tcp: lookup api.openai.com on 127.0.0.53:53: no such host\","
          + "\"proxy\":\"http://u:Hunter2pass@p.example:3128\"}",
      "0000-00-00T00:00:00Z 2026-11-22T05:00:01Z getaddrinfo ENOTFOUND x.example token=abc123secret",
      "INFO all good",
    };
    for (String line : lines) {
      ClassificationMemo.Verdict v = new ClassificationMemo(Classifier.builtIn()).judge(line);
      assertThat(v.classification()).as(line).isEqualTo(Classifier.builtIn().classify(line));
      if (v.classification().recognised()) {
        assertThat(v.redacted()).as(line).isEqualTo(Redactor.redact(line));
        assertThat(v.stamp()).as(line).isEqualTo(Timestamps.find(line).orElse(null));
      }
    }
  }
}
