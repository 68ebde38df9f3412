package dev.netdoctor.core.classify.internal;

import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Evidence;
import dev.netdoctor.core.redact.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the hits of one input into one classification.
 *
 * <ol>
 *   <li>If any hit says the connection went to a proxy, hits with a {@code viaProxy} outcome use it (a refused
 *       connection to the proxy is "proxy unreachable", not "connection refused").
 *   <li>The winner is the hit with the deepest {@link Layer}, then the deepest section of the chain (a
 *       {@code Caused by:} below its wrapper), then the highest priority, then the strongest {@link Kind}, then
 *       the latest position.
 *   <li>Its code is the answer. Its cause, unless it has none or only a default, comes from it; otherwise from
 *       the best other hit of the same code that names one.
 *   <li>The evidence is every hit of that code, strongest first; the hits of other codes become the context,
 *       outermost first.
 * </ol>
 */
public final class Verdict {
  /** Confidence factor for a classification decided by a generic wrapper alone. */
  static final double WRAPPER_FACTOR = 0.6;
  private static final int MATCHED_LIMIT = 200;

  private static final Comparator<Hit> RANK = Comparator
      .comparing((Hit h) -> h.outcome().layer())
      .thenComparingLong(h -> ChainDepth.section(h.depth()))
      .thenComparingInt(h -> h.outcome().priority())
      .thenComparingInt(h -> h.kind().strength())
      .thenComparingLong(Hit::depth);

  private Verdict() {}

  public static Classification decide(List<Hit> hits) {
    if (hits.isEmpty()) return Classification.notRecognised();
    boolean viaProxy = false;
    for (Hit hit : hits) viaProxy |= hit.rule().proxyContext();
    List<Hit> effective = new ArrayList<>(hits.size());
    for (Hit hit : hits) {
      Outcome proxied = hit.outcome().viaProxy();
      effective.add(viaProxy && proxied != null ? new Hit(hit.rule(), proxied, hit.matched(), hit.depth()) : hit);
    }
    effective.sort(RANK.reversed());
    Hit best = effective.get(0);
    String code = best.outcome().code();
    List<Hit> same = new ArrayList<>();
    Map<String, List<Hit>> others = new LinkedHashMap<>();
    for (Hit hit : effective) {
      if (hit.outcome().code().equals(code)) same.add(hit);
      else others.computeIfAbsent(hit.outcome().code() + "/" + hit.outcome().cause(), k -> new ArrayList<>())
          .add(hit);
    }
    String cause = cause(same);
    double confidence = best.kind().confidence() * (best.outcome().layer() == Layer.WRAPPER ? WRAPPER_FACTOR : 1);
    long agreeing = same.stream().map(h -> h.rule().id()).distinct().count();
    if (agreeing > 1) confidence = Math.min(0.99, confidence + 0.05);
    List<Classification> context = new ArrayList<>();
    others.values().stream()
        .sorted(Comparator.comparingLong(list -> list.stream().mapToLong(Hit::depth).min().orElse(0)))
        .forEach(list -> {
          Hit top = list.get(0);
          double c = top.kind().confidence() * (top.outcome().layer() == Layer.WRAPPER ? WRAPPER_FACTOR : 1);
          context.add(Classification.of(top.outcome().code(), top.outcome().cause(), c, evidence(list)));
        });
    return new Classification(code, cause, confidence, evidence(same), context);
  }

  private static String cause(List<Hit> same) {
    String weak = null;
    for (Hit hit : same) {
      Outcome o = hit.outcome();
      if (o.cause() == null) continue;
      if (!o.weakCause()) return o.cause();
      if (weak == null) weak = o.cause();
    }
    return weak;
  }

  private static List<Evidence> evidence(List<Hit> hits) {
    List<Evidence> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Hit hit : hits) {
      if (seen.contains(hit.rule().id())) continue;
      seen.add(hit.rule().id());
      String matched = hit.matched();
      if (matched.length() > MATCHED_LIMIT) matched = matched.substring(0, MATCHED_LIMIT) + "…";
      out.add(new Evidence(hit.kind().id(), Redactor.redact(matched), hit.rule().id()));
    }
    return out;
  }
}
