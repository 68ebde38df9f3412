package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.TlsVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS on loopback with a CA and a server certificate made here. */
class TlsTest {
  private static final HeldCertificate ROOT = new HeldCertificate.Builder().certificateAuthority(0)
      .commonName("netdoctor test root").build();
  private static final HeldCertificate SERVER = new HeldCertificate.Builder().signedBy(ROOT)
      .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();

  @TempDir Path home;
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.useHttps(serverCertificates().sslSocketFactory());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HandshakeCertificates serverCertificates() {
    return new HandshakeCertificates.Builder().heldCertificate(SERVER, ROOT.certificate()).build();
  }

  private Settings.Builder settings(Network network) {
    return TestKit.settings(URI.create(server.url("/v1").toString()), home).network(network);
  }

  private static ProviderClient client(Settings settings) {
    return ProviderClient.builder(settings).environment(Map.of()).sleeper(d -> { }).build();
  }

  private static Response models(ProviderClient client) {
    return client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build());
  }

  private Path rootPem() throws IOException {
    Path pem = home.resolve("company-root.pem");
    Files.writeString(pem, ROOT.certificatePem());
    return pem;
  }

  @Test
  void anUntrustedCertificateIsNet009AndNotRetried() {
    try (ProviderClient client = client(settings(Network.defaults()).build())) {
      NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> models(client));
      assertThat(e.code()).isEqualTo("NET009");
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.insecureTls()).isFalse();
    }
  }

  @Test
  void aCustomCertificateIsTrustedInAdditionToTheDefaultTrust() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    Network net = Network.builder().customCertificatePath(Optional.of(rootPem())).build();
    try (ProviderClient client = client(settings(net).build()); Response r = models(client)) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.handshake()).isNotNull();
    }
  }

  @Test
  void aDerCertificateWorksLikeAPemOne() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    Path der = home.resolve("company-root.cer");
    Files.write(der, ROOT.certificate().getEncoded());
    Network net = Network.builder().customCertificatePath(Optional.of(der)).build();
    try (ProviderClient client = client(settings(net).build()); Response r = models(client)) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  @Test
  void anUnreadableCertificateFileFailsTheBuildWithItsPath() throws Exception {
    Path bad = home.resolve("not-a-cert.pem");
    Files.writeString(bad, "hello");
    Network net = Network.builder().customCertificatePath(Optional.of(bad)).build();
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client(settings(net).build()));
    assertThat(e.code()).isEqualTo("CFG004");
    assertThat(e.getMessage()).contains("not-a-cert.pem").contains("CustomCertificatePath");
  }

  @Test
  void minimumTls13AgainstATls12OnlyServerIsNet003() throws Exception {
    server.close();
    try (MockWebServer old = new MockWebServer()) {
      old.useHttps(tls12Only(serverCertificates().sslSocketFactory()));
      old.start();
      Network net = Network.builder().customCertificatePath(Optional.of(rootPem()))
          .minimumTlsVersion(TlsVersion.TLS13).allowedTlsVersions(List.of(TlsVersion.TLS12, TlsVersion.TLS13))
          .build();
      Settings settings = TestKit.settings(URI.create(old.url("/v1").toString()), home).network(net).build();
      try (ProviderClient client = client(settings)) {
        NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> models(client));
        assertThat(e.code()).isEqualTo("NET003");
      }
      old.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      Network tls12 = net.toBuilder().minimumTlsVersion(TlsVersion.TLS12).build();
      Settings ok = TestKit.settings(URI.create(old.url("/v1").toString()), home).network(tls12).build();
      try (ProviderClient client = client(ok); Response r = models(client)) {
        assertThat(r.handshake().tlsVersion()).isEqualTo(okhttp3.TlsVersion.TLS_1_2);
      }
    }
  }

  @Test
  void ignoreSslErrorsConnectsButWarnsLoudlyAndFlagsFailures() {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    server.enqueue(new MockResponse.Builder().code(400).body("{}").build());
    Network net = Network.builder().ignoreSslErrors(true).build();
    try (TestKit.LogCapture logs = new TestKit.LogCapture();
        ProviderClient client = client(settings(net).build())) {
      try (Response r = models(client)) {
        assertThat(r.code()).isEqualTo(200);
      }
      assertThat(logs.lines()).anyMatch(l -> l.startsWith("WARN netdoctor.client.tls") && l.contains("IgnoreSSLErrors"));
      NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> models(client));
      assertThat(e.insecureTls()).isTrue();
      assertThat(e.getMessage()).contains("IgnoreSSLErrors is on");
    }
  }

  /** Server sockets that speak TLS 1.2 only. */
  private static SSLSocketFactory tls12Only(SSLSocketFactory delegate) {
    return new SSLSocketFactory() {
      private Socket restrict(Socket s) {
        ((SSLSocket) s).setEnabledProtocols(new String[] {"TLSv1.2"});
        return s;
      }

      @Override public String[] getDefaultCipherSuites() { return delegate.getDefaultCipherSuites(); }
      @Override public String[] getSupportedCipherSuites() { return delegate.getSupportedCipherSuites(); }
      @Override public Socket createSocket(Socket s, String h, int p, boolean a) throws IOException {
        return restrict(delegate.createSocket(s, h, p, a));
      }
      @Override public Socket createSocket(String h, int p) throws IOException {
        return restrict(delegate.createSocket(h, p));
      }
      @Override public Socket createSocket(String h, int p, InetAddress l, int lp) throws IOException {
        return restrict(delegate.createSocket(h, p, l, lp));
      }
      @Override public Socket createSocket(InetAddress h, int p) throws IOException {
        return restrict(delegate.createSocket(h, p));
      }
      @Override public Socket createSocket(InetAddress h, int p, InetAddress l, int lp) throws IOException {
        return restrict(delegate.createSocket(h, p, l, lp));
      }
    };
  }
}
