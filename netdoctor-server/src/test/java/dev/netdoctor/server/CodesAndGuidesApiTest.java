package dev.netdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodesAndGuidesApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void aCodeIsFoundByShortOrLongFormAndAnUnknownOneIs404Json() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      JsonNode shortForm = JSON.readTree(f.get("/api/codes/NET002").body());
      JsonNode longForm = JSON.readTree(f.get("/api/codes/NET002_DnsResolutionFailed").body());
      HttpResponse<String> unknown = f.get("/api/codes/NET999");

      assertThat(shortForm.get("id").asText()).isEqualTo("NET002");
      assertThat(shortForm.get("longName").asText()).isEqualTo("DnsResolutionFailed");
      assertThat(shortForm.get("causes")).anySatisfy(c -> assertThat(c.get("id").asText()).isEqualTo("nxdomain"));
      assertThat(shortForm.get("guide").asText()).isNotEmpty();
      assertThat(longForm.get("id").asText()).isEqualTo("NET002");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      assertThat(JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("NET999");
    }
  }

  @Test
  void searchFindsTheGuideForWhatAUserTypes() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      JsonNode r = JSON.readTree(f.get("/api/kb/search?q=certificate%20has%20expired").body());
      HttpResponse<String> missing = f.get("/api/kb/search");

      assertThat(r.get("hits")).isNotEmpty();
      String top = r.get("hits").get(0).get("id").asText();
      JsonNode guide = JSON.readTree(f.get("/api/kb/" + top + "?format=json").body());
      assertThat(guide.get("errorCodes").toString()).containsAnyOf("NET009", "NET003");
      assertThat(missing.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("q");
    }
  }

  @Test
  void aGuideIsRenderedToHtmlOrJsonAndRawHtmlIsEscaped() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      HttpResponse<String> html = f.get("/api/kb/NET008");
      JsonNode json = JSON.readTree(f.get("/api/kb/NET008?format=json").body());
      HttpResponse<String> unknown = f.get("/api/kb/no-such-guide");

      assertThat(html.statusCode()).isEqualTo(200);
      assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
      assertThat(html.body()).contains("<h2").contains("data-guide=\"" + json.get("id").asText() + "\"");
      assertThat(html.headers().firstValue("Content-Security-Policy")).isPresent();
      assertThat(json.get("errorCodes").toString()).contains("NET008");
      assertThat(json.get("html").asText()).startsWith("<");
      assertThat(json.get("markdown").asText()).isNotEmpty();
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(dev.netdoctor.server.internal.GuideHtml.body(new dev.netdoctor.core.kb.Guide("x", "X", "general",
          java.util.List.of(), java.util.List.of(), java.util.List.of(), "hi <script>alert(1)</script>\n\n[a](javascript:alert(1))",
          "test"))).doesNotContain("<script>").doesNotContain("javascript:");
    }
  }
}
