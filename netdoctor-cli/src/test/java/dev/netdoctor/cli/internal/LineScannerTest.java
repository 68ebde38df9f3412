package dev.netdoctor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScannerTest {
  private record Line(String text, long number, boolean cut) {}

  private static List<Line> lines(LineScanner scanner, InputStream in) throws IOException {
    List<Line> lines = new ArrayList<>();
    scanner.scan(in, (b, n) -> {}, (buf, off, len, number, cut) ->
        lines.add(new Line(new String(buf, off, len, StandardCharsets.UTF_8), number, cut)));
    return lines;
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitsOnNewlinesDroppingCarriageReturnsAndKeepsALastLineWithoutNewline() throws IOException {
    assertThat(lines(new LineScanner(64, 16), bytes("one\r\ntwo\n\nthree")))
        .containsExactly(new Line("one", 1, false), new Line("two", 2, false), new Line("", 3, false),
            new Line("three", 4, false));
  }

  @Test
  void linesSpanningManyReadsAreJoined() throws IOException {
    // A stream that hands out one byte per read forces every line across reads and compactions.
    String text = "alpha beta\ngamma delta epsilon\nz\n".repeat(50);
    InputStream trickle = new InputStream() {
      private final InputStream in = bytes(text);

      @Override
      public int read() throws IOException {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, Math.min(len, 1));
      }
    };
    List<Line> lines = lines(new LineScanner(64, 32), trickle);
    assertThat(lines).hasSize(150);
    assertThat(lines.get(148)).isEqualTo(new Line("gamma delta epsilon", 149, false));
  }

  @Test
  void anOverlongLineIsHandedOverOnceCutAndTheRestIsSkipped() throws IOException {
    char[] longLine = new char[10_000];
    Arrays.fill(longLine, 'x');
    List<Line> lines = lines(new LineScanner(256, 100), bytes("first\n" + new String(longLine) + "\nlast\n"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).text()).hasSize(100);
    assertThat(lines.get(1).cut()).isTrue();
    assertThat(lines.get(1).number()).isEqualTo(2);
    assertThat(lines.get(2)).isEqualTo(new Line("last", 3, false));
  }

  @Test
  void countsBytesAndShowsTheFirstBytesOnce() throws IOException {
    List<Integer> firsts = new ArrayList<>();
    long total = new LineScanner(64, 16).scan(bytes("a\nbb\n"), (b, n) -> firsts.add(n), (b, o, l, n, c) -> {});
    assertThat(total).isEqualTo(5);
    assertThat(firsts).containsExactly(5);
  }
}
