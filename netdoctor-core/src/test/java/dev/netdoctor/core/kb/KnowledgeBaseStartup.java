package dev.netdoctor.core.kb;

import dev.netdoctor.core.codes.CodeRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
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
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Prints, for this fresh JVM, the wall time and the main thread's CPU time of what {@code kb search} does:
 * load the guides of a directory, build the index with the first search, run a second search. Run it in a loop of
 * fresh JVMs (docs/benchmarks.md); CPU time is the figure to trust on a busy machine, where wall time mostly
 * measures waiting for a core. With the argument {@code bare} it instead times, for comparison, a conventional
 * one-document index: {@code IndexWriter} on a {@code ByteBuffersDirectory}, one field, one term query.
 */
public final class KnowledgeBaseStartup {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private KnowledgeBaseStartup() {}

  public static void main(String[] args) throws IOException {
    CodeRegistry.builtIn();
    long wall0 = System.nanoTime();
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    if (args[0].equals("bare")) {
      bareLucene();
      System.out.printf("bare-lucene wall %.0f ms cpu %.0f ms%n",
          (System.nanoTime() - wall0) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6);
      return;
    }
    KnowledgeBase kb = KnowledgeBase.fromDirectories(List.of(Path.of(args[0])), CodeRegistry.builtIn());
    long wall1 = System.nanoTime();
    long cpu1 = THREADS.getCurrentThreadCpuTime();
    kb.search("proxy 407", 5);
    long wall2 = System.nanoTime();
    long cpu2 = THREADS.getCurrentThreadCpuTime();
    kb.search("cant conect", 5);
    long wall3 = System.nanoTime();
    long cpu3 = THREADS.getCurrentThreadCpuTime();
    System.out.printf("guides %d | load wall %.0f cpu %.0f | index+first search wall %.0f cpu %.0f | "
            + "second search wall %.0f cpu %.0f | total wall %.0f cpu %.0f ms%n",
        kb.all().size(),
        (wall1 - wall0) / 1e6, (cpu1 - cpu0) / 1e6,
        (wall2 - wall1) / 1e6, (cpu2 - cpu1) / 1e6,
        (wall3 - wall2) / 1e6, (cpu3 - cpu2) / 1e6,
        (wall3 - wall0) / 1e6, (cpu3 - cpu0) / 1e6);
  }

  private static void bareLucene() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      Document doc = new Document();
      doc.add(new TextField("body", "407 Proxy Authentication Required", Field.Store.NO));
      writer.addDocument(doc);
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      new IndexSearcher(reader).search(new TermQuery(new Term("body", "proxy")), 5);
    }
  }
}
