package dev.netdoctor.client.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Logs each call's phase timings (resolve, connect, TLS, first byte, total) at debug under
 * {@code netdoctor.client.http.phases}, one line per call at its end. Created per call; OkHttp delivers the
 * events of one call in order on the thread running it, so no synchronisation is needed.
 */
public final class PhaseListener extends EventListener {
  private final ClientLog log;
  private final Redaction redaction;
  private final long start = System.nanoTime();
  private long dnsStart;
  private long dns = -1;
  private long connectStart;
  private long connect = -1;
  private long tlsStart;
  private long tls = -1;
  private long requestEnd;
  private long firstByte = -1;
  private int status;

  PhaseListener(ClientLog log, Redaction redaction) {
    this.log = log;
    this.redaction = redaction;
  }

  /** A factory that only creates listeners when debug logging is on for the category. */
  public static EventListener.Factory factory(ClientLog log, Redaction redaction) {
    return call -> log.isDebugEnabled() ? new PhaseListener(log, redaction) : EventListener.NONE;
  }

  @Override public void dnsStart(Call call, String domainName) { dnsStart = System.nanoTime(); }

  @Override public void dnsEnd(Call call, String domainName, List<InetAddress> list) {
    dns = System.nanoTime() - dnsStart;
  }

  @Override public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    connectStart = System.nanoTime();
  }

  @Override public void secureConnectStart(Call call) { tlsStart = System.nanoTime(); }

  @Override public void secureConnectEnd(Call call, Handshake handshake) { tls = System.nanoTime() - tlsStart; }

  @Override public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
    connect = System.nanoTime() - connectStart;
  }

  @Override public void requestHeadersEnd(Call call, okhttp3.Request request) { requestEnd = System.nanoTime(); }

  @Override public void requestBodyEnd(Call call, long byteCount) { requestEnd = System.nanoTime(); }

  @Override public void responseHeadersEnd(Call call, Response response) {
    if (firstByte < 0) firstByte = System.nanoTime() - requestEnd;
    status = response.code();
  }

  @Override public void callEnd(Call call) { report(call, "ok"); }

  @Override public void callFailed(Call call, IOException ioe) { report(call, ioe.getClass().getSimpleName()); }

  private void report(Call call, String outcome) {
    log.debug("{} {} -> {} {}: dns={} connect={} tls={} firstByte={} total={} ms", call.request().method(),
        redaction.url(call.request().url()), status, outcome, ms(dns), ms(connect), ms(tls), ms(firstByte),
        ms(System.nanoTime() - start));
  }

  private static String ms(long nanos) {
    return nanos < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
  }
}
