package dev.netdoctor.client.internal;

import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The outermost interceptor: a debug line per call and per outcome under {@code netdoctor.client.http}, with the
 * headers the application set (OkHttp's own, and proxy credentials, are added later and never seen here). URLs
 * and header values pass through {@link Redaction}, secret headers masked by name; bodies are never logged.
 */
public final class LoggingInterceptor implements Interceptor {
  private final ClientLog log;
  private final Redaction redaction;

  public LoggingInterceptor(ClientLog log, Redaction redaction) {
    this.log = log;
    this.redaction = redaction;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isDebugEnabled()) return chain.proceed(request);
    CallContext context = CallContext.of(request);
    long start = System.nanoTime();
    log.debug("--> {} {} (provider {}){}", request.method(), redaction.url(request.url()), context.provider(),
        headers(request.headers()));
    try {
      Response response = chain.proceed(request);
      log.debug("<-- {} {} in {} ms after {} attempt(s){}", response.code(), redaction.url(request.url()),
          (System.nanoTime() - start) / 1_000_000, context.attempts(), headers(response.headers()));
      return response;
    } catch (IOException e) {
      log.debug("<-- failed {} in {} ms after {} attempt(s): {}", redaction.url(request.url()),
          (System.nanoTime() - start) / 1_000_000, context.attempts(), redaction.text(e.toString()));
      throw e;
    }
  }

  private String headers(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      sb.append("\n    ").append(headers.name(i)).append(": ").append(redaction.header(headers.name(i), headers.value(i)));
    }
    return sb.toString();
  }
}
