package dev.netdoctor.server.internal;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's files, read once from the jar. Only the names listed here are served, so no path can reach any other
 * resource. The page loads no inline script and nothing from another origin, which its Content-Security-Policy
 * enforces.
 */
public final class StaticAssets {
  private static final String DIR = "/netdoctor/web/";
  private static final Map<String, String> TYPES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "app.css", "text/css; charset=utf-8",
      "app.js", "text/javascript; charset=utf-8");
  private static final Map<String, byte[]> FILES = load();

  private StaticAssets() {}

  public static void serve(Context ctx, String name) {
    byte[] body = FILES.get(name);
    if (body == null) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("not found\n");
      return;
    }
    securityHeaders(ctx);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(TYPES.get(name)).result(body);
  }

  public static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
        + " script-src 'self'; frame-ancestors 'none'; base-uri 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private static Map<String, byte[]> load() {
    Map<String, byte[]> m = new java.util.HashMap<>();
    for (String name : TYPES.keySet()) {
      try (InputStream in = StaticAssets.class.getResourceAsStream(DIR + name)) {
        if (in == null) throw new IllegalStateException("missing resource " + DIR + name);
        m.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(m);
  }
}
