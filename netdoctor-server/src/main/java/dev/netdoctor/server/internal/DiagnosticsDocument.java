package dev.netdoctor.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.KnowledgeBase;
import dev.netdoctor.core.redact.Redactor;
import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Finding;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.report.ReportMarkdown;
import dev.netdoctor.core.report.ReportText;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code GET /api/system/network/diagnostics}, schema version {@value #SCHEMA_VERSION} (docs/api.md).
 *
 * <p>The part that depends only on the report is written once per report and reused; each answer only prepends
 * the fields that depend on the request ({@code reused}, {@code ageMs}).
 */
public final class DiagnosticsDocument {
  /** Bumped when a field changes meaning or disappears; adding a field keeps it. */
  public static final int SCHEMA_VERSION = 1;

  private final Report report;
  private final String tail;

  private DiagnosticsDocument(Report report, String tail) {
    this.report = report;
    this.tail = tail;
  }

  /** Builds the document of {@code report}; guide ids come from {@code kb}. */
  public static DiagnosticsDocument of(Report report, KnowledgeBase kb) {
    ObjectNode o = Json.object();
    o.put("healthy", report.healthy());
    o.put("summary", ReportText.summary(report));
    Map<String, String> guides = new TreeMap<>();
    for (CheckResult r : report.checks()) {
      if (r.code() != null) kb.find(r.code()).map(Guide::id).ifPresent(g -> guides.put(r.code(), g));
    }
    for (Finding f : report.findings()) {
      if (f.guide() != null) guides.putIfAbsent(f.code(), f.guide());
    }
    o.set("guides", Json.mapper().valueToTree(guides));
    o.put("markdown", Redactor.redact(ReportMarkdown.write(report)));
    o.set("report", Json.mapper().valueToTree(report));
    String json = Json.write(o);
    return new DiagnosticsDocument(report, json.substring(1));
  }

  public Report report() {
    return report;
  }

  /** The JSON for one answer. */
  public String json(boolean reused, long ageMs) {
    return "{\"schemaVersion\":" + SCHEMA_VERSION + ",\"reused\":" + reused + ",\"ageMs\":" + ageMs + "," + tail;
  }
}
