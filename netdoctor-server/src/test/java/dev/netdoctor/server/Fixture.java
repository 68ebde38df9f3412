package dev.netdoctor.server;

import dev.netdoctor.core.settings.Cors;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Providers;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.probe.ProbeEnvironment;
import dev.netdoctor.probe.ProbeOptions;
import dev.netdoctor.testing.FaultPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A netdoctor service on 127.0.0.1 port 0 (javalin's TestUtil habit) diagnosing two providers on loopback: "Local",
 * a mockwebserver3 that answers 200, and "Broken", a port nothing listens on. The diagnosis reads an empty
 * resolver configuration and hosts file, so nothing leaves the machine.
 */
final class Fixture implements AutoCloseable {
  static final String API_KEY = "sk-proj-FixtureSecretKey0123456789abcdefABCDEF";
  static final String TOKEN = "fixture-token-7f3a9c1e5b2d";
  static final String ORIGIN = "http://localhost:5173";

  final MockWebServer provider = new MockWebServer();
  final AtomicInteger providerRequests = new AtomicInteger();
  volatile Duration providerDelay = Duration.ZERO;
  final int closedPort;
  final Settings settings;
  final ProbeEnvironment environment;
  final NetdoctorServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Fixture(Path tmp, UnaryOperator<ServerConfig.Builder> customise) throws IOException {
    provider.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        providerRequests.incrementAndGet();
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"data\":[]}").headersDelay(providerDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .build();
      }
    });
    provider.start(InetAddress.getByName("127.0.0.1"), 0);
    closedPort = FaultPorts.closedPort();
    settings = settings(tmp, provider.getPort(), closedPort);
    Path resolvConf = Files.writeString(tmp.resolve("resolv.conf"), "# no resolvers\n");
    Path hosts = Files.writeString(tmp.resolve("hosts"), "127.0.0.1 localhost\n");
    environment = ProbeEnvironment.system().withFiles(resolvConf, hosts).withEnvironment(Map.of());
    ProbeOptions options = ProbeOptions.builder().budget(Duration.ofSeconds(5)).latencySamples(0).path(false)
        .build();
    ServerConfig.Builder b = ServerConfig.builder(settings).port(0).environment(environment).options(options)
        .providers(Set.of("Local", "Broken"));
    server = NetdoctorServer.start(customise.apply(b).build());
  }

  static Settings settings(Path home, int providerPort, int closedPort) {
    Providers providers = Providers.builder(home)
        .put(Provider.builder("Local").kind(ProviderKind.OPENAI_COMPATIBLE)
            .baseUrl(URI.create("http://127.0.0.1:" + providerPort + "/v1"))
            .apiKey(Optional.of(Secret.of(API_KEY))).build())
        .put(Provider.builder("Broken").kind(ProviderKind.OPENAI_COMPATIBLE)
            .baseUrl(URI.create("http://127.0.0.1:" + closedPort + "/v1")).build())
        .build();
    return Settings.builder(home).providers(providers).cors(new Cors(List.of(ORIGIN, "app://."))).build();
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
    provider.close();
  }
}
