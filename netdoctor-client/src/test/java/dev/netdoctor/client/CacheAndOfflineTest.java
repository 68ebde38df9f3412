package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.OfflineMode;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheAndOfflineTest {
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

  private ProviderClient client(Settings settings) {
    return ProviderClient.builder(settings).clock(clock).sleeper(d -> { }).build();
  }

  private Settings.Builder caching() {
    Settings.Builder b = TestKit.settings(server, home);
    Settings s = b.build();
    return b.providers(s.providers().toBuilder().enableResponseCache(true).build());
  }

  private static Request embed(ProviderClient client, String input) {
    return client.newRequest(TestKit.PROVIDER, "embeddings")
        .post(RequestBody.create("{\"input\":\"" + input + "\"}", MediaType.get("application/json"))).build();
  }

  private static String text(ProviderClient client, Request request) throws Exception {
    try (Response r = client.call(TestKit.PROVIDER, request)) {
      return r.body().string();
    }
  }

  @Test
  void aRepeatedPostIsAnsweredFromTheCacheUntilItExpires() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"n\":1}").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"n\":2}").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"n\":3}").build());
    try (ProviderClient client = client(caching().build())) {
      assertThat(text(client, embed(client, "a"))).isEqualTo("{\"n\":1}");
      try (Response cached = client.call(TestKit.PROVIDER, embed(client, "a"))) {
        assertThat(cached.body().string()).isEqualTo("{\"n\":1}");
        assertThat(cached.header("X-Netdoctor-Cache")).isEqualTo("hit");
        assertThat(cached.header("Content-Type")).isEqualTo("application/json");
      }
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(text(client, embed(client, "b"))).isEqualTo("{\"n\":2}");
      clock.advance(Duration.ofMinutes(61));
      assertThat(text(client, embed(client, "a"))).isEqualTo("{\"n\":3}");
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
    try (Stream<Path> files = Files.list(home.resolve("cache"))) {
      for (Path f : files.toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(TestKit.API_KEY);
      }
    }
  }

  @Test
  void errorsAndStreamsAreNotCached() throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    Settings s = caching().resilience(dev.netdoctor.core.settings.Resilience.builder().enableRetry(false).build())
        .build();
    try (ProviderClient client = client(s)) {
      catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER, embed(client, "a")));
      assertThat(text(client, embed(client, "a"))).isEqualTo("{}");
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void offlineModeServesCachedAnswersAndRefusesTheRestAtOnce() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"cached\":true}").build());
    Settings.Builder online = TestKit.settings(server, home)
        .offlineMode(new OfflineMode(false, true, true));
    try (ProviderClient client = client(online.build())) {
      assertThat(text(client, embed(client, "kept"))).contains("cached");
    }
    Settings offline = online.offlineMode(new OfflineMode(true, true, true)).build();
    try (ProviderClient client = client(offline)) {
      assertThat(text(client, embed(client, "kept"))).contains("cached");
      NetdoctorException e = catchThrowableOfType(NetdoctorException.class,
          () -> client.call(TestKit.PROVIDER, embed(client, "never seen")));
      assertThat(e.code()).isEqualTo("NET020");
      assertThat(e.causeId()).hasValue("not-cached");
      assertThat(e.attempts()).isZero();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void offlineModeStillCallsLocalProviders() throws Exception {
    try (MockWebServer local = new MockWebServer()) {
      local.start();
      local.enqueue(new MockResponse.Builder().code(200).body("{\"from\":\"ollama\"}").build());
      Settings.Builder b = TestKit.settings(server, home).offlineMode(new OfflineMode(true, true, false));
      Settings s = b.build();
      Provider ollama = Provider.builder("Ollama").baseUrl(URI.create(local.url("/v1").toString())).build();
      assertThat(ollama.local()).isTrue();
      Settings withLocal = b.providers(s.providers().toBuilder().put(ollama).build()).build();
      try (ProviderClient client = client(withLocal)) {
        try (Response r = client.call("Ollama", client.newRequest("Ollama", "chat/completions")
            .post(RequestBody.create("{}", MediaType.get("application/json"))).build())) {
          assertThat(r.body().string()).contains("ollama");
        }
        NetdoctorException e = catchThrowableOfType(NetdoctorException.class,
            () -> client.call(TestKit.PROVIDER, embed(client, "x")));
        assertThat(e.code()).isEqualTo("NET020");
        assertThat(e.causeId()).hasValue("remote-disabled");
      }
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void enableCachingKeepsGetAnswersForCacheDurationMinutesUnlessTheServerSaysOtherwise() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"models\":1}").build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Cache-Control", "no-store").body("{\"v\":1}")
        .build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Cache-Control", "no-store").body("{\"v\":2}")
        .build());
    Settings s = TestKit.settings(server, home).network(Network.builder().enableCaching(true).build()).build();
    try (ProviderClient client = client(s)) {
      Request models = client.newRequest(TestKit.PROVIDER, "models").build();
      assertThat(text(client, models)).isEqualTo("{\"models\":1}");
      assertThat(text(client, models)).isEqualTo("{\"models\":1}");
      Request volatileOne = client.newRequest(TestKit.PROVIDER, "status").build();
      assertThat(text(client, volatileOne)).isEqualTo("{\"v\":1}");
      assertThat(text(client, volatileOne)).isEqualTo("{\"v\":2}");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void cacheEntriesAreSharedByClientsOfTheSameDirectory() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"n\":1}").build());
    Settings s = caching().network(Network.defaults()).build();
    try (ProviderClient first = client(s); ProviderClient second = client(s)) {
      text(first, embed(first, "shared"));
      assertThat(text(second, embed(second, "shared"))).isEqualTo("{\"n\":1}");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(List.of(home.resolve("cache").toFile().list())).hasSize(1);
  }
}
