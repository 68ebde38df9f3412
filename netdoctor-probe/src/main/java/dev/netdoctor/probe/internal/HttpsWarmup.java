package dev.netdoctor.probe.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Pays the JVM's one-time cost of a first https exchange before any measured one: the first TLS handshake in a JVM
 * loads and initialises a few hundred classes (the TLS stack, elliptic-curve code, the certificate factory and
 * path validator, the key-agreement and cipher providers), which takes well over 100 ms in a fresh process against
 * a few milliseconds on the network, and the HTTP client's first call loads its own call and connect code (about
 * 15–20 ms). Timing them would report the JVM's start-up as the server's handshake or the network's connect.
 *
 * <p>The warm-up is one complete TLS handshake between two in-memory {@link SSLEngine}s, client and server, with
 * a throwaway elliptic-curve leaf issued by a throwaway root ({@link WarmupPki.Chain}) and verified through a PKIX
 * trust manager (the same code paths a real handshake takes, path validation included, and no network), one HTTP
 * client call that fails at its connect by design, and the native engine's calls ({@link #nativeCall}). Each runs
 * once per JVM on a daemon thread, started as early as possible ({@link #start}, at the start of a run, so it
 * overlaps DNS and TCP; the TLS parts only when a target is https); a check calls {@link #await} or
 * {@link #awaitTls} before it starts its clock. A failed warm-up is ignored: the measured exchange then simply pays
 * the cost itself.
 */
public final class HttpsWarmup {
  /** Longest a check waits for the warm-up; it normally takes 0.1–0.5 s in a fresh JVM. */
  static final long MAX_WAIT_MS = 3000;
  private static final int MAX_STEPS = 100;
  /**
   * HTTP/2 calls of the native warm-up: against nginx in a fresh JVM the timed exchange's first byte came 1.3–1.6 ms
   * after curl's with 3, 0.5–1.4 ms with 8, 0.7–0.8 ms with 16 (and 0.15 s more of the probe's run).
   */
  static final int HTTP2_CALLS = 8;
  private static volatile CompletableFuture<Void> client;
  private static volatile CompletableFuture<Void> tls;
  private static volatile CompletableFuture<Void> nativeTls;

  private HttpsWarmup() {}

  /**
   * Starts, on daemon threads, the HTTP client's warm-up and, when {@code https}, the TLS ones (the JVM's engine
   * and the native one), unless started in this JVM already. Returns at once.
   */
  public static void start(boolean https) {
    clientWarmup();
    if (https) {
      tlsWarmup();
      nativeWarmup();
    }
  }

  /**
   * Waits until the HTTP client's warm-up (and, when {@code https}, the JVM's TLS one, and when {@code nativeTls}
   * the native engine's) has finished, at most {@code maxMillis} together (and never beyond {@link #MAX_WAIT_MS});
   * starts them first if needed. Never throws; returns early when interrupted, keeping the interrupt.
   */
  public static void await(boolean https, boolean nativeTls, long maxMillis) {
    long deadline = System.nanoTime() + Math.min(MAX_WAIT_MS, maxMillis) * 1_000_000;
    start(https);
    List<CompletableFuture<Void>> steps = !https ? List.of(client)
        : nativeTls ? List.of(client, tls, HttpsWarmup.nativeTls) : List.of(client, tls);
    for (CompletableFuture<Void> f : steps) {
      long wait = (deadline - System.nanoTime()) / 1_000_000;
      if (wait <= 0) return;
      try {
        f.get(wait, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // measured without (or with part of) the warm-up
      }
    }
  }

  /** Waits for the TLS warm-up only (the tls check makes no HTTP call); see {@link #await}. */
  public static void awaitTls(long maxMillis) {
    long wait = Math.min(MAX_WAIT_MS, maxMillis);
    if (wait <= 0) return;
    try {
      tlsWarmup().get(wait, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // measured without (or with part of) the warm-up
    }
  }

  /** Whether every warm-up has finished (successfully or not). */
  public static boolean finished() {
    CompletableFuture<Void> c = client;
    CompletableFuture<Void> t = tls;
    CompletableFuture<Void> n = nativeTls;
    return c != null && c.isDone() && t != null && t.isDone() && n != null && n.isDone();
  }

  private static synchronized CompletableFuture<Void> clientWarmup() {
    if (client == null) client = onDaemon("netdoctor-http-warmup", HttpsWarmup::httpClientFirstCall);
    return client;
  }

  private static synchronized CompletableFuture<Void> tlsWarmup() {
    if (tls == null) tls = onDaemon("netdoctor-tls-warmup", HttpsWarmup::handshakeInMemory);
    return tls;
  }

  private static synchronized CompletableFuture<Void> nativeWarmup() {
    if (nativeTls == null) nativeTls = onDaemon("netdoctor-native-tls-warmup", HttpsWarmup::nativeCall);
    return nativeTls;
  }

  /** A warm-up step that may fail. */
  private interface Step {
    void run() throws Exception;
  }

  private static CompletableFuture<Void> onDaemon(String name, Step step) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        step.run();
        f.complete(null);
      } catch (Exception | LinkageError e) {
        f.completeExceptionally(e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return f;
  }

  /**
   * One call through the HTTP client that fails at its connect by design (no connection is made, no packet sent):
   * loads the client's call, route and connect code, which a first real call would otherwise load inside its DNS
   * and connect phases.
   */
  static void httpClientFirstCall() {
    OkHttpClient client = new OkHttpClient.Builder()
        .dns(host -> List.of(InetAddress.getLoopbackAddress()))
        .socketFactory(new NoConnection())
        .retryOnConnectionFailure(false)
        .build();
    try (Response r = client.newCall(new Request.Builder().url("https://warm-up.invalid/").build()).execute()) {
      throw new IllegalStateException("the warm-up call cannot succeed: " + r);
    } catch (IOException expected) {
      // the connect fails by design
    } finally {
      client.dispatcher().executorService().shutdown();
    }
  }

  /** Sockets that refuse to connect. */
  private static final class NoConnection extends UnconnectedSocketFactory {
    @Override
    public Socket createSocket() {
      return new Socket() {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
          throw new ConnectException("warm-up: no connection is made");
        }
      };
    }
  }

  /**
   * Https calls through the HTTP client on the native TLS engine ({@link NativeTls}), with the timed exchange's own
   * recorder and sockets, to a {@link WarmupServer} on this process's loopback interface (a throwaway
   * {@link WarmupPki.Chain}, verified through a PKIX trust manager): {@link #HTTP2_CALLS} over HTTP/2, two over
   * HTTP/1.1 (a body with a length, one ended by the connection's close), each with TLS 1.3 session tickets and a
   * content type to parse.
   * Loads the native library, the engine's Java side and the client's TLS, HTTP/2 and HTTP/1.1 code, which the
   * timed exchange would otherwise pay inside its phases (measured in a fresh JVM: 7–14 ms in the TLS phase after a
   * bare handshake warm-up, 2 ms once warm; about 18 ms in the first byte of a first HTTP/2 exchange). Nothing
   * when the native engine is not available.
   */
  static void nativeCall() throws Exception {
    if (!NativeTls.availability().available()) return;
    WarmupPki.Chain chain = WarmupPki.Chain.create();
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(new KeyManager[] {chain.keyManager()}, null, new SecureRandom());
    X509TrustManager trust = WarmupPki.trusting(chain.root());
    // The kinds of answer the timed exchange meets: HTTP/2 (what providers speak; several calls, as its first-byte
    // path stayed 1.5-4 ms slower than curl's after one or three), then HTTP/1.1 with a length and HTTP/1.1 ended
    // by closing the connection.
    List<Protocol> http2 = List.of(Protocol.HTTP_2, Protocol.HTTP_1_1);
    List<List<Protocol>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < HTTP2_CALLS; i++) calls.add(http2);
    calls.add(List.of(Protocol.HTTP_1_1));
    calls.add(List.of(Protocol.HTTP_1_1));
    try (WarmupServer answering = WarmupServer.start(server, calls.size())) {
      SSLContext clientTls = NativeTls.newContext(trust);
      OkHttpClient base = new OkHttpClient.Builder()
          .sslSocketFactory(clientTls.getSocketFactory(), trust)
          // The real exchange's host-name check runs; the throwaway certificate names no host, so its answer is
          // not the warm-up's business.
          .hostnameVerifier((host, session) -> {
            okhttp3.internal.tls.OkHostnameVerifier.INSTANCE.verify(host, session);
            return true;
          })
          // A name resolved by the client's resolver hook, as the timed exchange's are (to this loopback only).
          .dns(host -> List.of(InetAddress.getLoopbackAddress()))
          .retryOnConnectionFailure(false)
          .callTimeout(MAX_WAIT_MS, TimeUnit.MILLISECONDS)
          .build();
      String url = "https://warm-up.invalid:" + answering.port() + "/";
      try {
        for (List<Protocol> protocols : calls) {
          // The timed exchange's own recorder and sockets, so their code is loaded too.
          PhaseRecorder recorder = new PhaseRecorder(System::nanoTime);
          OkHttpClient client = base.newBuilder().protocols(protocols).eventListener(recorder)
              .socketFactory(recorder.socketFactory())
              .sslSocketFactory(recorder.sslSocketFactory(clientTls.getSocketFactory()), trust).build();
          try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
            if (r.code() != 200) throw new IllegalStateException("the warm-up server answered " + r.code());
            // Read as the timed exchange reads: its content type parsed, its bytes through a stream.
            r.body().contentType();
            java.io.InputStream in = r.body().byteStream();
            byte[] chunk = new byte[HttpExchange.MAX_BODY];
            for (int k = 0; k < 64 && in.read(chunk, 0, chunk.length) != -1; k++) {
              // drained
            }
          }
          recorder.finish();
          recorder.timings();
          client.connectionPool().evictAll();
        }
      } finally {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
      }
    }
  }


  /** One full TLS handshake between an in-memory client and server; throws if it does not complete. */
  static void handshakeInMemory() throws Exception {
    WarmupPki.Chain chain = WarmupPki.Chain.create();
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(new KeyManager[] {chain.keyManager()}, null, new SecureRandom());
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, new TrustManager[] {WarmupPki.trusting(chain.root())}, new SecureRandom());

    SSLEngine c = client.createSSLEngine("warm-up.invalid", 443);
    c.setUseClientMode(true);
    SSLEngine s = server.createSSLEngine();
    s.setUseClientMode(false);
    int size = Math.max(c.getSession().getPacketBufferSize(), s.getSession().getPacketBufferSize()) * 4;
    ByteBuffer toServer = ByteBuffer.allocate(size);
    ByteBuffer toClient = ByteBuffer.allocate(size);
    ByteBuffer app = ByteBuffer.allocate(Math.max(c.getSession().getApplicationBufferSize(),
        s.getSession().getApplicationBufferSize()) * 2);
    c.beginHandshake();
    s.beginHandshake();
    for (int i = 0; i < MAX_STEPS; i++) {
      boolean clientDone = step(c, toServer, toClient, app);
      boolean serverDone = step(s, toClient, toServer, app);
      if (clientDone && serverDone) {
        // The server's TLS 1.3 session ticket, sent after the handshake: the client takes it in as a real one does.
        toClient.flip();
        for (int k = 0; k < MAX_STEPS && toClient.hasRemaining(); k++) {
          if (c.unwrap(toClient, app).getStatus() != SSLEngineResult.Status.OK) break;
          app.clear();
        }
        return;
      }
    }
    throw new IllegalStateException("the in-memory TLS handshake did not finish in " + MAX_STEPS + " steps");
  }

  /**
   * Runs {@code e}'s handshake as far as it can: wraps into {@code out}, unwraps from {@code in}. True once it is
   * no longer handshaking.
   */
  private static boolean step(SSLEngine e, ByteBuffer out, ByteBuffer in, ByteBuffer app) throws Exception {
    ByteBuffer nothing = ByteBuffer.allocate(0);
    for (int i = 0; i < MAX_STEPS; i++) {
      HandshakeStatus hs = e.getHandshakeStatus();
      switch (hs) {
        case NEED_TASK -> {
          for (Runnable r; (r = e.getDelegatedTask()) != null; ) r.run();
        }
        case NEED_WRAP -> e.wrap(nothing, out);
        case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
          in.flip();
          SSLEngineResult r = in.hasRemaining() || hs == HandshakeStatus.NEED_UNWRAP_AGAIN ? e.unwrap(in, app) : null;
          in.compact();
          app.clear();
          if (r == null || r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) return false;
        }
        default -> {
          return true;
        }
      }
    }
    return false;
  }

}
