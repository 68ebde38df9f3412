package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Secret;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Everything the client needs about one provider: where it is, how it authenticates, its timeouts, whether it
 * is local. Immutable.
 */
public record ProviderRoute(String name, ProviderKind kind, HttpUrl baseUrl, Optional<Secret> apiKey,
    boolean local, ProviderTimeouts timeouts) {

  /** Headers that carry a provider's credentials; replaced when a call moves to a fallback provider. */
  public static final List<String> AUTH_HEADERS = List.of("Authorization", "x-api-key", "xi-api-key",
      "anthropic-version");

  public static ProviderRoute of(Provider p) {
    HttpUrl url = HttpUrl.get(p.baseUrl().toString());
    return new ProviderRoute(p.name(), p.kind(), url, p.apiKey(), p.local(), ProviderTimeouts.of(p));
  }

  /** {@code baseUrl} joined with {@code path} ({@code chat/completions} or {@code /chat/completions}). */
  public HttpUrl resolve(String path) {
    String base = baseUrl.toString();
    if (!base.endsWith("/")) base = base + "/";
    String rel = path.startsWith("/") ? path.substring(1) : path;
    return HttpUrl.get(base + rel);
  }

  /** Adds the provider's auth headers unless the request already has them. */
  public Request.Builder authenticate(Request.Builder builder, Request current) {
    if (apiKey.isEmpty()) return builder;
    String key = apiKey.get().reveal();
    switch (kind) {
      case ANTHROPIC:
        if (current == null || current.header("x-api-key") == null) builder.header("x-api-key", key);
        if (current == null || current.header("anthropic-version") == null) {
          builder.header("anthropic-version", "2023-06-01");
        }
        break;
      case ELEVENLABS:
        if (current == null || current.header("xi-api-key") == null) builder.header("xi-api-key", key);
        break;
      default:
        if (current == null || current.header("Authorization") == null) {
          builder.header("Authorization", "Bearer " + key);
        }
    }
    return builder;
  }

  /**
   * The same request for {@code other}: the path below this base URL moved under the other's base URL, this
   * provider's credentials replaced by the other's.
   */
  public Request moveTo(Request request, ProviderRoute other) {
    String base = baseUrl.toString();
    String url = request.url().toString();
    String rest = url.startsWith(base) ? url.substring(base.length()) : request.url().encodedPath();
    Request.Builder b = request.newBuilder().url(other.resolve(rest));
    for (String h : AUTH_HEADERS) b.removeHeader(h);
    Request stripped = b.build();
    return other.authenticate(stripped.newBuilder(), stripped).build();
  }
}
