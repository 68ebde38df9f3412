package dev.netdoctor.client.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The on-disk response cache for provider POSTs (and GETs), keyed on provider, method, URL and body (never on
 * headers, so API keys are not part of it and never stored).
 *
 * <p>Reads: a fresh entry ({@code CacheDurationMinutes}) is served when {@code EnableResponseCache} is on; in
 * offline mode an entry of any age is served. Writes: a 200 answer that is not a stream, not
 * {@code Cache-Control: no-store} and not larger than {@link #MAX_ENTRY_BYTES} is stored when
 * {@code EnableResponseCache} or {@code OfflineMode.CacheRemoteResponses} is on. Streamed calls bypass it.
 */
public final class CacheInterceptor implements Interceptor {
  /** Answers larger than this are passed through but not stored. */
  public static final long MAX_ENTRY_BYTES = 8L * 1024 * 1024;
  /** Set on answers served from the cache. */
  public static final String CACHE_HEADER = "X-Netdoctor-Cache";

  private final DiskCache cache;
  private final boolean readFresh;
  private final boolean offline;
  private final Duration freshFor;
  private final ClientLog log;

  public CacheInterceptor(DiskCache cache, boolean readFresh, boolean offline, Duration freshFor, ClientLog log) {
    this.cache = cache;
    this.readFresh = readFresh;
    this.offline = offline;
    this.freshFor = freshFor;
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext context = CallContext.of(request);
    if (context.streaming() || !cacheable(request)) return chain.proceed(request);
    Buffer body = new Buffer();
    if (request.body() != null) request.body().writeTo(body);
    String key = DiskCache.key(context.provider(), request.method(), request.url().toString(), body.readByteArray());
    if (readFresh || offline) {
      Optional<DiskCache.Entry> hit = cache.get(key, offline ? null : freshFor);
      if (hit.isPresent()) {
        log.debug("hit {} for provider {}", key.substring(0, 12), context.provider());
        context.markServedFromCache();
        DiskCache.Entry e = hit.get();
        MediaType type = e.contentType().isEmpty() ? null : MediaType.parse(e.contentType());
        return new Response.Builder()
            .request(request)
            .protocol(Protocol.HTTP_1_1)
            .code(e.status())
            .message("OK")
            .header(CACHE_HEADER, "hit")
            .header("Content-Type", e.contentType().isEmpty() ? "application/octet-stream" : e.contentType())
            .body(ResponseBody.create(e.body(), type))
            .build();
      }
      log.debug("miss {} for provider {}", key.substring(0, 12), context.provider());
    }
    Response response = chain.proceed(request);
    if (response.code() == 200 && storable(response)) {
      ResponseBody peeked = response.peekBody(MAX_ENTRY_BYTES + 1);
      byte[] bytes = peeked.bytes();
      if (bytes.length <= MAX_ENTRY_BYTES) {
        try {
          cache.put(key, response.code(), response.header("Content-Type", ""), bytes);
        } catch (IOException | RuntimeException e) {
          log.warn("could not store a response in {}: {}", cache.directory(), e.toString());
        }
      }
    }
    return response;
  }

  private static boolean cacheable(Request request) {
    if (!request.method().equals("POST") && !request.method().equals("GET")) return false;
    if (request.body() != null && (request.body().isOneShot() || request.body().isDuplex())) return false;
    String cc = request.header("Cache-Control");
    return cc == null || !cc.contains("no-store");
  }

  private static boolean storable(Response response) {
    String type = response.header("Content-Type", "");
    if (type.startsWith("text/event-stream")) return false;
    String cc = response.header("Cache-Control", "");
    if (cc.contains("no-store")) return false;
    ResponseBody body = response.body();
    return body.contentLength() <= MAX_ENTRY_BYTES;
  }
}
