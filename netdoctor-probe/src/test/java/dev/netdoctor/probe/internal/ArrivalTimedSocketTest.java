package dev.netdoctor.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP/2 frames are followed across reads however the bytes are cut; only a stream's HEADERS and DATA count. */
class ArrivalTimedSocketTest {
  private final List<String> seen = new ArrayList<>();
  private final ArrivalTimedSocket.Http2Frames frames = new ArrivalTimedSocket.Http2Frames(
      new ArrivalTimedSocket.Arrivals() {
        @Override
        public void data(boolean http2) {
          seen.add("data");
        }

        @Override
        public void end(boolean http2) {
          seen.add("end");
        }
      });

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  // length (3 bytes), type, flags, stream (4 bytes), payload
  private static final byte[] SETTINGS = {0, 0, 6, 4, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 100};
  private static final byte[] SETTINGS_ACK = {0, 0, 0, 4, 1, 0, 0, 0, 0};
  private static final byte[] WINDOW_UPDATE = {0, 0, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0x10, 0};
  private static final byte[] HEADERS = {0, 0, 1, 1, 4, 0, 0, 0, 1, (byte) 0x88};
  private static final byte[] DATA = {0, 0, 2, 0, 0, 0, 0, 0, 1, '{', '}'};
  private static final byte[] DATA_END = {0, 0, 1, 0, 1, 0, 0, 0, 1, '\n'};

  @Test
  void theServersOwnFramesAreNotTheAnswer() {
    byte[] all = concat(SETTINGS, SETTINGS_ACK, WINDOW_UPDATE);

    frames.feed(all, 0, all.length);

    assertThat(seen).isEmpty();
  }

  @Test
  void headersThenDataThenTheStreamsEndInOneRead() {
    byte[] all = concat(SETTINGS, HEADERS, DATA, DATA_END);

    frames.feed(all, 0, all.length);

    assertThat(seen).containsExactly("data", "data", "data", "end");
  }

  @Test
  void framesCutAnywhereAcrossReadsAreFollowed() {
    byte[] all = concat(SETTINGS, HEADERS, DATA_END);

    // one byte at a time: the end is told only when the last byte of the ending frame's payload has come
    for (int i = 0; i < all.length - 1; i++) frames.feed(all, i, 1);
    assertThat(seen).containsExactly("data", "data");
    frames.feed(all, all.length - 1, 1);
    assertThat(seen).containsExactly("data", "data", "end");
  }

  @Test
  void headersEndingTheStreamEndTheAnswer() {
    byte[] headersOnly = {0, 0, 1, 1, 5, 0, 0, 0, 3, (byte) 0x88}; // END_STREAM | END_HEADERS

    frames.feed(headersOnly, 0, headersOnly.length);

    assertThat(seen).containsExactly("data", "end");
  }
}
