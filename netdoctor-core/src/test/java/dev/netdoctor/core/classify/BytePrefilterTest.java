package dev.netdoctor.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The prefilter over a line's UTF-8 bytes answers exactly as the prefilter over the decoded line. */
class BytePrefilterTest {
  private static final Classifier CLASSIFIER = Classifier.builtIn();

  private static boolean onBytes(String line) {
    byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
    // Surround the line with other bytes: only the slice may count.
    byte[] padded = new byte[utf8.length + 20];
    java.util.Arrays.fill(padded, (byte) 'x');
    System.arraycopy(utf8, 0, padded, 10, utf8.length);
    return CLASSIFIER.mayContainFailure(padded, 10, utf8.length);
  }

  private static void assertAgrees(String line) {
    assertThat(onBytes(line)).as(line).isEqualTo(CLASSIFIER.mayContainFailure(line));
  }

  @Test
  void everyCorpusLineGetsTheSameAnswerOnBytesAsOnChars() {
    List<String> lines = new ArrayList<>();
    for (CorpusEntry entry : CorpusEntry.corpus()) {
      lines.add(entry.text());
      lines.addAll(entry.text().lines().toList());
    }
    int found = 0;
    for (String line : lines) {
      assertAgrees(line);
      assertAgrees(line.toUpperCase(java.util.Locale.ROOT));
      if (onBytes(line)) found++;
    }
    assertThat(found).isGreaterThan(lines.size() / 2);
  }

  @Test
  void aRecognisedLineIsNeverHiddenOnBytes() {
    for (CorpusEntry entry : CorpusEntry.corpus()) {
      for (String line : entry.text().lines().toList()) {
        if (CLASSIFIER.classify(line).recognised()) assertThat(onBytes(line)).as(line).isTrue();
      }
    }
  }

  @Test
  void upperCaseAsciiTriggersMatchOnBytes() {
    assertThat(onBytes("ERROR: CONNECT ECONNREFUSED 127.0.0.1:443")).isTrue();
    assertThat(onBytes("2024-06-01 12:00:01,123 INFO  Started Application in 3.512 seconds")).isFalse();
  }

  @Test
  void stackFramesAreSkippedOnBytesAsOnChars() {
    String frame = "\tat java.net.PlainSocketImpl.socketConnect(Native Method) ECONNREFUSED";
    assertThat(onBytes(frame)).isEqualTo(CLASSIFIER.mayContainFailure(frame)).isFalse();
    assertAgrees("at java.net.Socket.connect(Socket.java:609) ECONNREFUSED");
    assertAgrees("at least one ECONNREFUSED (retrying)");
    assertAgrees("  File \"/app/x.py\", line 3, in f: ECONNREFUSED");
    assertAgrees("aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host api.openai.com:443");
    assertAgrees("Failed to establish a new connection: [Errno 111] Connection refused");
  }

  @Test
  void nonAsciiLinesAreDecodedFirst() {
    assertAgrees("Échec de la résolution du nom: getaddrinfo ENOTFOUND api.openai.com");
    assertAgrees("接続が拒否されました ECONNREFUSED");
    assertAgrees("La connexion a été refusée — hôte injoignable");
    assertAgrees("Ｋ ＥＣＯＮＮＲＥＦＵＳＥＤ");
  }

  @Test
  void randomBytesGetTheSameAnswerAsTheirDecoding() {
    Random random = new Random(7);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :.-_()[]\t\"/é";
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(80);
      for (int k = 0; k < n; k++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      if (random.nextBoolean()) sb.insert(random.nextInt(sb.length() + 1), random.nextBoolean() ? "econnreset" : "TIMED OUT");
      assertAgrees(sb.toString());
    }
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[random.nextInt(512)];
      random.nextBytes(bytes);
      assertThat(CLASSIFIER.mayContainFailure(bytes, 0, bytes.length))
          .isEqualTo(CLASSIFIER.mayContainFailure(new String(bytes, StandardCharsets.UTF_8)));
    }
  }

  @Test
  void aLineWithALineBreakOrPastTheLineLimitIsScannedAsChars() {
    assertAgrees("INFO ok\nERROR connect ECONNREFUSED 1.2.3.4:443");
    assertAgrees("x".repeat(70_000) + " ECONNREFUSED");
    assertAgrees("ECONNREFUSED " + "x".repeat(70_000));
  }

  @Test
  void aSliceOutsideTheArrayIsRejected() {
    assertThatThrownBy(() -> CLASSIFIER.mayContainFailure(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
