package dev.netdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.settings.Secret;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTest {
  @TempDir Path tmp;

  @Test
  void bindingBeyondLoopbackWithoutATokenIsRefusedWithTheWayOut() {
    ServerConfig.Builder b = ServerConfig.builder(Fixture.settings(tmp, 1, 2)).host("0.0.0.0");

    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.0.0.0").hasMessageContaining("--token").hasMessageContaining("NETDOCTOR_TOKEN");
    assertThat(ServerConfig.builder(Fixture.settings(tmp, 1, 2)).host("0.0.0.0")
        .token(Optional.of(Secret.of(Fixture.TOKEN))).build().host()).isEqualTo("0.0.0.0");
    assertThat(ServerConfig.builder(Fixture.settings(tmp, 1, 2)).build().host()).isEqualTo("127.0.0.1");
    assertThat(ServerConfig.isLoopback("::1")).isTrue();
    assertThat(ServerConfig.isLoopback("10.0.0.1")).isFalse();
    assertThat(ServerConfig.isLoopback("example.invalid")).isFalse();
  }

  @Test
  void everyApiCallNeedsTheTokenWhenOneIsSetButThePageDoesNot() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b.token(Optional.of(Secret.of(Fixture.TOKEN))))) {
      for (String path : List.of("/api/codes/NET002", "/api/kb/search?q=dns", "/metrics",
          "/probe?target=127.0.0.1:" + f.provider.getPort() + "&module=tcp_connect",
          "/api/system/network/diagnostics/progress")) {
        HttpResponse<String> none = f.get(path);
        HttpResponse<String> wrong = f.get(path, "Authorization", "Bearer fixture-token-7f3a9c1e5b2e");
        HttpResponse<String> right = f.get(path, "Authorization", "Bearer " + Fixture.TOKEN);

        assertThat(none.statusCode()).as(path).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.statusCode()).as(path).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(Fixture.TOKEN);
        assertThat(right.statusCode()).as(path).isEqualTo(200);
      }
      assertThat(f.get("/").statusCode()).isEqualTo(200);
      assertThat(f.get("/assets/app.js").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void onlyTheConfiguredOriginsExactlyGetCorsHeaders() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      HttpResponse<String> allowed = f.get("/api/codes/NET006", "Origin", Fixture.ORIGIN);
      HttpResponse<String> electron = f.get("/api/codes/NET006", "Origin", "app://.");
      HttpResponse<String> slash = f.get("/api/codes/NET006", "Origin", Fixture.ORIGIN + "/");
      HttpResponse<String> otherPort = f.get("/api/codes/NET006", "Origin", "http://localhost:5174");
      HttpResponse<String> suffix = f.get("/api/codes/NET006", "Origin", "http://localhost:5173.evil.invalid");

      assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(Fixture.ORIGIN);
      assertThat(allowed.headers().allValues("Vary")).contains("Origin");
      assertThat(electron.headers().firstValue("Access-Control-Allow-Origin")).hasValue("app://.");
      for (HttpResponse<String> r : List.of(slash, otherPort, suffix)) {
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      }
    }
  }

  @Test
  void preflightsAreAnsweredWithoutTheTokenAndRefusedForOtherOrigins() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b.token(Optional.of(Secret.of(Fixture.TOKEN))))) {
      HttpResponse<String> ok = f.send(HttpRequest.newBuilder(f.uri("/api/system/network/diagnostics"))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", Fixture.ORIGIN)
          .header("Access-Control-Request-Method", "GET")
          .header("Access-Control-Request-Headers", "authorization").build());
      HttpResponse<String> foreign = f.send(HttpRequest.newBuilder(f.uri("/api/system/network/diagnostics"))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.invalid")
          .header("Access-Control-Request-Method", "GET").build());
      HttpResponse<String> post = f.send(HttpRequest.newBuilder(f.uri("/api/system/network/diagnostics"))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", Fixture.ORIGIN)
          .header("Access-Control-Request-Method", "DELETE").build());

      assertThat(ok.statusCode()).isEqualTo(204);
      assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue(Fixture.ORIGIN);
      assertThat(ok.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, OPTIONS");
      assertThat(ok.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
          v -> assertThat(v).containsIgnoringCase("authorization"));
      assertThat(foreign.statusCode()).isEqualTo(403);
      assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(post.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void noSecretAppearsInAnyResponse() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b.token(Optional.of(Secret.of(Fixture.TOKEN))))) {
      String auth = "Bearer " + Fixture.TOKEN;
      f.get("/api/system/network/diagnostics?fresh=true", "Authorization", auth);
      for (String path : List.of("/", "/assets/app.js", "/api/system/network/diagnostics",
          "/api/system/network/diagnostics/progress", "/api/codes", "/api/codes/AUTH002", "/api/kb",
          "/api/kb/search?q=api%20key", "/api/kb/AUTH002", "/api/kb/AUTH002?format=json", "/metrics",
          "/probe?target=http://127.0.0.1:" + f.provider.getPort() + "/v1/models&module=http_2xx",
          "/api/codes/" + Fixture.API_KEY)) {
        HttpResponse<String> r = f.get(path, "Authorization", auth);
        assertThat(r.body()).as(path).doesNotContain(Fixture.API_KEY).doesNotContain(Fixture.TOKEN)
            .doesNotContain("FixtureSecretKey");
      }
    }
  }
}
