package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netdoctor.core.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatcherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path home;

  /** An embeddings endpoint: one vector per input, the vector being [index, length of the input]. */
  private static MockWebServer embeddingsServer() throws Exception {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        try {
          JsonNode inputs = JSON.readTree(request.getBody().utf8()).get("input");
          ObjectNode answer = JSON.createObjectNode();
          for (int i = 0; i < inputs.size(); i++) {
            answer.withArray("data").addObject().put("index", i).putArray("embedding").add(i)
                .add(inputs.get(i).asText().length());
          }
          return new MockResponse.Builder().code(200).body(answer.toString()).build();
        } catch (Exception e) {
          return new MockResponse.Builder().code(400).build();
        }
      }
    });
    server.start();
    return server;
  }

  private static Batcher.Sender<String, Integer> embeddings(ProviderClient client) {
    return inputs -> {
      ObjectNode body = JSON.createObjectNode().put("model", "text-embedding-3-small");
      inputs.forEach(body.putArray("input")::add);
      String answer = client.callForText(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "embeddings")
          .post(RequestBody.create(body.toString(), MediaType.get("application/json"))).build());
      List<Integer> lengths = new ArrayList<>();
      try {
        for (JsonNode d : JSON.readTree(answer).get("data")) lengths.add(d.get("embedding").get(1).asInt());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return lengths;
    };
  }

  @Test
  void inputsAreGroupedUpToMaxBatchSizeAndAnsweredInOrder() throws Exception {
    try (MockWebServer server = embeddingsServer()) {
      Settings.Builder b = TestKit.settings(server, home);
      Settings s = b.providers(b.build().providers().toBuilder().enableBatching(true).maxBatchSize(3).build()).build();
      try (ProviderClient client = ProviderClient.create(s)) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try (Batcher<String, Integer> batcher = client.batcher(embeddings(client))) {
          for (String word : List.of("a", "bb", "ccc", "dddd", "eeeee", "ffffff", "g")) {
            answers.add(batcher.submit(word));
          }
          assertThat(batcher.pending()).isEqualTo(1);
        }
        assertThat(answers).allMatch(CompletableFuture::isDone);
        assertThat(answers.stream().map(CompletableFuture::join)).containsExactly(1, 2, 3, 4, 5, 6, 1);
      }
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void withBatchingOffEveryInputIsSentAlone() throws Exception {
    try (MockWebServer server = embeddingsServer();
        ProviderClient client = ProviderClient.create(TestKit.settings(server, home).build())) {
      try (Batcher<String, Integer> batcher = client.batcher(embeddings(client))) {
        assertThat(batcher.maxBatchSize()).isEqualTo(1);
        assertThat(batcher.submit("abc").get()).isEqualTo(3);
        assertThat(batcher.submit("de").get()).isEqualTo(2);
      }
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void aFailedBatchFailsEachOfItsItems() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(401).build());
      Settings.Builder b = TestKit.settings(server, home);
      Settings s = b.providers(b.build().providers().toBuilder().enableBatching(true).maxBatchSize(2).build()).build();
      try (ProviderClient client = ProviderClient.create(s);
          Batcher<String, Integer> batcher = client.batcher(embeddings(client))) {
        CompletableFuture<Integer> one = batcher.submit("one");
        CompletableFuture<Integer> two = batcher.submit("two");
        assertThatThrownBy(one::get).isInstanceOf(ExecutionException.class).cause()
            .isInstanceOf(NetdoctorException.class);
        assertThatThrownBy(two::get).cause().isInstanceOf(NetdoctorException.class);
      }
    }
  }
}
