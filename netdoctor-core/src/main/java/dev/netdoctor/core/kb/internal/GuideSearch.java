package dev.netdoctor.core.kb.internal;

import dev.netdoctor.core.kb.SearchHit;
import java.util.List;

/**
 * Ranked full-text search over a fixed set of guides. Kept free of Lucene types so that loading the knowledge
 * base does not need Lucene on the class path; only searching does.
 */
public interface GuideSearch {
  /** At most {@code limit} hits, best first; empty when nothing matches. */
  List<SearchHit> search(String query, int limit);
}
