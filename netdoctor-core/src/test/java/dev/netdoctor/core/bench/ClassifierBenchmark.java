package dev.netdoctor.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Classifier throughput on a log-like mix: {@value #FAILURE_PERCENT}% failure lines (the single-line messages of
 * the test corpus) among ordinary log lines. {@code scanLine} is what {@code scan} does per line: the prefilter,
 * then a classification only when it passes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierBenchmark {
  static final int FAILURE_PERCENT = 10;
  private static final String[] ORDINARY = {
      "2024-06-01 12:00:01,123 INFO  [main] o.s.b.w.e.tomcat.TomcatWebServer : Tomcat started on port(s): 8080",
      "127.0.0.1 - - [01/Jun/2024:12:00:01 +0000] \"GET /v1/models HTTP/1.1\" 200 1532 \"-\" \"curl/8.5.0\"",
      "{\"level\":\"info\",\"time\":\"2024-06-01T12:00:01.123Z\",\"msg\":\"request completed\",\"status\":200,\"ms\":412}",
      "DEBUG cache hit for key=models ttl=300 size=14kB",
      "2024-06-01T12:00:02Z INFO video_generation: rendered segment 12/40 in 431 ms (1920x1080, h264)",
      "Jun 01 12:00:03 host app[4211]: INFO:httpx:HTTP Request: POST https://api.openai.com/v1/chat/completions \"HTTP/1.1 200 OK\"",
      "2024-06-01 12:00:04.001 WARN  Retrying request in 2 seconds (attempt 2 of 3)",
      "user 42 logged in from 10.0.0.12 using session 7f3c2b1a",
  };

  private Classifier classifier;
  private String[] lines;
  private byte[][] utf8Lines;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    classifier = Classifier.builtIn();
    List<String> failures = failureLines();
    Random random = new Random(7);
    lines = new String[4096];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = random.nextInt(100) < FAILURE_PERCENT
          ? failures.get(random.nextInt(failures.size()))
          : ORDINARY[random.nextInt(ORDINARY.length)];
    }
    utf8Lines = new byte[lines.length][];
    for (int i = 0; i < lines.length; i++) utf8Lines[i] = lines[i].getBytes(StandardCharsets.UTF_8);
  }

  private String line() {
    String line = lines[next];
    next = (next + 1) & (lines.length - 1);
    return line;
  }

  @Benchmark
  public Classification classifyMixedLine() {
    return classifier.classify(line());
  }

  @Benchmark
  public boolean prefilterMixedLine() {
    return classifier.mayContainFailure(line());
  }

  /** The prefilter as {@code scan} calls it: on the line's UTF-8 bytes, no decoding for an ASCII line. */
  @Benchmark
  public boolean prefilterMixedLineBytes() {
    byte[] line = utf8Lines[next];
    next = (next + 1) & (lines.length - 1);
    return classifier.mayContainFailure(line, 0, line.length);
  }

  @Benchmark
  public Classification scanLine() {
    String line = line();
    return classifier.mayContainFailure(line) ? classifier.classify(line) : null;
  }

  static List<String> failureLines() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String> out = new ArrayList<>();
    for (String file : new String[] {"python.yaml", "node.yaml", "java.yaml", "dotnet.yaml", "go.yaml",
        "php.yaml", "curl.yaml", "browser.yaml", "sdk.yaml", "logs.yaml"}) {
      try (InputStream in = ClassifierBenchmark.class.getResourceAsStream("/corpus/" + file)) {
        for (JsonNode entry : yaml.readTree(in)) {
          String text = entry.path("text").asText();
          if (!text.contains("\n")) out.add(text);
        }
      }
    }
    return out;
  }
}
