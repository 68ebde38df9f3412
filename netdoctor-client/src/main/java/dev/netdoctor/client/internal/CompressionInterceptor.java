package dev.netdoctor.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * {@code EnableCompression=false}: asks for {@code Accept-Encoding: identity}. With compression on, nothing is
 * added and OkHttp asks for gzip and decompresses transparently.
 */
public final class CompressionInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    if (chain.request().header("Accept-Encoding") != null) return chain.proceed(chain.request());
    return chain.proceed(chain.request().newBuilder().header("Accept-Encoding", "identity").build());
  }
}
