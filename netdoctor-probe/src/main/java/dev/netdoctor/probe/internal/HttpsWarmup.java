package dev.netdoctor.probe.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
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
 * a throwaway elliptic-curve leaf issued by a throwaway root ({@link Chain}) and verified through a PKIX trust
 * manager (the same code paths a real handshake takes, path validation included, and no network), one HTTP client
 * call that fails at its connect by design, and the native engine's calls ({@link #nativeCall}). Each runs once per JVM on a daemon thread,
 * started as early as possible ({@link #start}, at the start of a run, so it overlaps DNS and TCP; the TLS part only
 * when a target is https); a check calls {@link #await} or {@link #awaitTls} before it starts its clock. A failed warm-up is ignored: the measured handshake then simply pays
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
  private static final class NoConnection extends SocketFactory {
    @Override
    public Socket createSocket() {
      return new Socket() {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
          throw new ConnectException("warm-up: no connection is made");
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new ConnectException("warm-up: no connection is made");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      throw new ConnectException("warm-up: no connection is made");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      throw new ConnectException("warm-up: no connection is made");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      throw new ConnectException("warm-up: no connection is made");
    }
  }

  /**
   * Https calls through the HTTP client on the native TLS engine ({@link NativeTls}), with the timed exchange's own
   * recorder and sockets, to a {@link WarmupServer} on this process's loopback interface (a throwaway {@link Chain},
   * verified through a PKIX trust manager): {@link #HTTP2_CALLS} over HTTP/2, two over HTTP/1.1 (a body with a
   * length, one ended by the connection's close), each with TLS 1.3 session tickets and a content type to parse.
   * Loads the native library, the engine's Java side and the client's TLS, HTTP/2 and HTTP/1.1 code, which the
   * timed exchange would otherwise pay inside its phases (measured in a fresh JVM: 7–14 ms in the TLS phase after a
   * bare handshake warm-up, 2 ms once warm; about 18 ms in the first byte of a first HTTP/2 exchange). Nothing
   * when the native engine is not available.
   */
  static void nativeCall() throws Exception {
    if (!NativeTls.availability().available()) return;
    Chain chain = Chain.create();
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(new KeyManager[] {chain.keyManager()}, null, new SecureRandom());
    X509TrustManager trust = trusting(chain.root());
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

  static KeyPair ecKey() throws GeneralSecurityException {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
    kpg.initialize(new ECGenParameterSpec("secp256r1"));
    return kpg.generateKeyPair();
  }

  /** A PKIX trust manager whose only anchor is {@code cert}. */
  private static X509TrustManager trusting(X509Certificate cert) throws Exception {
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    anchors.setCertificateEntry("warm-up", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(anchors);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) return x;
    }
    throw new GeneralSecurityException("no X509TrustManager");
  }

  /** One full TLS handshake between an in-memory client and server; throws if it does not complete. */
  static void handshakeInMemory() throws Exception {
    Chain chain = Chain.create();
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(new KeyManager[] {chain.keyManager()}, null, new SecureRandom());
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, new TrustManager[] {trusting(chain.root())}, new SecureRandom());

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

  /**
   * The warm-up's chain: a leaf ({@code CN=netdoctor TLS warm-up}) issued by a root of its own, both P-256, so a
   * handshake validates a real path (the leaf's signature checked against the root, the JDK's algorithm
   * constraints applied), as with a real server, and not the shortcut a self-signed anchor takes.
   */
  record Chain(KeyPair leafKeys, X509Certificate leaf, X509Certificate root) {
    static Chain create() throws GeneralSecurityException {
      KeyPair rootKeys = ecKey();
      KeyPair leafKeys = ecKey();
      X509Certificate root = selfSigned(rootKeys, "netdoctor TLS warm-up root");
      X509Certificate leaf = issued("netdoctor TLS warm-up", leafKeys.getPublic(), "netdoctor TLS warm-up root",
          rootKeys.getPrivate());
      return new Chain(leafKeys, leaf, root);
    }

    KeyManager keyManager() {
      return new OneKey(leafKeys.getPrivate(), new X509Certificate[] {leaf, root});
    }
  }

  /** A self-signed X.509 (version 1) certificate for {@code pair}, signed with ECDSA over SHA-256. */
  static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException {
    return selfSigned(pair, "netdoctor TLS warm-up");
  }

  private static X509Certificate selfSigned(KeyPair pair, String name) throws GeneralSecurityException {
    return issued(name, pair.getPublic(), name, pair.getPrivate());
  }

  /** An X.509 (version 1) certificate for {@code subjectKey}, valid for a day, signed with ECDSA over SHA-256. */
  static X509Certificate issued(String subject, java.security.PublicKey subjectKey, String issuer,
      PrivateKey issuerKey) throws GeneralSecurityException {
    byte[] ecdsaWithSha256 = Der.sequence(Der.oid(new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 4, 3, 2}));
    byte[] subjectName = Der.sequence(Der.set(Der.sequence(Der.oid(new byte[] {0x55, 4, 3}), Der.utf8(subject))));
    byte[] issuerName = Der.sequence(Der.set(Der.sequence(Der.oid(new byte[] {0x55, 4, 3}), Der.utf8(issuer))));
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    byte[] validity = Der.sequence(Der.utcTime(now.minusHours(1).format(utc)), Der.utcTime(now.plusDays(1).format(utc)));
    byte[] serial = Der.integer(new byte[] {1});
    byte[] tbs = Der.sequence(serial, ecdsaWithSha256, issuerName, validity, subjectName, subjectKey.getEncoded());
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(issuerKey);
    signer.update(tbs);
    byte[] der = Der.sequence(tbs, ecdsaWithSha256, Der.bitString(signer.sign()));
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }

  /** The minimal DER encoding the warm-up certificate needs. */
  static final class Der {
    private Der() {}

    static byte[] sequence(byte[]... parts) {
      return tagged(0x30, parts);
    }

    static byte[] set(byte[]... parts) {
      return tagged(0x31, parts);
    }

    static byte[] oid(byte[] encoded) {
      return tagged(0x06, encoded);
    }

    static byte[] integer(byte[] value) {
      return tagged(0x02, value);
    }

    static byte[] utf8(String s) {
      return tagged(0x0c, s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] utcTime(String s) {
      return tagged(0x17, s.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] bitString(byte[] bits) {
      byte[] v = new byte[bits.length + 1]; // first byte: no unused bits
      System.arraycopy(bits, 0, v, 1, bits.length);
      return tagged(0x03, v);
    }

    static byte[] tagged(int tag, byte[]... parts) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (byte[] p : parts) body.writeBytes(p);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(tag);
      int n = body.size();
      if (n < 0x80) {
        out.write(n);
      } else if (n < 0x100) {
        out.write(0x81);
        out.write(n);
      } else {
        out.write(0x82);
        out.write(n >> 8);
        out.write(n & 0xff);
      }
      out.writeBytes(body.toByteArray());
      return out.toByteArray();
    }
  }

  /** The server side's only key. */
  private static final class OneKey extends X509ExtendedKeyManager {
    private static final String ALIAS = "warm-up";
    private final PrivateKey key;
    private final X509Certificate[] chain;

    OneKey(PrivateKey key, X509Certificate[] chain) {
      this.key = key;
      this.chain = chain;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return "EC".equals(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return "EC".equals(keyType) ? ALIAS : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return "EC".equals(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
