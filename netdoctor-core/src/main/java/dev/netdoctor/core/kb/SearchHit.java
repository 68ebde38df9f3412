package dev.netdoctor.core.kb;

import java.util.Objects;

/**
 * A guide found by {@link KnowledgeBase#search}, with its relevance score. Scores only order the hits of one
 * search; they are not comparable between searches.
 */
public record SearchHit(Guide guide, float score) {
  public SearchHit {
    Objects.requireNonNull(guide, "guide");
  }
}
