package dev.netdoctor.testing;

import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;

/**
 * An HTTPS server on loopback presenting the certificate of a {@link TlsFault}. Every request is answered
 * 200 "ok" unless the caller enqueues or dispatches otherwise through {@link #server()}.
 */
public final class TlsServer implements AutoCloseable {
  private final MockWebServer server;
  private final TestPki pki;
  private final TlsFault fault;

  private TlsServer(MockWebServer server, TestPki pki, TlsFault fault) {
    this.server = server;
    this.pki = pki;
    this.fault = fault;
  }

  /** Starts on 127.0.0.1. */
  public static TlsServer start(TestPki pki, TlsFault fault) throws IOException {
    return start(pki, fault, InetAddress.getByName("127.0.0.1"));
  }

  public static TlsServer start(TestPki pki, TlsFault fault, InetAddress address) throws IOException {
    MockWebServer server = new MockWebServer();
    server.useHttps(pki.serverCertificates(fault).sslSocketFactory());
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        return new MockResponse.Builder().code(200).body("ok").build();
      }
    });
    server.start(address, 0);
    return new TlsServer(server, pki, fault);
  }

  /** The underlying server, to change its dispatcher or inspect requests. */
  public MockWebServer server() {
    return server;
  }

  public TestPki pki() {
    return pki;
  }

  public TlsFault fault() {
    return fault;
  }

  public int port() {
    return server.getPort();
  }

  /** {@code https://localhost:port/path}: the name every good leaf carries. */
  public HttpUrl url(String path) {
    return server.url(path).newBuilder().host("localhost").build();
  }

  @Override
  public void close() {
    server.close();
  }
}
