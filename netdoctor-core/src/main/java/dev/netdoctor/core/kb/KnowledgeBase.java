package dev.netdoctor.core.kb;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.kb.internal.GuideAliases;
import dev.netdoctor.core.kb.internal.GuideSearch;
import dev.netdoctor.core.kb.internal.GuideSet;
import dev.netdoctor.core.kb.internal.LuceneGuideSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The guides netdoctor ships, plus any a user adds with {@code --kb DIR}.
 *
 * <p>Layering: the built-in guides come first, then each extra directory in the order given. A guide whose id
 * is already taken replaces the earlier one in its place, so a user can rewrite a built-in guide by giving their
 * file the same id. Two guides with one id in the same directory are an error.
 *
 * <p>Instances are immutable and thread-safe. The search index is built on the first {@link #search}, so
 * commands that only look guides up never load Lucene (an optional dependency of this module).
 */
public final class KnowledgeBase {
  /** Prefix of {@link Guide#source()} for guides read from the class path. */
  public static final String CLASSPATH_PREFIX = "classpath:";

  private static volatile KnowledgeBase builtIn;

  private final List<Guide> guides;
  private final Map<String, Guide> byId;
  private final CodeRegistry registry;
  private final Map<String, String> aliases;
  private final CodeRegistry registryWithAliases;
  private volatile GuideSearch search;

  private KnowledgeBase(List<Guide> guides, CodeRegistry registry) {
    this.guides = List.copyOf(guides);
    Map<String, Guide> ids = new LinkedHashMap<>();
    guides.forEach(g -> ids.put(key(g.id()), g));
    this.byId = Collections.unmodifiableMap(ids);
    this.registry = registry;
    this.aliases = Collections.unmodifiableMap(
        GuideAliases.derive(guides.stream().map(Guide::errorCodes).toList(), registry));
    this.registryWithAliases = registry.withAliases(aliases);
  }

  /**
   * The guides listed in {@code /netdoctor/guides/index.txt} on the class path. Loaded once.
   *
   * @throws InvalidGuideException when a built-in guide is unusable (a packaging bug)
   * @throws IllegalStateException when the index is missing from the class path
   */
  public static KnowledgeBase builtIn() {
    KnowledgeBase result = builtIn;
    if (result == null) {
      synchronized (KnowledgeBase.class) {
        result = builtIn;
        if (result == null) {
          result = load(List.of(), CodeRegistry.builtIn());
          builtIn = result;
        }
      }
    }
    return result;
  }

  /**
   * The built-in guides plus every {@code *.md} file directly inside each of {@code extraDirs} (later layers
   * replace guides of the same id, see the class comment). An entry may also be a single {@code .md} file.
   *
   * @throws IllegalArgumentException when a path is neither a directory nor a {@code .md} file
   * @throws InvalidGuideException listing every file that has no usable front matter, and duplicate ids within
   *     one directory
   */
  public static KnowledgeBase load(List<Path> extraDirs) {
    return load(extraDirs, CodeRegistry.builtIn());
  }

  /** Like {@link #load(List)}, resolving codes against {@code registry}. */
  public static KnowledgeBase load(List<Path> extraDirs, CodeRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    if (extraDirs.isEmpty() && builtIn != null && registry == CodeRegistry.builtIn()) return builtIn;
    List<GuideSet> layers = new ArrayList<>();
    layers.add(GuideSet.builtIn());
    extraDirs.forEach(dir -> layers.add(GuideSet.directory(dir)));
    return layered(layers, registry);
  }

  /**
   * Only the guides directly inside {@code dirs}, without the built-in ones; layered like {@link #load(List)}.
   * For tools and tests that work on a guide set of their own.
   */
  public static KnowledgeBase fromDirectories(List<Path> dirs, CodeRegistry registry) {
    return layered(dirs.stream().map(GuideSet::directory).toList(), registry);
  }

  private static KnowledgeBase layered(List<GuideSet> layers, CodeRegistry registry) {
    List<LintProblem> errors = new ArrayList<>();
    Map<String, Guide> merged = new LinkedHashMap<>();
    for (GuideSet layer : layers) {
      errors.addAll(layer.loadErrors());
      layer.guides().forEach(g -> merged.put(key(g.id()), g));
    }
    if (!errors.isEmpty()) throw new InvalidGuideException(errors);
    return new KnowledgeBase(new ArrayList<>(merged.values()), registry);
  }

  /** Every guide, built-in ones first in index order, then each extra directory's by file name. */
  public List<Guide> all() {
    return guides;
  }

  /**
   * The guide for a guide id or an error code, ignoring case.
   *
   * <p>A code may be short ({@code NET002}), long ({@code NET002_DnsResolutionFailed}) or an alias a guide
   * declares ({@code AI101-NET-001}). For an alias, the guide that declares it wins. For a registry code, the
   * guide the registry names for it wins; failing that, the first guide that lists the code.
   */
  public Optional<Guide> find(String idOrCode) {
    if (idOrCode == null || idOrCode.isBlank()) return Optional.empty();
    String wanted = idOrCode.strip();
    Guide guide = byId.get(key(wanted));
    if (guide != null) return Optional.of(guide);
    Optional<ErrorCode> code = registryWithAliases.find(wanted);
    if (code.isEmpty()) return Optional.empty();
    if (registry.find(wanted).isEmpty()) {
      Optional<Guide> declaring = guides.stream()
          .filter(g -> g.errorCodes().stream().anyMatch(c -> c.equalsIgnoreCase(wanted)))
          .findFirst();
      if (declaring.isPresent()) return declaring;
    }
    return guidesFor(code.get().id()).stream().findFirst();
  }

  /**
   * Every guide about {@code code} (any form {@link #registryWithAliases()} accepts): the registry's guide for
   * it first when present, then each guide that lists it in {@code errorCodes}.
   */
  public List<Guide> guidesFor(String code) {
    Optional<ErrorCode> resolved = registryWithAliases.find(code);
    if (resolved.isEmpty()) return List.of();
    String id = resolved.get().id();
    List<Guide> result = new ArrayList<>();
    Guide primary = byId.get(key(resolved.get().guideId()));
    if (primary != null) result.add(primary);
    for (Guide guide : guides) {
      if (guide != primary && guide.errorCodes().stream()
          .anyMatch(c -> registryWithAliases.find(c).map(ErrorCode::id).filter(id::equals).isPresent())) {
        result.add(guide);
      }
    }
    return result;
  }

  /**
   * Guides ranked by relevance to free text: words are matched across word forms and small typos, codes exactly.
   *
   * @param limit at most this many hits, at least 1
   * @throws IllegalStateException when Lucene is not on the class path
   */
  public List<SearchHit> search(String query, int limit) {
    return index().search(query, limit);
  }

  private GuideSearch index() {
    GuideSearch result = search;
    if (result == null) {
      synchronized (this) {
        result = search;
        if (result == null) {
          try {
            result = LuceneGuideSearch.build(guides, registryWithAliases);
          } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("knowledge-base search needs Lucene on the class path "
                + "(org.apache.lucene:lucene-core, lucene-analysis-common and lucene-memory)", e);
          }
          search = result;
        }
      }
    }
    return result;
  }

  /**
   * Application codes the guides declare (upper-cased) → the registry code they stand for: the first registry
   * code listed in the same guide.
   */
  public Map<String, String> aliases() {
    return aliases;
  }

  /** The code registry, also answering to {@link #aliases()}: {@code registryWithAliases().find("AI101-NET-001")}. */
  public CodeRegistry registryWithAliases() {
    return registryWithAliases;
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
