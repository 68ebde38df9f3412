package dev.netdoctor.core.kb;

import dev.netdoctor.core.codes.CodeRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the knowledge base takes to load the shipped guides (copied to a directory, so each run parses and
 * indexes them afresh) and answer its first search, the cost a {@code kb search} invocation pays. {@code cold*} runs once per fresh JVM (Lucene's classes not loaded yet); {@code warm*} is
 * the steady state. The code registry is loaded in setup: it is not the knowledge base's cost.
 * {@link #coldBareLuceneIndex} is, for comparison, a conventional one-document index ({@code IndexWriter} on a
 * {@code ByteBuffersDirectory}, one field, one term query) in a fresh JVM.
 *
 * <p>Run: see docs/benchmarks.md, section "Knowledge base".
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KnowledgeBaseBenchmark {
  private Path dir;
  private KnowledgeBase loaded;

  @Setup
  public void writeGuides() throws IOException {
    CodeRegistry.builtIn();
    dir = Files.createTempDirectory("kb-bench");
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/netdoctor/guides"))) {
      for (Path guide : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.copy(guide, dir.resolve(guide.getFileName()));
      }
    }
    loaded = KnowledgeBase.fromDirectories(List.of(dir), CodeRegistry.builtIn());
    loaded.search("warm up", 1);
  }

  @TearDown
  public void deleteGuides() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(value = 15)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public List<SearchHit> coldLoadIndexAndSearch() {
    return KnowledgeBase.fromDirectories(List.of(dir), CodeRegistry.builtIn()).search("proxy 407", 5);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(value = 15)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public TopDocs coldBareLuceneIndex() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      Document doc = new Document();
      doc.add(new TextField("body", "407 Proxy Authentication Required", Field.Store.NO));
      writer.addDocument(doc);
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return new IndexSearcher(reader).search(new TermQuery(new Term("body", "proxy")), 5);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public List<SearchHit> warmLoadIndexAndSearch() {
    return KnowledgeBase.fromDirectories(List.of(dir), CodeRegistry.builtIn()).search("proxy 407", 5);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Fork(1)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public List<SearchHit> warmSearch() {
    return loaded.search("cant conect", 5);
  }
}
