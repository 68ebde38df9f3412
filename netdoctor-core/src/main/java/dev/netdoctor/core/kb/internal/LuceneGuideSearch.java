package dev.netdoctor.core.kb.internal;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.SearchHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Guide search on an in-memory Lucene index.
 *
 * <p>Each text field is indexed twice: stemmed (word forms) and plain (as written, for fuzzy matching). A query
 * is split into words; each word scores in every field as the best of an exact stemmed match, an exact plain
 * match and, for words of four letters or more without digits, a fuzzy match (one edit up to five letters, two
 * beyond) worth half as much. Words that are error codes ({@code NET010}, {@code NET002_DnsResolutionFailed},
 * an alias) match the guides that list them, most of all the guide the registry names for the code. The whole
 * query as a phrase adds to guides that contain it. Field weights: title 4, symptoms 3, the registry's words
 * for the guide's codes 2, category 1.5, body 1.
 */
public final class LuceneGuideSearch implements GuideSearch {
  private static final String ORD = "ord";
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
  private final IndexSearcher searcher;

  private LuceneGuideSearch(List<Guide> guides, CodeRegistry registry, IndexSearcher searcher) {
    this.guides = guides;
    this.registry = registry;
    this.searcher = searcher;
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
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
        .setUseCompoundFile(false)
        .setCommitOnClose(true))) {
      for (int i = 0; i < copy.size(); i++) {
        writer.addDocument(document(i, copy.get(i), registry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory index failed", e);
    }
    try {
      return new LuceneGuideSearch(copy, registry, new IndexSearcher(DirectoryReader.open(directory)));
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

  private static Document document(int ord, Guide guide, CodeRegistry registry) {
    Document doc = new Document();
    doc.add(new StoredField(ORD, ord));
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
      StoredFields stored = searcher.storedFields();
      List<SearchHit> hits = new ArrayList<>(top.length);
      for (ScoreDoc hit : top) {
        int ord = stored.document(hit.doc).getField(ORD).numericValue().intValue();
        hits.add(new SearchHit(guides.get(ord), hit.score));
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
    int edits = HAS_DIGIT.matcher(word).matches() ? 0 : word.length() >= 6 ? 2 : word.length() >= 4 ? 1 : 0;
    BooleanQuery.Builder perField = new BooleanQuery.Builder();
    FIELD_WEIGHTS.forEach((field, weight) -> {
      List<Query> ways = new ArrayList<>();
      ways.add(new TermQuery(new Term(field, stem)));
      ways.add(new TermQuery(new Term(field + PLAIN, word)));
      if (edits > 0) {
        ways.add(new BoostQuery(new FuzzyQuery(new Term(field + PLAIN, word), edits, 1), FUZZY_WEIGHT));
        if (stem.length() >= 4) {
          int stemEdits = Math.min(edits, stem.length() >= 6 ? 2 : 1);
          ways.add(new BoostQuery(new FuzzyQuery(new Term(field, stem), stemEdits, 1), FUZZY_WEIGHT));
        }
      }
      perField.add(new BoostQuery(new DisjunctionMaxQuery(ways, 0f), weight), Occur.SHOULD);
    });
    return perField.build();
  }
}
