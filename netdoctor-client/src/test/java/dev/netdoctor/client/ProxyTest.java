package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A MockWebServer plays an HTTP proxy in front of a provider whose name does not resolve. */
class ProxyTest {
  private static final String PASSWORD = "pr0xy-Pa55word!";
  private static final URI PROVIDER_URL = URI.create("http://api.provider.invalid/v1");

  @TempDir Path home;
  private final MockWebServer proxy = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    proxy.start();
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  private ProviderClient client(boolean withCredentials) {
    Network.Builder net = Network.builder().useProxy(true)
        .proxyUrl(Optional.of(URI.create("http://127.0.0.1:" + proxy.getPort())));
    if (withCredentials) net.proxyUsername(Optional.of("alice")).proxyPassword(Optional.of(Secret.of(PASSWORD)));
    Settings settings = TestKit.settings(PROVIDER_URL, home).network(net.build()).build();
    return ProviderClient.builder(settings).environment(Map.of()).systemProperties(Map.of()).sleeper(d -> { })
        .build();
  }

  private static MockResponse challenge() {
    return new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=\"corp proxy\"")
        .build();
  }

  @Test
  void aProxyAskingForCredentialsWeDoNotHaveIsNet010WithItsScheme() {
    proxy.enqueue(challenge());
    ProviderClient client = client(false);
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER,
        client.newRequest(TestKit.PROVIDER, "models").build()));
    assertThat(e.code()).isEqualTo("NET010");
    assertThat(e.causeId()).hasValue("credentials-missing");
    assertThat(e.getMessage()).contains("Basic");
    assertThat(e.httpStatus()).hasValue(407);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void credentialsFromSettingsReachTheProxyAndNeverTheLogs() throws Exception {
    proxy.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[]}").build());
    ProviderClient client = client(true);
    try (TestKit.LogCapture logs = new TestKit.LogCapture();
        Response r = client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "chat/completions")
            .post(RequestBody.create("{}", MediaType.get("application/json"))).build())) {
      assertThat(r.code()).isEqualTo(200);
      RecordedRequest seen = proxy.takeRequest();
      assertThat(seen.getTarget()).isEqualTo("http://api.provider.invalid/v1/chat/completions");
      assertThat(seen.getHeaders().get("Proxy-Authorization")).isEqualTo(Credentials.basic("alice", PASSWORD));
      String encoded = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes());
      assertThat(logs.lines()).isNotEmpty();
      assertThat(logs.all()).doesNotContain(PASSWORD).doesNotContain(encoded).doesNotContain(TestKit.API_KEY);
    }
  }

  @Test
  void credentialsTheProxyRejectsAreNet010CredentialsRejected() throws Exception {
    proxy.enqueue(challenge());
    proxy.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    ProviderClient client = client(true);
    // The first request already carries credentials (pre-emptive), so a 407 to it means they were rejected.
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER,
        client.newRequest(TestKit.PROVIDER, "models").build()));
    assertThat(e.code()).isEqualTo("NET010");
    assertThat(e.causeId()).hasValue("credentials-rejected");
    assertThat(e.getMessage()).doesNotContain(PASSWORD);
    assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization")).isNotNull();
    assertThat(proxy.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aBypassedHostGoesDirectWithoutProxyCredentials() throws Exception {
    MockWebServer direct = new MockWebServer();
    direct.start();
    try {
      direct.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      Network net = Network.builder().useProxy(true)
          .proxyUrl(Optional.of(URI.create("http://127.0.0.1:" + proxy.getPort())))
          .proxyUsername(Optional.of("alice")).proxyPassword(Optional.of(Secret.of(PASSWORD)))
          .proxyBypass(List.of("127.0.0.1", "localhost")).build();
      Settings settings = TestKit.settings(URI.create("http://127.0.0.1:" + direct.getPort() + "/v1"), home)
          .network(net).build();
      try (ProviderClient client = ProviderClient.builder(settings).environment(Map.of()).build();
          Response r = client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build())) {
        assertThat(r.code()).isEqualTo(200);
      }
      assertThat(direct.takeRequest().getHeaders().get("Proxy-Authorization")).isNull();
      assertThat(proxy.getRequestCount()).isZero();
    } finally {
      direct.close();
    }
  }

  @Test
  void anHttpsCallSendsCredentialsOnTheConnectAndA407ThereIsNet010WithItsScheme() throws Exception {
    String challenge = "HTTP/1.1 407 Proxy Authentication Required\r\n"
        + "Proxy-Authenticate: Negotiate\r\nProxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\n\r\n";
    try (RawServer connectProxy = new RawServer(challenge)) {
      for (boolean withCredentials : new boolean[] {false, true}) {
        Network.Builder net = Network.builder().useProxy(true)
            .proxyUrl(Optional.of(URI.create("http://127.0.0.1:" + connectProxy.port())));
        if (withCredentials) {
          net.proxyUsername(Optional.of("alice")).proxyPassword(Optional.of(Secret.of(PASSWORD)));
        }
        Settings settings = TestKit.settings(URI.create("https://api.provider.invalid/v1"), home)
            .network(net.build()).build();
        try (TestKit.LogCapture logs = new TestKit.LogCapture();
            ProviderClient client = ProviderClient.builder(settings).environment(Map.of()).sleeper(d -> { })
                .build()) {
          NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER,
              client.newRequest(TestKit.PROVIDER, "models").build()));
          assertThat(e.code()).as(e.getMessage()).isEqualTo("NET010");
          assertThat(e.causeId()).hasValue(withCredentials ? "credentials-rejected" : "credentials-missing");
          assertThat(e.getMessage()).contains("Negotiate").doesNotContain(PASSWORD);
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(logs.all()).doesNotContain(PASSWORD);
        }
      }
      assertThat(connectProxy.heads.get(0)).startsWith("CONNECT api.provider.invalid:443")
          .doesNotContainIgnoringCase("Proxy-Authorization");
      String withCreds = connectProxy.heads.get(connectProxy.heads.size() - 1);
      assertThat(withCreds).startsWith("CONNECT api.provider.invalid:443")
          .contains("Proxy-Authorization: " + Credentials.basic("alice", PASSWORD));
    }
  }

  @Test
  void aProxyOfferingNoBasicSchemeIsSchemeUnsupported() throws Exception {
    String challenge = "HTTP/1.1 407 Proxy Authentication Required\r\n"
        + "Proxy-Authenticate: NTLM\r\nContent-Length: 0\r\n\r\n";
    try (RawServer connectProxy = new RawServer(challenge)) {
      Network net = Network.builder().useProxy(true)
          .proxyUrl(Optional.of(URI.create("http://127.0.0.1:" + connectProxy.port())))
          .proxyUsername(Optional.of("alice")).proxyPassword(Optional.of(Secret.of(PASSWORD))).build();
      Settings settings = TestKit.settings(URI.create("https://api.provider.invalid/v1"), home).network(net).build();
      try (ProviderClient client = ProviderClient.builder(settings).environment(Map.of()).build()) {
        NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER,
            client.newRequest(TestKit.PROVIDER, "models").build()));
        assertThat(e.code()).isEqualTo("NET010");
        assertThat(e.causeId()).hasValue("scheme-unsupported");
        assertThat(e.getMessage()).contains("NTLM");
      }
    }
  }

  @Test
  void useSystemProxyFollowsTheJvmProxyProperties() throws Exception {
    proxy.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    Settings settings = TestKit.settings(PROVIDER_URL, home)
        .network(Network.builder().useSystemProxy(true).build()).build();
    try (ProviderClient client = ProviderClient.builder(settings).environment(Map.of())
        .systemProperties(Map.of("http.proxyHost", "127.0.0.1", "http.proxyPort", String.valueOf(proxy.getPort())))
        .build();
        Response r = client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build())) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(proxy.takeRequest().getTarget()).isEqualTo("http://api.provider.invalid/v1/models");
  }

  @Test
  void theHttpProxyEnvironmentVariableIsHonoured() throws Exception {
    proxy.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    Settings settings = TestKit.settings(PROVIDER_URL, home).build();
    try (ProviderClient client = ProviderClient.builder(settings)
        .environment(Map.of("HTTP_PROXY", "http://bob:env-secret-pw@127.0.0.1:" + proxy.getPort())).build();
        Response r = client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build())) {
      assertThat(r.code()).isEqualTo(200);
    }
    RecordedRequest seen = proxy.takeRequest();
    assertThat(seen.getTarget()).startsWith("http://api.provider.invalid/");
    assertThat(seen.getHeaders().get("Proxy-Authorization")).isEqualTo(Credentials.basic("bob", "env-secret-pw"));
  }
}
