package dev.netdoctor.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.classify.internal.TextScanner;
import dev.netdoctor.core.codes.CodeRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** classify(String) behaviour beyond the corpus: depth, evidence, redaction, bounds, the prefilter. */
class TextClassificationTest {
  private static final Classifier CLASSIFIER = Classifier.builtIn();

  @Test
  void emptyAndBlankInputIsNotRecognised() {
    assertThat(CLASSIFIER.classify("").recognised()).isFalse();
    assertThat(CLASSIFIER.classify("   \n\t").recognised()).isFalse();
    assertThat(CLASSIFIER.classify((String) null).recognised()).isFalse();
  }

  @Test
  void genericWordsAloneNeverDecide() {
    for (String text : new String[] {"error", "failed", "Error: failed", "connection", "network error occurred",
        "timeout", "request failed", "something went wrong with the connection"}) {
      assertThat(CLASSIFIER.classify(text).recognised()).as(text).isFalse();
    }
  }

  @Test
  void javaCausedByChainPicksTheDeepestAndKeepsTheOuterAsContext() {
    Classification c = CLASSIFIER.classify("""
        javax.net.ssl.SSLHandshakeException: PKIX path building failed
        \tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)
        Caused by: java.net.SocketTimeoutException: Read timed out
        """);

    assertThat(c.code()).isEqualTo("NET004");
    assertThat(c.context()).extracting(Classification::code).contains("NET009");
  }

  @Test
  void stackFrameLinesAreIgnored() {
    Classification c = CLASSIFIER.classify("""
        java.lang.IllegalStateException: boom
        \tat org.apache.http.conn.HttpHostConnectException.ConnectionRefused(Foo.java:12)
        \tat io.netty.channel.ConnectTimeoutException.handler(Bar.java:3)
        """);

    assertThat(c.recognised()).isFalse();
  }

  @Test
  void javaFramesPastedWithoutIndentationAreIgnoredButProseIsNot() {
    assertThat(CLASSIFIER.classify("java.lang.IllegalStateException: boom\n"
        + "at io.netty.channel.ConnectTimeoutException.handler(Bar.java:3)\n").recognised()).isFalse();
    assertThat(CLASSIFIER.classify("at least one call (to api.openai.com) said ECONNREFUSED").code())
        .isEqualTo("NET008");
  }

  @Test
  void pythonSourceLinesUnderFrameLinesAreIgnored() {
    Classification c = CLASSIFIER.classify("""
        Traceback (most recent call last):
          File "/app/client.py", line 12, in call
            except ConnectionRefusedError:
        KeyError: 'choices'
        """);

    assertThat(c.recognised()).isFalse();
  }

  @Test
  void evidenceNamesKindMatchedTextAndRule() {
    Classification c = CLASSIFIER.classify("Error: getaddrinfo ENOTFOUND api.openai.com");

    assertThat(c.evidence()).first().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("error-code");
      assertThat(e.matched()).isEqualTo("ENOTFOUND");
      assertThat(e.rule()).isEqualTo("node-enotfound");
    });
    assertThat(c.confidence()).isGreaterThan(0.85);
  }

  @Test
  void structuralSignalsScoreHigherThanPhrases() {
    double structural = CLASSIFIER.classify("connect ECONNREFUSED 127.0.0.1:5005").confidence();
    double phrase = CLASSIFIER.classify("the backend said: Connection refused").confidence();

    assertThat(structural).isGreaterThan(phrase);
  }

  @Test
  void secretsNeverReachEvidenceOrContext() {
    String key = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    Classification c = CLASSIFIER.classify("POST https://api.openai.com/v1/chat/completions failed: "
        + "status code 401 Authorization: Bearer " + key + " api_key=" + key
        + " proxy http://bob:hunter2@proxy.corp:3128 said 407 Proxy Authentication Required");

    assertThat(c.toString()).doesNotContain(key).doesNotContain("hunter2");
  }

  @Test
  void aTenMegabyteLineIsBoundedAndDoesNotThrow() {
    String junk = "x".repeat(10 * 1024 * 1024);

    assertThat(CLASSIFIER.classify(junk).recognised()).isFalse();
    assertThat(CLASSIFIER.classify("curl: (6) Could not resolve host: api.openai.com " + junk).code())
        .isEqualTo("NET002");
    // Past the per-line limit nothing is looked at: the work stays bounded.
    assertThat(CLASSIFIER.classify(junk + " ECONNREFUSED").recognised()).isFalse();
    assertThat(CLASSIFIER.mayContainFailure(junk)).isFalse();
  }

  @Test
  void manyLinesAreBoundedInTotal() {
    String line = "2024-06-01 INFO ok\n";
    String text = line.repeat(TextScanner.TOTAL_LIMIT / line.length() + 10) + "Error: connect ECONNREFUSED 1.2.3.4:1";

    assertThat(CLASSIFIER.classify(text).recognised()).isFalse();
  }

  @Test
  void binaryJunkDoesNotThrow() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[random.nextInt(4096)];
      random.nextBytes(bytes);
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      CLASSIFIER.classify(text);
      CLASSIFIER.mayContainFailure(text);
      String utf8 = new String(bytes, StandardCharsets.UTF_8);
      CLASSIFIER.classify(utf8);
    }
  }

  @Test
  void prefilterNeverHidesARecognisedLine() {
    for (CorpusEntry entry : CorpusEntry.corpus()) {
      if (CLASSIFIER.classify(entry.text()).recognised()) {
        assertThat(CLASSIFIER.mayContainFailure(entry.text())).as("%s", entry).isTrue();
      }
    }
  }

  @Test
  void prefilterRejectsOrdinaryLogLines() {
    for (String line : new String[] {"2024-06-01 12:00:01,123 INFO  Started Application in 3.512 seconds",
        "GET /api/health 200 3ms", "DEBUG cache hit for key=models ttl=300", "user 42 logged in from web"}) {
      assertThat(CLASSIFIER.mayContainFailure(line)).as(line).isFalse();
    }
  }

  @Test
  void aRuleAddedInDataIsUsedWithoutCodeChanges() throws Exception {
    String rules = """
        {"rules": [
          {"id": "acme-dns", "kind": "error-code", "code": "NET002", "cause": "nxdomain", "match": ["ACME_E_NONAME"]}
        ]}""";
    Classifier custom = Classifier.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)),
        "custom.json", CodeRegistry.builtIn());

    Classification c = custom.classify("AcmeClient: ACME_E_NONAME while calling api.openai.com");

    assertThat(c.code()).isEqualTo("NET002");
    assertThat(c.evidence()).extracting(Evidence::rule).containsExactly("acme-dns");
  }

  @Test
  void builtInRulesLoadAgainstTheRegistry() {
    assertThatThrownBy(() -> Classifier.load(new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)),
        "x.json", CodeRegistry.builtIn())).hasMessageContaining("x.json");
    assertThat(Classifier.builtIn()).isSameAs(Classifier.builtIn());
  }
}
