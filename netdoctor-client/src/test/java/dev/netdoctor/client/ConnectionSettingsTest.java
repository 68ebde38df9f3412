package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.client.internal.Ipv4FirstDns;
import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.RateLimiting;
import dev.netdoctor.core.settings.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {
  @TempDir Path home;
  private final MockWebServer server = new MockWebServer();
  private final TestKit.FakeClock clock = new TestKit.FakeClock();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ProviderClient client(Network network) {
    return ProviderClient.builder(TestKit.settings(server, home).network(network).build()).clock(clock)
        .sleeper(d -> { }).environment(Map.of()).build();
  }

  private static String get(ProviderClient client) throws Exception {
    try (Response r = client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build())) {
      return r.body().string();
    }
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).body("{}").build();
  }

  @Test
  void connectionsAreReusedByDefault() throws Exception {
    server.enqueue(ok());
    server.enqueue(ok());
    try (ProviderClient client = client(Network.defaults())) {
      get(client);
      get(client);
    }
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(second.getHeaders().get("Connection")).isNotEqualTo("close");
  }

  @Test
  void withoutConnectionReuseEveryCallOpensItsOwnConnection() throws Exception {
    server.enqueue(ok());
    server.enqueue(ok());
    try (ProviderClient client = client(Network.builder().enableConnectionReuse(false).build())) {
      get(client);
      get(client);
    }
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getHeaders().get("Connection")).isEqualTo("close");
    assertThat(second.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
  }

  @Test
  void aConnectionOlderThanItsLifetimeIsRetiredAfterItsNextRequest() throws Exception {
    for (int i = 0; i < 3; i++) server.enqueue(ok());
    try (ProviderClient client = client(Network.builder().connectionLifetime(Duration.ofMinutes(1)).build())) {
      get(client);
      clock.advance(Duration.ofMinutes(2));
      get(client);
      get(client);
    }
    RecordedRequest first = server.takeRequest();
    RecordedRequest old = server.takeRequest();
    RecordedRequest fresh = server.takeRequest();
    assertThat(old.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(old.getHeaders().get("Connection")).isEqualTo("close");
    assertThat(fresh.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
  }

  @Test
  void compressionOnAsksForGzipAndDecodesIt() throws Exception {
    Buffer gzipped = new Buffer();
    try (var sink = Okio.buffer(new GzipSink(gzipped))) {
      sink.writeUtf8("{\"compressed\":true}");
    }
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Encoding", "gzip").body(gzipped).build());
    try (ProviderClient client = client(Network.defaults())) {
      assertThat(get(client)).isEqualTo("{\"compressed\":true}");
    }
    assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void compressionOffAsksForIdentity() throws Exception {
    server.enqueue(ok());
    try (ProviderClient client = client(Network.builder().enableCompression(false).build())) {
      get(client);
    }
    assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("identity");
  }

  @Test
  void http2IsNegotiatedOnlyWhenEnabled() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate cert = new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1").build();
    Path pem = home.resolve("root.pem");
    Files.writeString(pem, root.certificatePem());
    try (MockWebServer tls = new MockWebServer()) {
      tls.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
      tls.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
      tls.start();
      tls.enqueue(ok());
      tls.enqueue(ok());
      for (boolean h2 : new boolean[] {true, false}) {
        Network net = Network.builder().enableHttp2(h2).customCertificatePath(Optional.of(pem)).build();
        Settings s = TestKit.settings(URI.create(tls.url("/v1").toString()), home).network(net).build();
        try (ProviderClient client = ProviderClient.builder(s).environment(Map.of()).build();
            Response r = client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build())) {
          assertThat(r.protocol()).isEqualTo(h2 ? Protocol.HTTP_2 : Protocol.HTTP_1_1);
        }
      }
    }
  }

  @Test
  void anHttp2ConnectionOlderThanItsLifetimeTakesNoNewStreams() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate cert = new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1").build();
    Path pem = home.resolve("root.pem");
    Files.writeString(pem, root.certificatePem());
    try (MockWebServer tls = new MockWebServer()) {
      tls.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
      tls.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
      tls.start();
      for (int i = 0; i < 4; i++) tls.enqueue(ok());
      Network net = Network.builder().connectionLifetime(Duration.ofMinutes(1)).customCertificatePath(Optional.of(pem))
          .build();
      Settings s = TestKit.settings(URI.create(tls.url("/v1").toString()), home).network(net).build();
      try (ProviderClient client = ProviderClient.builder(s).clock(clock).environment(Map.of()).build()) {
        try (Response r = client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build())) {
          assertThat(r.protocol()).isEqualTo(Protocol.HTTP_2);
        }
        get(client);
        clock.advance(Duration.ofMinutes(2));
        assertThat(get(client)).isEqualTo("{}"); // the old connection still serves the request that retires it
        get(client);
      }
      RecordedRequest first = tls.takeRequest();
      RecordedRequest young = tls.takeRequest();
      RecordedRequest old = tls.takeRequest();
      RecordedRequest fresh = tls.takeRequest();
      assertThat(young.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
      assertThat(old.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
      assertThat(old.getHeaders().get("Connection")).isNull();
      assertThat(fresh.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
    }
  }

  @Test
  void maxConnectionsPerServerHoldsBackTheExtraCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger arrived = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        arrived.incrementAndGet();
        release.await(10, TimeUnit.SECONDS);
        return ok();
      }
    });
    Settings s = TestKit.settings(server, home).network(Network.builder().maxConnectionsPerServer(1).build())
        .rateLimiting(new RateLimiting(5, 5)).build();
    try (ProviderClient client = ProviderClient.builder(s).environment(Map.of()).build()) {
      CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> call(client));
      CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> call(client));
      for (int i = 0; i < 100 && arrived.get() == 0; i++) Thread.sleep(10);
      Thread.sleep(200);
      assertThat(arrived.get()).isEqualTo(1);
      release.countDown();
      assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("{}");
      assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo("{}");
      assertThat(arrived.get()).isEqualTo(2);
    }
  }

  private static String call(ProviderClient client) {
    try {
      return get(client);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void preferIpv4PutsIpv4AddressesFirstKeepingIpv6AsFallback() throws Exception {
    InetAddress v6 = InetAddress.getByName("::1");
    InetAddress v4a = InetAddress.getByName("127.0.0.2");
    InetAddress v4b = InetAddress.getByName("127.0.0.1");
    Ipv4FirstDns dns = new Ipv4FirstDns(host -> List.of(v6, v4a, v4b));
    assertThat(dns.lookup("dual.test")).containsExactly(v4a, v4b, v6);
  }
}
