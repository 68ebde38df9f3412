package dev.netdoctor.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * classify(Throwable) on failures made to happen for real on loopback: closed ports, unresolvable names, TLS
 * servers with bad certificates made in the test, servers that never answer or reset the connection.
 */
class RealFailuresTest {
  private static final Classifier CLASSIFIER = Classifier.builtIn();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closeables) c.close();
    for (Thread t : threads) t.join(2_000);
  }

  @Test
  void connectingToAClosedPortIsConnectionRefused() throws IOException {
    int port = closedPort();
    Throwable failure = catchThrowable(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      }
    });

    Classification c = CLASSIFIER.classify(failure);

    assertThat(failure).isInstanceOf(java.net.ConnectException.class);
    assertThat(c.code()).isEqualTo("NET008");
    assertThat(c.cause()).isEqualTo("port-closed");
    assertThat(c.evidence()).extracting(Evidence::rule).contains("java-connect-exception");
  }

  @Test
  void jdkHttpClientToAClosedPortIsConnectionRefused() throws Exception {
    int port = closedPort();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Throwable failure = catchThrowable(() -> client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/models")).build(),
        HttpResponse.BodyHandlers.discarding()));

    Classification c = CLASSIFIER.classify(failure);

    assertThat(c.code()).as("%s", failure).isEqualTo("NET008");
  }

  @Test
  void anInvalidNameIsADnsFailure() {
    Throwable failure = catchThrowable(() -> InetAddress.getByName("nothing.invalid"));

    Classification c = CLASSIFIER.classify(failure);

    assertThat(failure).isInstanceOf(java.net.UnknownHostException.class);
    assertThat(c.code()).isEqualTo("NET002");
    // With a resolver the name does not exist; in a sandbox without one the lookup fails temporarily.
    assertThat(c.cause()).isIn("nxdomain", "resolver-timeout");
  }

  @Test
  void aServerThatNeverAnswersIsAFirstByteTimeout() throws IOException {
    ServerSocket server = silentServer();
    Throwable failure = catchThrowable(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(server.getLocalSocketAddress(), 2_000);
        socket.setSoTimeout(200);
        socket.getInputStream().read();
      }
    });

    Classification c = CLASSIFIER.classify(failure);

    assertThat(failure).isInstanceOf(java.net.SocketTimeoutException.class);
    assertThat(c.code()).isEqualTo("NET004");
    assertThat(c.cause()).isEqualTo("first-byte");
  }

  @Test
  void jdkHttpClientRequestTimeoutIsATotalTimeout() throws Exception {
    ServerSocket server = silentServer();
    HttpClient client = HttpClient.newHttpClient();
    Throwable failure = catchThrowable(() -> client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"))
            .timeout(Duration.ofMillis(300)).build(),
        HttpResponse.BodyHandlers.discarding()));

    Classification c = CLASSIFIER.classify(failure);

    assertThat(failure).isInstanceOf(java.net.http.HttpTimeoutException.class);
    assertThat(c.code()).isEqualTo("NET004");
    assertThat(c.cause()).isEqualTo("total");
  }

  @Test
  void aResetConnectionIsConnectionReset() throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closeables.add(server);
    background(() -> {
      try (Socket accepted = server.accept()) {
        accepted.getInputStream().read(); // wait for the client's first byte
        accepted.setSoLinger(true, 0); // close with RST
      }
    });
    Throwable failure = catchThrowable(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(server.getLocalSocketAddress(), 2_000);
        socket.setSoTimeout(2_000);
        OutputStream out = socket.getOutputStream();
        out.write('x');
        out.flush();
        InputStream in = socket.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline && in.read() >= 0) {
          // read until the reset surfaces
        }
        for (int i = 0; i < 50; i++) { // a write after the RST fails for sure
          out.write(new byte[1024]);
          out.flush();
        }
      }
    });

    Classification c = CLASSIFIER.classify(failure);

    assertThat(failure).as("the reset surfaces as an exception").isNotNull();
    assertThat(c.code()).as("%s", failure).isEqualTo("NET013");
    assertThat(c.cause()).isIn("reset-by-peer", "broken-pipe");
  }

  @Test
  void anExpiredServerCertificateIsCertificateExpired() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("test root").build();
    long now = System.currentTimeMillis();
    HeldCertificate expired = new HeldCertificate.Builder()
        .signedBy(root)
        .addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1")
        .validityInterval(now - TimeUnit.DAYS.toMillis(30), now - TimeUnit.DAYS.toMillis(1))
        .build();
    Throwable failure = handshake(expired, root, trusting(root), null);

    Classification c = CLASSIFIER.classify(failure);

    assertThat(failure).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    assertThat(c.code()).isEqualTo("NET009");
    assertThat(c.cause()).isEqualTo("expired");
  }

  @Test
  void aCertificateFromAnUnknownRootIsUntrustedRoot() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("unknown root").build();
    HeldCertificate server = new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("127.0.0.1")
        .build();
    HeldCertificate otherRoot = new HeldCertificate.Builder().certificateAuthority(0).build();
    Throwable failure = handshake(server, root, trusting(otherRoot), null);

    Classification c = CLASSIFIER.classify(failure);

    assertThat(failure).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    assertThat(c.code()).isEqualTo("NET009");
    assertThat(c.cause()).isEqualTo("untrusted-root");
  }

  @Test
  void aCertificateForAnotherNameIsHostnameMismatch() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate server = new HeldCertificate.Builder().signedBy(root)
        .addSubjectAlternativeName("api.example.test").build();
    Throwable failure = handshake(server, root, trusting(root), "HTTPS");

    Classification c = CLASSIFIER.classify(failure);

    assertThat(c.code()).as("%s", failure).isEqualTo("NET009");
    assertThat(c.cause()).isEqualTo("hostname-mismatch");
  }

  @Test
  void tlsToAPlainTextServerIsNotTls() throws Exception {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closeables.add(server);
    background(() -> {
      try (Socket accepted = server.accept()) {
        accepted.getOutputStream().write(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        accepted.getOutputStream().flush();
        accepted.setSoTimeout(2_000);
        accepted.getInputStream().read();
      }
    });
    Throwable failure = catchThrowable(() -> {
      try (SSLSocket socket = (SSLSocket) SSLContext.getDefault().getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        socket.setSoTimeout(2_000);
        socket.startHandshake();
      }
    });

    Classification c = CLASSIFIER.classify(failure);

    assertThat(c.code()).as("%s", failure).isEqualTo("NET003");
    assertThat(c.cause()).isEqualTo("not-tls");
  }

  @Test
  void theDeepestCauseWinsAndTheWrappersBecomeContext() throws IOException {
    int port = closedPort();
    IOException refused = (IOException) catchThrowable(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      }
    });
    Exception wrapped = new IllegalStateException("provider call failed",
        new UncheckedIOException("HTTP 503 Service Unavailable from gateway", refused));

    Classification c = CLASSIFIER.classify(wrapped);

    assertThat(c.code()).isEqualTo("NET008");
    assertThat(c.context()).extracting(Classification::code).containsExactly("NET007");
  }

  @Test
  void suppressedExceptionsAreWalkedToo() throws IOException {
    int port = closedPort();
    Throwable refused = catchThrowable(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      }
    });
    IOException allRoutesFailed = new IOException("all routes failed");
    allRoutesFailed.addSuppressed(refused);

    assertThat(CLASSIFIER.classify(allRoutesFailed).code()).isEqualTo("NET008");
  }

  @Test
  void aCyclicCauseChainTerminates() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);

    assertThat(CLASSIFIER.classify(a).recognised()).isFalse();
  }

  private Throwable handshake(HeldCertificate serverCert, HeldCertificate root, HandshakeCertificates client,
      String endpointIdentification) throws Exception {
    HandshakeCertificates serverCerts = new HandshakeCertificates.Builder()
        .heldCertificate(serverCert, root.certificate()).build();
    SSLServerSocket server = (SSLServerSocket) serverCerts.sslContext().getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closeables.add(server);
    background(() -> {
      try (SSLSocket accepted = (SSLSocket) server.accept()) {
        accepted.setSoTimeout(2_000);
        try {
          accepted.startHandshake();
        } catch (IOException expected) {
          // the client rejects the certificate
        }
      }
    });
    return catchThrowable(() -> {
      try (SSLSocket socket = (SSLSocket) client.sslSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        socket.setSoTimeout(2_000);
        if (endpointIdentification != null) {
          SSLParameters parameters = socket.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm(endpointIdentification);
          socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
      }
    });
  }

  private static HandshakeCertificates trusting(HeldCertificate root) {
    return new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build();
  }

  private ServerSocket silentServer() throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closeables.add(server);
    background(() -> {
      try (Socket accepted = server.accept()) {
        accepted.setSoTimeout(3_000);
        while (accepted.getInputStream().read() >= 0) {
          // swallow the request, never answer
        }
      }
    });
    return server;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private interface IoTask {
    void run() throws IOException;
  }

  private void background(IoTask task) {
    Thread thread = new Thread(() -> {
      try {
        task.run();
      } catch (IOException ignored) {
        // the server side of a failure test may fail too; the test asserts the client side
      }
    }, "test-server");
    thread.setDaemon(true);
    thread.start();
    threads.add(thread);
  }
}
