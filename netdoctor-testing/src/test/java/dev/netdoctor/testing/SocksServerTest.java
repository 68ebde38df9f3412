package dev.netdoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The loopback SOCKS server, checked with the JDK's own SOCKS client and with raw RFC 1928/1929 bytes. */
class SocksServerTest {
  private static Socket connected(SocksServer socks) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", socks.port()), 2_000);
    s.setSoTimeout(5_000);
    return s;
  }

  /** Greeting, optional RFC 1929 exchange; returns the method byte and, after auth, the auth status byte. */
  private static int[] greet(DataInputStream in, OutputStream out, String user, String password) throws IOException {
    out.write(user == null ? new byte[] {5, 1, 0} : new byte[] {5, 1, 2});
    int version = in.readUnsignedByte();
    int method = in.readUnsignedByte();
    assertThat(version).isEqualTo(5);
    if (method != 2) return new int[] {method, -1};
    byte[] u = user.getBytes(StandardCharsets.UTF_8);
    byte[] p = password.getBytes(StandardCharsets.UTF_8);
    out.write(1);
    out.write(u.length);
    out.write(u);
    out.write(p.length);
    out.write(p);
    in.readUnsignedByte();
    return new int[] {method, in.readUnsignedByte()};
  }

  /** CONNECT by name; returns the reply code. */
  private static int connect(DataInputStream in, OutputStream out, String host, int port) throws IOException {
    byte[] name = host.getBytes(StandardCharsets.US_ASCII);
    out.write(new byte[] {5, 1, 0, 3, (byte) name.length});
    out.write(name);
    out.write(new byte[] {(byte) (port >> 8), (byte) port});
    byte[] head = in.readNBytes(4);
    in.readNBytes(head[3] == 4 ? 18 : 6);
    return head[1];
  }

  @Test
  void jdkSocksClientFetchesThroughTheProxy() throws Exception {
    try (SocksServer socks = SocksServer.open(); MockWebServer origin = new MockWebServer()) {
      origin.enqueue(new MockResponse.Builder().body("through socks").build());
      origin.start();
      OkHttpClient client = new OkHttpClient.Builder()
          .proxy(new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", socks.port())))
          .callTimeout(5, TimeUnit.SECONDS).build();

      try (Response r = client.newCall(new Request.Builder().url(origin.url("/a")).build()).execute()) {
        assertThat(r.body().string()).isEqualTo("through socks");
      }
      assertThat(socks.requests()).singleElement().asString().startsWith("CONNECT ").endsWith(":" + origin.getPort()
          + " domain");
    }
  }

  @Test
  void rightPasswordIsAcceptedAndTheTunnelCarriesBytes() throws Exception {
    try (SocksServer socks = SocksServer.withPassword("alice", "s3cret"); MockWebServer origin = new MockWebServer();
        Socket s = connected(socks)) {
      origin.enqueue(new MockResponse.Builder().body("hello").build());
      origin.start();
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();

      assertThat(greet(in, out, "alice", "s3cret")).containsExactly(2, 0);
      assertThat(connect(in, out, "localhost", origin.getPort())).isZero();
      out.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      StringBuilder answer = new StringBuilder();
      byte[] buffer = new byte[1024];
      for (int i = 0, n; i < 50 && !answer.toString().endsWith("hello") && (n = in.read(buffer)) != -1; i++) {
        answer.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
      }
      assertThat(answer.toString()).startsWith("HTTP/1.1 200").endsWith("hello");
      assertThat(socks.usernames()).containsExactly("alice");
    }
  }

  @Test
  void wrongPasswordIsRefusedWithAFailureStatus() throws Exception {
    try (SocksServer socks = SocksServer.withPassword("alice", "s3cret"); Socket s = connected(socks)) {
      DataInputStream in = new DataInputStream(s.getInputStream());

      assertThat(greet(in, s.getOutputStream(), "alice", "wrong")).containsExactly(2, 1);
      assertThat(in.read()).isEqualTo(-1);
      assertThat(socks.requests()).isEmpty();
    }
  }

  @Test
  void clientOfferingNoAuthenticationToAPasswordProxyGetsNoAcceptableMethod() throws Exception {
    try (SocksServer socks = SocksServer.withPassword("alice", "s3cret"); Socket s = connected(socks)) {
      DataInputStream in = new DataInputStream(s.getInputStream());

      assertThat(greet(in, s.getOutputStream(), null, null)[0]).isEqualTo(0xFF);
    }
  }

  @Test
  void configuredReplyIsSentInsteadOfConnecting() throws Exception {
    try (SocksServer socks = SocksServer.open().reply(SocksServer.TTL_EXPIRED); Socket s = connected(socks)) {
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      greet(in, out, null, null);

      assertThat(connect(in, out, "localhost", 9)).isEqualTo(SocksServer.TTL_EXPIRED);
      assertThat(socks.requests()).containsExactly("CONNECT localhost:9 domain");
    }
  }

  @Test
  void unreachableTargetIsReplyConnectionRefused() throws Exception {
    int closed = FaultPorts.closedPort();
    try (SocksServer socks = SocksServer.open(); Socket s = connected(socks)) {
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      greet(in, out, null, null);

      assertThat(connect(in, out, "127.0.0.1", closed)).isEqualTo(SocksServer.CONNECTION_REFUSED);
    }
  }
}
