package dev.netdoctor.client;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** Streamed answers for tests: whole, cut in the middle, or stalling. */
final class SseResponses {
  private SseResponses() {}

  /** Two events in a chunked body, then the connection is dropped without the closing chunk. */
  static final String CUT_STREAM = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
      + "Transfer-Encoding: chunked\r\n\r\n"
      + chunk("data: {\"delta\":\"Hel\"}\n\n") + chunk("data: {\"delta\":\"lo\"}\n\n")
      + "20\r\ndata: {\"delta\":\"cut he";

  private static String chunk(String s) {
    return Integer.toHexString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length) + "\r\n" + s + "\r\n";
  }

  static MockResponse whole(String... events) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .body(String.join("", events)).build();
  }

  /** Sends {@code first}, then stays silent for {@code stallMillis} before the rest. */
  static MockResponse stallAfter(String first, long stallMillis, String rest) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .body(new MockResponseBody() {
          @Override public long getContentLength() {
            return -1;
          }

          @Override public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(first);
            sink.flush();
            try {
              Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            sink.writeUtf8(rest);
            sink.flush();
          }
        }).build();
  }
}
