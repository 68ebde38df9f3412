package dev.netdoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class FaultPortsTest {
  @Test
  void closedPortRefusesConnections() throws IOException {
    int port = FaultPorts.closedPort();
    try (Socket s = new Socket()) {
      assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.1", port), 1000))
          .isInstanceOf(ConnectException.class).hasMessageContaining("refused");
    }
  }

  @Test
  void silentEndpointAcceptsButNeverAnswers() throws IOException {
    try (FaultPorts.Endpoint silent = FaultPorts.silent(); Socket s = new Socket()) {
      s.connect(silent.address(), 1000);
      s.setSoTimeout(200);
      s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
      assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void resettingEndpointResetsTheConnection() throws IOException {
    try (FaultPorts.Endpoint resetting = FaultPorts.resetting(); Socket s = new Socket()) {
      s.connect(resetting.address(), 1000);
      s.setSoTimeout(2000);
      s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
      assertThatThrownBy(() -> {
        for (int i = 0; i < 3 && s.getInputStream().read() != -1; i++) { /* read until the reset */ }
        s.getOutputStream().write(new byte[8192]);
        s.getInputStream().read();
      }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
    }
  }

  @Test
  void plainHttpEndpointAnswers400ToAnything() throws IOException {
    try (FaultPorts.Endpoint plain = FaultPorts.plainHttp(); Socket s = new Socket()) {
      s.connect(plain.address(), 1000);
      s.setSoTimeout(2000);
      s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5});
      assertThat(new String(s.getInputStream().readAllBytes())).startsWith("HTTP/1.1 400 Bad Request");
    }
  }

  @Test
  void blackholeMakesConnectsTimeOut() throws IOException {
    try (FaultPorts.Blackhole hole = FaultPorts.blackhole(); Socket s = new Socket()) {
      assertThatThrownBy(() -> s.connect(hole.address(), 300)).isInstanceOf(SocketTimeoutException.class);
      assertThat(hole.port()).isPositive();
    }
  }
}
