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
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
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
import org.apache.lucene.util.BytesRef;

/**
 * Guide search on an in-memory Lucene index (one {@code MemoryIndex} per guide under a {@code MultiReader}).
 *
 * <p>Each text field holds every word as written and its stem ({@link GuideAnalyzers#indexing()}). A query is
 * split into words; each word scores in every field as the best of: its stem, the word as written, and, for
 * words of four letters or more without digits, a typo candidate worth half as much (less for two edits).
 * Typo candidates are the index's own words that share the first letter and are one edit away (words of four or
 * five letters) or two (longer words), a swap of neighbouring letters counting as one; each candidate also
 * matches through its stem, so {@code conect} finds {@code connection} via {@code connect}. Expanding against
 * the vocabulary once, rather than with a Lucene fuzzy query per field, keeps the first search of a fresh
 * process cheap.
 *
 * <p>Words that are error codes ({@code NET010}, {@code NET002_DnsResolutionFailed}) match the guides that list
 * them, most of all the guide the registry names for the code; an application alias ranks the guide that
 * declares it first. The query's words as a phrase (slop 2) add to guides that contain them. Field weights:
 * title 4, symptoms 3, the registry's words for the guide's codes 2, category 1.5, body 1.
 */
public final class LuceneGuideSearch implements GuideSearch {
  private static final String CODES = "codes";
  private static final String PRIMARY_CODES = "primaryCodes";
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
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{Alnum}]+|[^\\p{Alnum}]+$");
  private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

  private final List<Guide> guides;
  private final CodeRegistry registry;
  private final Analyzer stemmed = GuideAnalyzers.stemmed();
  private final Analyzer plain = GuideAnalyzers.plain();
  private static final int MAX_EXPANSIONS = 8;
  /** Lucene refuses queries of more than 1024 clauses; these caps keep every query well under that. */
  static final int MAX_QUERY_CHARS = 4096;
  static final int MAX_CODES = 16;
  static final int MAX_WORDS = 24;
  private static final int MAX_PHRASE_WORDS = 8;
  private static final int WORD_CLAUSE_BUDGET = 800;

  private final IndexSearcher searcher;
  /**
   * The index's words without digits, as written and as stems, by first letter → the most guides any field
   * has them in. Typo candidates are looked up here.
   */
  private final Map<Character, Map<String, Integer>> vocabulary;

  private LuceneGuideSearch(List<Guide> guides, CodeRegistry registry, IndexSearcher searcher) throws IOException {
    this.guides = guides;
    this.registry = registry;
    this.searcher = searcher;
    this.vocabulary = vocabulary(searcher.getIndexReader());
  }

  private static Map<Character, Map<String, Integer>> vocabulary(IndexReader reader) throws IOException {
    Map<Character, Map<String, Integer>> words = new java.util.HashMap<>();
    for (String field : FIELD_WEIGHTS.keySet()) {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) continue;
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        String word = term.utf8ToString();
        if (hasDigit(word)) continue;
        words.computeIfAbsent(word.charAt(0), c -> new java.util.HashMap<>()).merge(word, it.docFreq(), Math::max);
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
    Analyzer analyzer = GuideAnalyzers.indexing();
    // One MemoryIndex per guide under a MultiReader: no codec, no IndexWriter, no flush, which halves the cost
    // of a cold start (docs/benchmarks.md). The searcher still scores with statistics over all guides, and a
    // hit's doc id is the guide's list position because each sub-reader holds exactly one document.
    IndexReader[] readers = new IndexReader[copy.size()];
    for (int i = 0; i < copy.size(); i++) {
      MemoryIndex index = new MemoryIndex();
      for (IndexableField field : document(copy.get(i), registry)) {
        index.addField(field, analyzer);
      }
      index.freeze();
      readers[i] = index.createSearcher().getIndexReader();
    }
    try {
      return new LuceneGuideSearch(copy, registry, new IndexSearcher(new MultiReader(readers)));
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory index failed", e);
    }
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

  /**
   * The Lucene query for a user's words; empty when nothing in them can match (blank, only stop words). Only
   * the first {@value #MAX_QUERY_CHARS} characters, {@value #MAX_CODES} codes and {@value #MAX_WORDS} distinct
   * words count, and long queries get fewer typo candidates per word, so that a pasted log never exceeds
   * Lucene's clause limit.
   */
  Optional<Query> query(String fullText) {
    String text = fullText.length() > MAX_QUERY_CHARS ? fullText.substring(0, MAX_QUERY_CHARS) : fullText;
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    int clauses = 0;
    int codes = 0;
    for (String raw : text.trim().split("\\s+")) {
      String token = EDGE_PUNCTUATION.matcher(raw).replaceAll("");
      if (token.isEmpty() || codes == MAX_CODES) continue;
      Optional<ErrorCode> code = registry.find(token);
      String upper = token.toUpperCase(Locale.ROOT);
      if (registry.aliases().containsKey(upper) || (code.isEmpty() && AliasShape.matches(token))) {
        // An application code: the guides that declare it first, then the guides of the code it stands for.
        top.add(new BoostQuery(new TermQuery(new Term(CODES, upper.toLowerCase(Locale.ROOT))),
            CODE_WEIGHT + PRIMARY_CODE_WEIGHT), Occur.SHOULD);
        clauses++;
        codes++;
        if (code.isPresent()) {
          top.add(new BoostQuery(new TermQuery(new Term(CODES, code.get().id().toLowerCase(Locale.ROOT))),
              CODE_WEIGHT / 2), Occur.SHOULD);
          clauses++;
        }
      } else if (code.isPresent()) {
        String id = code.get().id().toLowerCase(Locale.ROOT);
        top.add(new BoostQuery(new TermQuery(new Term(CODES, id)), CODE_WEIGHT), Occur.SHOULD);
        top.add(new BoostQuery(new TermQuery(new Term(PRIMARY_CODES, id)), PRIMARY_CODE_WEIGHT), Occur.SHOULD);
        clauses += 2;
        codes++;
      }
    }
    List<String> words = GuideAnalyzers.terms(plain, text).stream().distinct().limit(MAX_WORDS).toList();
    // Each word costs up to (2 + 2 * expansions) clauses in each field.
    int expansions = words.isEmpty() ? 0
        : Math.max(0, Math.min(MAX_EXPANSIONS, (WORD_CLAUSE_BUDGET / (words.size() * FIELD_WEIGHTS.size()) - 2) / 2));
    List<String> stems = new ArrayList<>();
    for (String word : words) {
      List<String> stem = GuideAnalyzers.terms(stemmed, word);
      String s = stem.isEmpty() ? word : stem.get(0);
      stems.add(s);
      top.add(wordQuery(word, s, expansions), Occur.SHOULD);
      clauses++;
    }
    if (stems.size() >= 2 && stems.size() <= MAX_PHRASE_WORDS) {
      for (String field : PHRASE_FIELDS) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
        stems.forEach(s -> phrase.add(new Term(field, s)));
        top.add(new BoostQuery(phrase.build(), PHRASE_WEIGHT * FIELD_WEIGHTS.get(field)), Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? Optional.empty() : Optional.of(top.build());
  }

  private Query wordQuery(String word, String stem, int maxExpansions) {
    List<Candidate> candidates = fuzzyCandidates(word, maxExpansions);
    BooleanQuery.Builder perField = new BooleanQuery.Builder();
    FIELD_WEIGHTS.forEach((field, weight) -> {
      List<Query> ways = new ArrayList<>();
      ways.add(new TermQuery(new Term(field, stem)));
      if (!stem.equals(word)) ways.add(new TermQuery(new Term(field, word)));
      for (Candidate c : candidates) {
        float boost = FUZZY_WEIGHT * (1f - (float) c.edits() / word.length());
        ways.add(new BoostQuery(new TermQuery(new Term(field, c.word())), boost));
        if (!c.stem().equals(c.word())) ways.add(new BoostQuery(new TermQuery(new Term(field, c.stem())), boost));
      }
      perField.add(new BoostQuery(new DisjunctionMaxQuery(ways, 0f), weight), Occur.SHOULD);
    });
    return perField.build();
  }

  private static boolean hasDigit(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) return true;
    }
    return false;
  }

  private record Candidate(String word, String stem, int edits, int docFreq) {}

  /** Indexed words a typo of {@code word} could be: closest first, then the most common. */
  private List<Candidate> fuzzyCandidates(String word, int limit) {
    int max = hasDigit(word) ? 0 : word.length() >= 6 ? 2 : word.length() >= 4 ? 1 : 0;
    if (max == 0 || limit == 0) return List.of();
    List<Candidate> found = new ArrayList<>();
    vocabulary.getOrDefault(word.charAt(0), Map.of()).forEach((known, docFreq) -> {
      if (known.equals(word)) return;
      int edits = Levenshtein.withinEdits(word, known, max);
      if (edits <= max) {
        List<String> stem = GuideAnalyzers.terms(stemmed, known);
        found.add(new Candidate(known, stem.isEmpty() ? known : stem.get(0), edits, docFreq));
      }
    });
    found.sort(java.util.Comparator.comparingInt(Candidate::edits)
        .thenComparing(Comparator.comparingInt(Candidate::docFreq).reversed())
        .thenComparing(Candidate::word));
    return found.size() > limit ? found.subList(0, limit) : found;
  }
}
