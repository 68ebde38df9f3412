package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.testing.TlsFault;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tls check always makes a full handshake of its own (it must see the chain), and so does the http exchange,
 * as curl does; a session never lets a request reach a server whose chain or name did not verify. A full handshake
 * is counted where the server picks its certificate, which a resumed (pre-shared key) handshake skips.
 */
class TlsHandshakesTest {
  private final ProbeFixture fx = new ProbeFixture();
  private final AtomicInteger fullHandshakes = new AtomicInteger();
  private MockWebServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private ProbeContext start(TlsFault fault) throws Exception {
    X509KeyManager keys = ProbeFixture.PKI.serverCertificates(fault).keyManager();
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(new KeyManager[] {new CountingKeyManager(keys, fullHandshakes)}, null, null);
    server = new MockWebServer();
    server.useHttps(ssl.getSocketFactory());
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        return new mockwebserver3.MockResponse.Builder().code(200).body("{}").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return fx.context(Target.url(URI.create("https://localhost:" + server.getPort() + "/v1/models")));
  }

  /** Runs dns, tcp and tls, waits (bounded) for the server's session ticket to have been sent, then runs http. */
  private CheckResult tlsThenHttp(ProbeContext ctx) throws Exception {
    CheckResult tls = ProbeFixture.runUpTo(ctx, "tls");
    ctx.record(tls);
    Thread.sleep(300);
    CheckResult http = ProbeRegistry.builtIn().require("http").run(ctx);
    ctx.record(http);
    return http;
  }

  @Test
  void httpExchangeMakesAFullHandshakeOfItsOwnLikeCurl() throws Exception {
    ProbeContext ctx = start(TlsFault.NONE);

    CheckResult http = tlsThenHttp(ctx);

    assertThat(ctx.prior("tls").orElseThrow().status()).isEqualTo(CheckStatus.PASS);
    assertThat(http.fact("status")).as(http.summary() + " " + http.evidence()).isEqualTo("200");
    assertThat(fullHandshakes.get()).as("full TLS handshakes for the tls check and the http exchange").isEqualTo(2);
  }

  @Test
  void tlsCheckSeesTheWholeChainEvenAfterAnExchangeWithTheSameServer() throws Exception {
    ProbeContext ctx = start(TlsFault.NONE);
    ProbeFixture.runUpTo(ctx, "proxy");
    CheckResult first = ProbeRegistry.builtIn().require("http").run(ctx);
    assertThat(first.fact("status")).isEqualTo("200");
    Thread.sleep(300); // the exchange's session and ticket are in the run's context by now

    CheckResult tls = ProbeRegistry.builtIn().require("tls").run(ctx);

    assertThat(tls.status()).as(tls.summary()).isEqualTo(CheckStatus.PASS);
    assertThat((List<?>) tls.facts().get("chain")).isNotEmpty();
    assertThat(fullHandshakes.get()).isEqualTo(2);
  }

  @Test
  void chainThatDidNotVerifyNeverLetsARequestThrough() throws Exception {
    ProbeContext ctx = start(TlsFault.EXPIRED);

    CheckResult http = tlsThenHttp(ctx);

    assertThat(ctx.prior("tls").orElseThrow().cause()).isEqualTo("expired");
    assertThat(http.status()).isNotEqualTo(CheckStatus.PASS);
    assertThat(server.getRequestCount()).as("no request may reach a server whose chain failed").isZero();
  }

  @Test
  void certificateForAnotherNameNeverLetsARequestThrough() throws Exception {
    ProbeContext ctx = start(TlsFault.WRONG_HOST);

    CheckResult http = tlsThenHttp(ctx);

    assertThat(ctx.prior("tls").orElseThrow().cause()).isEqualTo("hostname-mismatch");
    assertThat(http.status()).isNotEqualTo(CheckStatus.PASS);
    assertThat(server.getRequestCount()).isZero();
  }

  /** Counts the server's certificate choices: one per full handshake. */
  private static final class CountingKeyManager extends X509ExtendedKeyManager {
    private final X509KeyManager delegate;
    private final AtomicInteger count;

    CountingKeyManager(X509KeyManager delegate, AtomicInteger count) {
      this.delegate = delegate;
      this.count = count;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      String alias = delegate.chooseServerAlias(keyType, issuers, socket);
      if (alias != null) count.incrementAndGet();
      return alias;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      String alias = delegate.chooseServerAlias(keyType, issuers, null);
      if (alias != null) count.incrementAndGet();
      return alias;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return delegate.getPrivateKey(alias);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return delegate.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return delegate.chooseClientAlias(keyType, issuers, socket);
    }
  }
}
