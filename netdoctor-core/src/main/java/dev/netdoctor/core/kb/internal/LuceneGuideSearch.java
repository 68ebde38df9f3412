package dev.netdoctor.core.kb.internal;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.SearchHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Guide search on an in-memory Lucene index.
 *
 * <p>Each text field is indexed twice: stemmed (word forms) and plain (as written, for fuzzy matching). A query
 * is split into words; each word scores in every field as the best of an exact stemmed match, an exact plain
 * match and, for words of four letters or more without digits, a fuzzy match worth half as much, less for more
 * edits. Fuzzy candidates are the index's own words that share the first letter and are one edit away (words of
 * four or five letters) or two (longer words), a swap of neighbouring letters counting as one; each candidate
 * also matches the stemmed fields through its stem, so {@code conect} finds {@code connection} via
 * {@code connect}. Expanding against the vocabulary once, rather than with a Lucene fuzzy query per field, keeps
 * the first search of a fresh process cheap. Words that are error codes ({@code NET010}, {@code NET002_DnsResolutionFailed},
 * an alias) match the guides that list them, most of all the guide the registry names for the code. The whole
 * query as a phrase adds to guides that contain it. Field weights: title 4, symptoms 3, the registry's words
 * for the guide's codes 2, category 1.5, body 1.
 */
public final class LuceneGuideSearch implements GuideSearch {
  private static final String CODES = "codes";
  private static final String PRIMARY_CODES = "primaryCodes";
  private static final String PLAIN = ".plain";
  private static final String TITLE = "title";
  private static final String SYMPTOMS = "symptoms";
  private static final String CODE_TEXT = "codeText";
  private static final String CATEGORY = "category";
  private static final String BODY = "body";

  private static final Map<String, Float> FIELD_WEIGHTS =
      Map.of(TITLE, 4f, SYMPTOMS, 3f, CODE_TEXT, 2f, CATEGORY, 1.5f, BODY, 1f);
  private static final List<String> PHRASE_FIELDS = List.of(TITLE, SYMPTOMS, BODY);
  private static final float FUZZY_WEIGHT = 0.5f;
  private static final float PHRASE_WEIGHT = 2f;
  private static final float CODE_WEIGHT = 8f;
  private static final float PRIMARY_CODE_WEIGHT = 8f;
  private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{Alnum}]+|[^\\p{Alnum}]+$");
  private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

  private final List<Guide> guides;
  private final CodeRegistry registry;
  private final Analyzer stemmed = GuideAnalyzers.stemmed();
  private final Analyzer plain = GuideAnalyzers.plain();
  private static final int MAX_EXPANSIONS = 8;

  private final IndexSearcher searcher;
  /** Every word of the plain fields → the number of guides that contain it. */
  private final Map<String, Integer> vocabulary;

  private LuceneGuideSearch(List<Guide> guides, CodeRegistry registry, IndexSearcher searcher) throws IOException {
    this.guides = guides;
    this.registry = registry;
    this.searcher = searcher;
    this.vocabulary = vocabulary(searcher.getIndexReader());
  }

  private static Map<String, Integer> vocabulary(IndexReader reader) throws IOException {
    Map<String, Integer> words = new java.util.HashMap<>();
    for (String field : FIELD_WEIGHTS.keySet()) {
      Terms terms = MultiTerms.getTerms(reader, field + PLAIN);
      if (terms == null) continue;
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        words.merge(term.utf8ToString(), it.docFreq(), Math::max);
      }
    }
    return words;
  }

  /**
   * Indexes {@code guides}.
   *
   * @param registry resolves the codes in guides and queries; should include the guides' aliases
   */
  public static LuceneGuideSearch build(List<Guide> guides, CodeRegistry registry) {
    List<Guide> copy = List.copyOf(guides);
    Analyzer stemmed = GuideAnalyzers.stemmed();
    Analyzer analyzer = new PerFieldAnalyzerWrapper(stemmed, plainFields());
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    // One writer, one flush, no merges: a single segment whose doc ids are the guides' list positions, so no
    // stored field is needed to map a hit back to its guide.
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
        .setUseCompoundFile(false)
        .setRAMBufferSizeMB(256)
        .setMergePolicy(NoMergePolicy.INSTANCE)
        .setCommitOnClose(true))) {
      for (Guide guide : copy) {
        writer.addDocument(document(guide, registry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory index failed", e);
    }
    try {
      DirectoryReader reader = DirectoryReader.open(directory);
      if (reader.maxDoc() != copy.size() || reader.leaves().size() > 1) {
        throw new IllegalStateException("expected one segment of " + copy.size() + " guides, got "
            + reader.leaves().size() + " segments of " + reader.maxDoc());
      }
      return new LuceneGuideSearch(copy, registry, new IndexSearcher(reader));
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory index failed", e);
    }
  }

  private static Map<String, Analyzer> plainFields() {
    Analyzer plain = GuideAnalyzers.plain();
    Map<String, Analyzer> fields = new java.util.HashMap<>();
    FIELD_WEIGHTS.keySet().forEach(f -> fields.put(f + PLAIN, plain));
    return fields;
  }

  private static Document document(Guide guide, CodeRegistry registry) {
    Document doc = new Document();
    addText(doc, TITLE, guide.title());
    guide.symptoms().forEach(s -> addText(doc, SYMPTOMS, s));
    addText(doc, CATEGORY, guide.category());
    addText(doc, BODY, guide.body());
    Set<String> codes = new LinkedHashSet<>();
    for (String written : guide.errorCodes()) {
      codes.add(written.toLowerCase(Locale.ROOT));
      Optional<ErrorCode> code = registry.find(written);
      if (code.isEmpty()) continue;
      codes.add(code.get().id().toLowerCase(Locale.ROOT));
      if (code.get().guideId().equals(guide.id())) {
        doc.add(new StringField(PRIMARY_CODES, code.get().id().toLowerCase(Locale.ROOT), Field.Store.NO));
      }
      addText(doc, CODE_TEXT, codeText(code.get()));
    }
    codes.forEach(c -> doc.add(new StringField(CODES, c, Field.Store.NO)));
    return doc;
  }

  /** What the registry says about a code, so a guide is found by its codes' words too. */
  private static String codeText(ErrorCode code) {
    StringBuilder text = new StringBuilder();
    text.append(CAMEL_HUMP.matcher(code.longName()).replaceAll(" ")).append(". ");
    text.append(code.title()).append(". ");
    code.causes().forEach(c -> text.append(c.title()).append(". "));
    return text.toString();
  }

  private static void addText(Document doc, String field, String value) {
    doc.add(new TextField(field, value, Field.Store.NO));
    doc.add(new TextField(field + PLAIN, value, Field.Store.NO));
  }

  @Override
  public List<SearchHit> search(String query, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be at least 1: " + limit);
    Optional<Query> lucene = query(query == null ? "" : query);
    if (lucene.isEmpty()) return List.of();
    try {
      ScoreDoc[] top = searcher.search(lucene.get(), limit).scoreDocs;
      List<SearchHit> hits = new ArrayList<>(top.length);
      for (ScoreDoc hit : top) {
        hits.add(new SearchHit(guides.get(hit.doc), hit.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory search failed", e);
    }
  }

  /** The Lucene query for a user's words; empty when nothing in them can match (blank, only stop words). */
  Optional<Query> query(String text) {
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    int clauses = 0;
    for (String raw : text.trim().split("\\s+")) {
      String token = EDGE_PUNCTUATION.matcher(raw).replaceAll("");
      if (token.isEmpty()) continue;
      Optional<ErrorCode> code = registry.find(token);
      String codeTerm = code.map(ErrorCode::id).orElse(token).toLowerCase(Locale.ROOT);
      if (code.isPresent() || AliasShape.matches(token)) {
        top.add(new BoostQuery(new TermQuery(new Term(CODES, codeTerm)), CODE_WEIGHT), Occur.SHOULD);
        top.add(new BoostQuery(new TermQuery(new Term(PRIMARY_CODES, codeTerm)), PRIMARY_CODE_WEIGHT),
            Occur.SHOULD);
        clauses += 2;
      }
    }
    List<String> words = new ArrayList<>(new LinkedHashSet<>(GuideAnalyzers.terms(plain, text)));
    List<String> stems = new ArrayList<>();
    for (String word : words) {
      List<String> stem = GuideAnalyzers.terms(stemmed, word);
      String s = stem.isEmpty() ? word : stem.get(0);
      stems.add(s);
      top.add(wordQuery(word, s), Occur.SHOULD);
      clauses++;
    }
    if (stems.size() >= 2) {
      for (String field : PHRASE_FIELDS) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
        stems.forEach(s -> phrase.add(new Term(field, s)));
        top.add(new BoostQuery(phrase.build(), PHRASE_WEIGHT * FIELD_WEIGHTS.get(field)), Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? Optional.empty() : Optional.of(top.build());
  }

  private Query wordQuery(String word, String stem) {
    List<Candidate> candidates = fuzzyCandidates(word);
    BooleanQuery.Builder perField = new BooleanQuery.Builder();
    FIELD_WEIGHTS.forEach((field, weight) -> {
      List<Query> ways = new ArrayList<>();
      ways.add(new TermQuery(new Term(field, stem)));
      ways.add(new TermQuery(new Term(field + PLAIN, word)));
      for (Candidate c : candidates) {
        float boost = FUZZY_WEIGHT * (1f - (float) c.edits() / word.length());
        ways.add(new BoostQuery(new TermQuery(new Term(field + PLAIN, c.word())), boost));
        ways.add(new BoostQuery(new TermQuery(new Term(field, c.stem())), boost));
      }
      perField.add(new BoostQuery(new DisjunctionMaxQuery(ways, 0f), weight), Occur.SHOULD);
    });
    return perField.build();
  }

  private record Candidate(String word, String stem, int edits, int docFreq) {}

  /** Indexed words a typo of {@code word} could be: closest first, then the most common. */
  private List<Candidate> fuzzyCandidates(String word) {
    int max = HAS_DIGIT.matcher(word).matches() ? 0 : word.length() >= 6 ? 2 : word.length() >= 4 ? 1 : 0;
    if (max == 0) return List.of();
    List<Candidate> found = new ArrayList<>();
    vocabulary.forEach((known, docFreq) -> {
      if (known.equals(word) || known.charAt(0) != word.charAt(0) || HAS_DIGIT.matcher(known).matches()) return;
      int edits = Levenshtein.withinEdits(word, known, max);
      if (edits <= max) {
        List<String> stem = GuideAnalyzers.terms(stemmed, known);
        found.add(new Candidate(known, stem.isEmpty() ? known : stem.get(0), edits, docFreq));
      }
    });
    found.sort(java.util.Comparator.comparingInt(Candidate::edits)
        .thenComparing(Comparator.comparingInt(Candidate::docFreq).reversed())
        .thenComparing(Candidate::word));
    return found.size() > MAX_EXPANSIONS ? found.subList(0, MAX_EXPANSIONS) : found;
  }
}
