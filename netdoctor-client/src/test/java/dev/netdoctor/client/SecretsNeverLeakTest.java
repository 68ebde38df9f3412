package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure path, with every log line captured at trace: no secret appears anywhere a person reads. */
class SecretsNeverLeakTest {
  private static final String URL_KEY = "AIzaSyD-url-key-0123456789abcdef";
  private static final String PROXY_PASSWORD = "hunter2-proxy-Secret";

  @TempDir Path home;

  @Test
  void noSecretInAnyLogLineOrExceptionMessage() throws Exception {
    List<NetdoctorException> failures = new ArrayList<>();
    try (TestKit.LogCapture logs = new TestKit.LogCapture(); MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"Incorrect API key "
          + "provided: " + TestKit.API_KEY + ". You can find your API key at https://platform.openai.com\","
          + "\"code\":\"invalid_api_key\"}}").build());
      server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"upstream said Bearer "
          + TestKit.API_KEY + "\"}").build());
      server.enqueue(new MockResponse.Builder().code(500).build());
      server.enqueue(new MockResponse.Builder().code(500).build());
      server.enqueue(new MockResponse.Builder().code(500).build());
      try (ProviderClient client = ProviderClient.builder(TestKit.settings(server, home).build())
          .sleeper(d -> { }).environment(Map.of()).build()) {
        Request withKeyInUrl = client.newRequest(TestKit.PROVIDER, "models?key=" + URL_KEY)
            .header("x-api-key", TestKit.API_KEY).header("xi-api-key", TestKit.API_KEY).build();
        failures.add(catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER, withKeyInUrl)));
        failures.add(catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER,
            client.newRequest(TestKit.PROVIDER, "chat/completions").post(RequestBody.create("{\"api_key\":\""
                + TestKit.API_KEY + "\"}", MediaType.get("application/json"))).build())));
      }

      // refused connection to a URL that carries the key
      try (ProviderClient refused = ProviderClient.builder(TestKit.settings(
          URI.create("http://127.0.0.1:1/v1"), home).build()).sleeper(d -> { }).environment(Map.of()).build()) {
        failures.add(catchThrowableOfType(NetdoctorException.class, () -> refused.call(TestKit.PROVIDER,
            refused.newRequest(TestKit.PROVIDER, "models?api_key=" + URL_KEY).build())));
      }

      // a proxy that refuses the configured password
      try (MockWebServer proxy = new MockWebServer()) {
        proxy.start();
        proxy.enqueue(new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=\"x\"")
            .build());
        Network net = Network.builder().useProxy(true)
            .proxyUrl(Optional.of(URI.create("http://127.0.0.1:" + proxy.getPort())))
            .proxyUsername(Optional.of("carol")).proxyPassword(Optional.of(Secret.of(PROXY_PASSWORD))).build();
        try (ProviderClient viaProxy = ProviderClient.builder(TestKit.settings(
            URI.create("http://api.provider.invalid/v1"), home).network(net).build()).sleeper(d -> { })
            .environment(Map.of()).build()) {
          failures.add(catchThrowableOfType(NetdoctorException.class, () -> viaProxy.call(TestKit.PROVIDER,
              viaProxy.newRequest(TestKit.PROVIDER, "models").build())));
        }
      }

      assertThat(failures).doesNotContainNull().hasSize(4);
      assertThat(logs.lines()).isNotEmpty();
      StringBuilder everything = new StringBuilder(logs.all());
      for (NetdoctorException e : failures) {
        everything.append('\n').append(e.getMessage()).append('\n').append(e.endpoint()).append('\n').append(e);
        everything.append('\n').append(String.join("\n", e.fixSteps()));
      }
      String text = everything.toString();
      assertThat(text).doesNotContain(TestKit.API_KEY).doesNotContain(URL_KEY).doesNotContain(PROXY_PASSWORD)
          .doesNotContain(java.util.Base64.getEncoder().encodeToString(("carol:" + PROXY_PASSWORD).getBytes()));
      assertThat(failures.get(0).code()).isEqualTo("AUTH002");
      assertThat(failures.get(0).getMessage()).contains("Incorrect API key provided");
      assertThat(failures.get(2).endpoint()).contains("api_key=").doesNotContain(URL_KEY);
      assertThat(failures.get(3).code()).isEqualTo("NET010");
    }
  }

  @Test
  void theStackTraceOfAFailureCarriesNoSecretEither() {
    try (ProviderClient refused = ProviderClient.builder(TestKit.settings(
        URI.create("http://127.0.0.1:1/v1"), home).build()).sleeper(d -> { }).environment(Map.of()).build()) {
      NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> refused.call(TestKit.PROVIDER,
          refused.newRequest(TestKit.PROVIDER, "models?key=" + URL_KEY).build()));
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(URL_KEY).doesNotContain(TestKit.API_KEY);
    }
  }
}
