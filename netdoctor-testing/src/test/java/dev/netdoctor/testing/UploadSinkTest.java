package dev.netdoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class UploadSinkTest {
  private static final MediaType BYTES = MediaType.get("application/octet-stream");

  @Test
  void pacedSinkTakesInTheWholeBodyAtItsPaceThenAnswers() throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().callTimeout(5, TimeUnit.SECONDS).build();
    try (UploadSink sink = UploadSink.paced(16 * 1024, 50)) {
      long start = System.nanoTime();
      try (Response r = client.newCall(new Request.Builder().url(sink.url())
          .post(RequestBody.create(new byte[64 * 1024], BYTES)).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(sink.received()).isEqualTo(64 * 1024);
      assertThat(millis).as("4 reads of 16 KiB, 50 ms after each").isGreaterThanOrEqualTo(190);
    }
  }

  @Test
  void silentSinkNeverAnswers() throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().callTimeout(500, TimeUnit.MILLISECONDS).build();
    try (UploadSink sink = UploadSink.silent(64 * 1024, 0)) {
      assertThatThrownBy(() -> client.newCall(new Request.Builder().url(sink.url())
          .post(RequestBody.create(new byte[1024], BYTES)).build()).execute().close())
          .isInstanceOf(InterruptedIOException.class);
      assertThat(sink.received()).isEqualTo(1024);
    }
  }
}
