package dev.netdoctor.probe.rules;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.codes.Os;
import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.report.Finding;
import dev.netdoctor.core.report.Severity;
import dev.netdoctor.core.codes.FixText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results of one run as the rules see them: every result in plan order, which ones are already explained,
 * and the findings so far. Builds findings with the name, fix steps and guide from the code registry; the fix
 * steps name the target's own host, port and proxy ({@link FixText}).
 */
public final class Analysis {
  private final List<CheckResult> results;
  private final Set<CheckResult> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Finding> findings = new ArrayList<>();
  private final Map<CheckResult, List<String>> notes = new IdentityHashMap<>();
  private final CodeRegistry codes;
  private final Os os;
  private final Map<String, Map<String, String>> fixValues;

  public Analysis(List<CheckResult> results, CodeRegistry codes, Os os) {
    this(results, codes, os, Map.of());
  }

  /**
   * @param fixValues per target name, the values that fill the placeholders of fix steps ({@link FixText}); a
   *     finding uses those of its first target that has any
   */
  public Analysis(List<CheckResult> results, CodeRegistry codes, Os os, Map<String, Map<String, String>> fixValues) {
    this.results = List.copyOf(results);
    this.codes = codes;
    this.os = os;
    this.fixValues = Map.copyOf(fixValues);
  }

  /** Every result, in plan order. */
  public List<CheckResult> results() {
    return results;
  }

  /** Results of check {@code name}. */
  public List<CheckResult> results(String check) {
    return results.stream().filter(r -> r.check().equals(check)).toList();
  }

  /** The result of {@code check} for {@code target}. */
  public Optional<CheckResult> result(String target, String check) {
    return results.stream().filter(r -> r.target().equals(target) && r.check().equals(check)).findFirst();
  }

  public boolean claimed(CheckResult r) {
    return claimed.contains(r);
  }

  /** Marks {@code r} as explained by a finding. */
  public void claim(CheckResult r) {
    claimed.add(r);
  }

  /**
   * Attaches context to {@code r} without explaining it: whichever rule reports {@code r} later adds the line to its
   * finding's evidence.
   */
  public void note(CheckResult r, String line) {
    notes.computeIfAbsent(r, k -> new ArrayList<>()).add(line);
  }

  /** The context lines attached to {@code r} by {@link #note}, in the order added. */
  public List<String> notes(CheckResult r) {
    return List.copyOf(notes.getOrDefault(r, List.of()));
  }

  /**
   * Claims {@code r} and every later failed or warned result of the same target: with the connection broken at
   * {@code r}'s step, what fails after it is a consequence, not another cause.
   */
  public void claimWithConsequences(CheckResult r) {
    claim(r);
    int at = indexOf(r);
    for (int i = at + 1; i < results.size(); i++) {
      CheckResult later = results.get(i);
      if (later.target().equals(r.target()) && later.status() != CheckStatus.PASS && !isMachineWide(later)) {
        claim(later);
      }
    }
  }

  private static boolean isMachineWide(CheckResult r) {
    return r.check().equals("settings") || r.check().equals("ffmpeg") || r.check().equals("throughput");
  }

  private int indexOf(CheckResult r) {
    for (int i = 0; i < results.size(); i++) if (results.get(i) == r) return i;
    return -1;
  }

  /**
   * Adds a finding for {@code code}/{@code cause}; its name, fix steps and guide come from the registry.
   *
   * @param targets the targets it explains, deduplicated in order
   */
  public Finding add(String code, String cause, Severity severity, double confidence, String summary,
      List<String> evidence, List<String> targets, String rule) {
    Optional<ErrorCode> known = codes.find(code);
    Map<String, String> values = targets.stream().map(fixValues::get).filter(v -> v != null && !v.isEmpty())
        .findFirst().orElse(Map.of());
    Finding f = new Finding(code, known.map(ErrorCode::longName).orElse(null), cause, severity, confidence, summary,
        evidence, new ArrayList<>(new LinkedHashSet<>(targets)),
        FixText.render(known.map(c -> c.fixStepsFor(os)).orElse(List.of()), values),
        known.map(ErrorCode::guideId).orElse(null), rule);
    findings.add(f);
    return f;
  }

  /** The findings, errors first, then warnings, then information; in the order added within each. */
  public List<Finding> findings() {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::severity));
    return sorted;
  }

  /** FAIL → ERROR, WARN → WARNING. */
  public static Severity severityOf(CheckResult r) {
    return r.status() == CheckStatus.FAIL ? Severity.ERROR : Severity.WARNING;
  }

  /** Whether {@code r} counts as a problem on its own: failed or warned with a code, not a control, not claimed. */
  public boolean open(CheckResult r) {
    return !claimed(r) && !r.control() && r.code() != null
        && (r.status() == CheckStatus.FAIL || r.status() == CheckStatus.WARN);
  }
}
