package dev.netdoctor.probe;

import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import dev.netdoctor.core.classify.HttpFailure;
import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.HttpExchange;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;

/**
 * The provider's cheapest authenticated read-only request ({@link ProviderCatalogue.Profile#checkPath()}) with
 * its key, when a key is set, so a bad key (AUTH002), a forbidden account or region (AUTH004), an exhausted quota
 * (AUTH005) and a rate limit (AUTH006) are told apart. The answer is classified by the core classifier; the
 * status code decides when the classifier does not recognise the body. The key never appears in the result.
 *
 * <p>Facts: {@code url}, {@code status}, {@code keyVariable}, {@code providerError} (the error type or code
 * from the body, when there is one).
 */
public final class AuthProbe implements Probe {
  public static final String NAME = "auth";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    Target target = ctx.requireTarget();
    ResultBuilder r = new ResultBuilder(NAME, ctx);
    if (target.provider().isEmpty()) return r.skip("not a provider");
    Provider provider = target.provider().get();
    ProviderCatalogue.Profile profile = ProviderCatalogue.of(provider);
    String variable = provider.apiKeyVariable().isEmpty() ? profile.keyVariable() : provider.apiKeyVariable();
    r.fact("keyVariable", variable);
    if (provider.apiKey().isEmpty()) {
      return r.skip("no key set" + (variable.isEmpty() ? "" : " (" + variable + ")"));
    }
    CheckResult http = ctx.prior(HttpProbe.NAME).orElse(null);
    if (http != null && !http.passed()) return r.skip("provider not reachable (http check failed)");
    Secret key = provider.apiKey().get();
    URI url = profile.checkUrl(provider.baseUrl());
    Map<String, String> headers = new LinkedHashMap<>(profile.authHeaders(key.reveal()));
    headers.put("User-Agent", "netdoctor");
    r.fact("url", url.toString()).evidence("key set (" + key.length() + " characters), sent as "
        + profile.authStyle().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    HttpExchange.Result x = HttpExchange.execute(ctx, "GET", url, Headers.of(headers));
    if (!x.answered()) {
      FailureMapper.Mapped m = FailureMapper.map(x.failure(), x.failedPhase());
      return r.fail(m, "the authenticated request failed: " + m.evidence());
    }
    r.fact("status", x.status()).evidence("GET " + url + " → " + x.status());
    if (x.status() >= 200 && x.status() < 300) return r.pass("key accepted (" + x.status() + ")");
    String[] codeCause = classifyAnswer(x.status(), x.headers(), x.body(),
        provider.kind().name().toLowerCase(Locale.ROOT), r);
    String code = codeCause[0];
    String cause = codeCause[1];
    String errorType = providerError(x.body());
    if (errorType != null) r.fact("providerError", errorType).evidence("provider error: " + errorType);
    String what = switch (code) {
      case "AUTH002" -> target.name() + " is reachable and rejects the key (" + x.status() + ")";
      case "AUTH004" -> target.name() + " is reachable and refuses this account or region (" + x.status() + ")";
      case "AUTH005" -> target.name() + " is reachable; the account's quota is exhausted (" + x.status() + ")";
      case "AUTH006" -> target.name() + " is reachable; requests are rate limited (" + x.status() + ")";
      default -> target.name() + " answered " + x.status() + " to the key check";
    };
    return r.fail(code, cause, what);
  }

  /**
   * The code and cause of a provider's non-2xx answer: the core classifier first, else the status (401 → AUTH002,
   * 403 → AUTH004, 429 → AUTH005 when the body speaks of quota or billing, else AUTH006; 5xx → NET007).
   */
  static String[] classifyAnswer(int status, java.util.Map<String, java.util.List<String>> headers, String text,
      String provider, ResultBuilder r) {
    Classification c = Classifier.builtIn().classify(new HttpFailure(status, headers, text, provider));
    String body = text.toLowerCase(Locale.ROOT);
    if (c.recognised() && (c.code().startsWith("AUTH") || c.code().startsWith("NET"))) {
      r.evidence("classified " + c.code() + (c.cause() == null ? "" : "/" + c.cause()) + " by the classifier");
      return new String[] {c.code(), c.cause()};
    }
    return switch (status) {
      case 401 -> new String[] {"AUTH002", body.contains("revoked") ? "revoked" : "invalid"};
      case 403 -> new String[] {"AUTH004", body.contains("region") || body.contains("country")
          || body.contains("territory") ? "region-not-supported" : "forbidden"};
      case 429 -> {
        boolean quota = body.contains("insufficient_quota") || body.contains("quota") || body.contains("billing")
            || body.contains("credits");
        yield new String[] {quota ? "AUTH005" : "AUTH006",
            quota ? "insufficient-quota" : body.contains("token") ? "tokens" : "requests"};
      }
      default -> new String[] {status >= 500 ? "NET007" : "AUTH004", status >= 500 ? "server-error" : "forbidden"};
    };
  }

  /** The {@code error.type} or {@code error.code} of a JSON error body, if it has one; never the message. */
  static String providerError(String body) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\"(?:type|code)\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,60})\"").matcher(body);
    String found = null;
    while (m.find()) {
      found = m.group(1);
      if (!found.equals("error")) return found;
    }
    return found;
  }
}
