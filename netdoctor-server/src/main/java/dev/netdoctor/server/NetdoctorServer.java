package dev.netdoctor.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.KnowledgeBase;
import dev.netdoctor.core.kb.SearchHit;
import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.probe.Doctor;
import dev.netdoctor.server.internal.BlackboxProbe;
import dev.netdoctor.server.internal.CorsPolicy;
import dev.netdoctor.server.internal.DiagnosisCache;
import dev.netdoctor.server.internal.DiagnosisMetrics;
import dev.netdoctor.server.internal.DiagnosticsDocument;
import dev.netdoctor.server.internal.GuideHtml;
import dev.netdoctor.server.internal.Json;
import dev.netdoctor.server.internal.StaticAssets;
import dev.netdoctor.server.internal.TargetPolicy;
import dev.netdoctor.server.internal.TokenCheck;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code netdoctor serve}: the diagnosis as a JSON API, the Network Diagnostics page, Prometheus metrics and a
 * blackbox_exporter-compatible {@code /probe}. Every route is in {@link #routes}.
 *
 * <p>Access: every {@code /api}, {@code /metrics} and {@code /probe} request carries the token when one is
 * configured (CORS preflights excepted: browsers send them without credentials, and they reveal nothing). The page
 * and its assets are public; they hold no data. Responses never contain a secret: reports hold none, and every
 * string in a JSON answer passes through the redactor as well.
 *
 * <p>Thread-safe. {@link #start} once, {@link #close} once.
 */
public final class NetdoctorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetdoctorServer.class);
  private static final String JSON = "application/json; charset=utf-8";

  private final ServerConfig config;
  private final KnowledgeBase kb;
  private final CodeRegistry codes;
  private final TokenCheck tokens;
  private final CorsPolicy cors;
  private final BlackboxProbe prober;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DiagnosisMetrics metrics = new DiagnosisMetrics(registry);
  private final ExecutorService runs = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "netdoctor-diagnosis");
    t.setDaemon(true);
    return t;
  });
  private final DiagnosisCache diagnoses;
  private final AtomicReference<DiagnosticsDocument> document = new AtomicReference<>();
  private final Javalin app;

  private NetdoctorServer(ServerConfig config) {
    this.config = config;
    this.kb = config.knowledgeBase();
    this.codes = kb.registryWithAliases();
    this.tokens = new TokenCheck(config.token());
    this.cors = new CorsPolicy(config.settings().cors().allowedOrigins());
    this.prober = new BlackboxProbe(config, new TargetPolicy(config.settings(), config.probeTargets(),
        config.allowAnyTarget()));
    Doctor doctor = Doctor.builder(config.settings()).environment(config.environment()).options(config.options())
        .providers(config.providers()).build();
    this.diagnoses = new DiagnosisCache(doctor::diagnose, config.cacheTtl(), config.environment().ticker(), runs,
        metrics::publish);
    this.app = Javalin.create(c -> {
      c.showJavalinBanner = false;
      c.startupWatcherEnabled = false;
    });
    routes(app);
  }

  /**
   * Starts serving on the configured address.
   *
   * @throws IllegalStateException when the address cannot be bound (the message names it)
   */
  public static NetdoctorServer start(ServerConfig config) {
    NetdoctorServer s = new NetdoctorServer(config);
    try {
      s.app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      s.close();
      throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
          + rootMessage(e), e);
    }
    return s;
  }

  /** The port actually bound (the chosen one when configured as 0). */
  public int port() {
    return app.port();
  }

  /** {@code http://host:port}. */
  public URI uri() {
    String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + h + ":" + port());
  }

  @Override
  public void close() {
    app.stop();
    runs.shutdownNow();
  }

  private void routes(Javalin app) {
    app.before(this::guard);

    app.get("/", ctx -> StaticAssets.serve(ctx, "index.html"));
    app.get("/assets/{file}", ctx -> StaticAssets.serve(ctx, ctx.pathParam("file")));

    app.get("/api/system/network/diagnostics", this::diagnostics);
    app.get("/api/system/network/diagnostics/progress", this::progress);
    app.get("/api/codes", ctx -> json(ctx, 200, Json.write(codes.all())));
    app.get("/api/codes/{code}", this::code);
    app.get("/api/kb", this::guides);
    app.get("/api/kb/search", this::search);
    app.get("/api/kb/{id}", this::guide);

    app.get("/metrics", this::metricsText);
    app.get("/probe", this::probe);

    app.exception(Exception.class, (e, ctx) -> {
      // The message may quote request data or settings; the client gets none of it.
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      json(ctx, 500, Json.error("internal error; see the service log", Map.of()));
    });
  }

  /** CORS, preflights and the token, before every route. */
  private void guard(Context ctx) {
    String origin = ctx.header("Origin");
    boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
    if (origin != null) ctx.header("Vary", "Origin");
    if (preflight) {
      if (cors.allowsPreflight(origin, ctx.header("Access-Control-Request-Method"),
          ctx.header("Access-Control-Request-Headers"))) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Methods", CorsPolicy.METHODS);
        ctx.header("Access-Control-Allow-Headers", CorsPolicy.HEADERS);
        ctx.header("Access-Control-Max-Age", CorsPolicy.MAX_AGE);
        ctx.status(204);
      } else {
        // No Access-Control-* header: the browser blocks the request, as it should.
        ctx.status(403).contentType(JSON).result(Json.error("origin not allowed by Cors.AllowedOrigins",
            Map.of()));
      }
      ctx.skipRemainingHandlers();
      return;
    }
    if (cors.allows(origin)) ctx.header("Access-Control-Allow-Origin", origin);
    String path = ctx.path();
    boolean protectedPath = path.startsWith("/api/") || path.equals("/api") || path.equals("/metrics")
        || path.equals("/probe");
    if (protectedPath && !tokens.allows(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"netdoctor\"");
      json(ctx, 401, Json.error("missing or wrong token: send Authorization: Bearer <token>", Map.of()));
      ctx.skipRemainingHandlers();
    }
  }

  private void diagnostics(Context ctx) {
    boolean fresh = "true".equalsIgnoreCase(ctx.queryParam("fresh"));
    ctx.future(() -> diagnoses.get(fresh).thenAccept(a -> {
      DiagnosticsDocument doc = documentOf(a.report());
      ctx.header("Cache-Control", "no-store");
      json(ctx, 200, doc.json(a.reused(), a.ageMs()));
    }));
  }

  private DiagnosticsDocument documentOf(Report report) {
    DiagnosticsDocument d = document.get();
    if (d != null && d.report() == report) return d;
    DiagnosticsDocument fresh = DiagnosticsDocument.of(report, kb);
    document.set(fresh);
    return fresh;
  }

  private void progress(Context ctx) {
    DiagnosisCache.Progress p = diagnoses.progress();
    ObjectNode o = Json.object().put("running", p.running());
    ArrayNode finished = o.putArray("finished");
    for (CheckResult r : p.finished()) {
      finished.addObject().put("check", r.check()).put("target", r.target())
          .put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
    }
    json(ctx, 200, Json.write(o));
  }

  private void code(Context ctx) {
    String code = ctx.pathParam("code");
    Optional<ErrorCode> found = codes.find(code);
    if (found.isEmpty()) {
      json(ctx, 404, Json.error("unknown code", Map.of("code", clip(code))));
      return;
    }
    ObjectNode o = (ObjectNode) Json.redactedTree(found.get());
    kb.find(found.get().id()).ifPresent(g -> o.put("guide", g.id()));
    json(ctx, 200, Json.write(o));
  }

  private void guides(Context ctx) {
    ArrayNode a = Json.mapper().createArrayNode();
    for (Guide g : kb.all()) {
      a.addObject().put("id", g.id()).put("title", g.title()).put("category", g.category())
          .set("errorCodes", Json.mapper().valueToTree(g.errorCodes()));
    }
    json(ctx, 200, Json.write(a));
  }

  private void search(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      json(ctx, 400, Json.error("query parameter q is missing: /api/kb/search?q=words", Map.of()));
      return;
    }
    int limit = 10;
    String l = ctx.queryParam("limit");
    if (l != null) {
      try {
        limit = Math.max(1, Math.min(50, Integer.parseInt(l)));
      } catch (NumberFormatException e) {
        json(ctx, 400, Json.error("limit must be a number from 1 to 50", Map.of("limit", clip(l))));
        return;
      }
    }
    ObjectNode o = Json.object().put("query", clip(q));
    ArrayNode hits = o.putArray("hits");
    for (SearchHit h : kb.search(clip(q), limit)) {
      hits.addObject().put("id", h.guide().id()).put("title", h.guide().title())
          .put("category", h.guide().category()).put("score", h.score())
          .set("symptoms", Json.mapper().valueToTree(h.guide().symptoms()));
    }
    json(ctx, 200, Json.write(o));
  }

  private void guide(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Guide> g = kb.find(id);
    if (g.isEmpty()) {
      json(ctx, 404, Json.error("no guide with this id or code", Map.of("id", clip(id))));
      return;
    }
    Guide guide = g.get();
    if ("json".equalsIgnoreCase(ctx.queryParam("format"))) {
      ObjectNode o = Json.object().put("id", guide.id()).put("title", guide.title())
          .put("category", guide.category()).put("builtIn", guide.builtIn());
      o.set("symptoms", Json.mapper().valueToTree(guide.symptoms()));
      o.set("errorCodes", Json.mapper().valueToTree(guide.errorCodes()));
      o.set("relatedDocs", Json.mapper().valueToTree(guide.relatedDocs()));
      o.put("markdown", guide.body()).put("html", GuideHtml.body(guide));
      json(ctx, 200, Json.write(o));
      return;
    }
    StaticAssets.securityHeaders(ctx);
    ctx.contentType("text/html; charset=utf-8").result(GuideHtml.page(guide));
  }

  private void metricsText(Context ctx) {
    diagnoses.latestRefreshing();
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }

  private void probe(Context ctx) {
    BlackboxProbe.Answer a = prober.handle(ctx.queryParam("target"), ctx.queryParam("module"),
        ctx.header("X-Prometheus-Scrape-Timeout-Seconds"));
    ctx.status(a.status()).contentType(a.contentType()).result(a.body());
  }

  private static void json(Context ctx, int status, String body) {
    ctx.status(status).contentType(JSON).result(body);
  }

  /** Request text echoed in an error, cut to a length that cannot flood a log or a page. */
  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
