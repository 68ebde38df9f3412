package dev.netdoctor.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.testing.TestPki;
import dev.netdoctor.testing.TlsFault;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** A run asks the application's trust manager once per chain, and keeps its verdict, accepted or not. */
class ChainVerdictsTest {
  private static final TestPki PKI = TestPki.create();
  private final AtomicInteger asked = new AtomicInteger();

  /** The real PKIX trust manager of the test PKI, counting how often it is asked. */
  private final X509TrustManager counting = new X509TrustManager() {
    private final X509TrustManager real = PKI.clientTrust().trustManager();

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      real.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      asked.incrementAndGet();
      real.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return real.getAcceptedIssuers();
    }
  };

  private static X509Certificate[] chain(TlsFault fault) {
    X509KeyManager keys = PKI.serverCertificates(fault).keyManager();
    String alias = keys.chooseServerAlias("EC", null, null);
    if (alias == null) alias = keys.chooseServerAlias("RSA", null, null);
    return keys.getCertificateChain(alias);
  }

  @Test
  void anAcceptedChainIsVerifiedOnce() throws Exception {
    ChainVerdicts verdicts = new ChainVerdicts(counting);
    X509Certificate[] good = chain(TlsFault.NONE);

    verdicts.checkServerTrusted(good, "UNKNOWN");
    verdicts.checkServerTrusted(good.clone(), "UNKNOWN");

    assertThat(asked).hasValue(1);
  }

  @Test
  void aRejectedChainIsRejectedAgainWithTheSameReasonWithoutAskingAgain() {
    ChainVerdicts verdicts = new ChainVerdicts(counting);
    X509Certificate[] expired = chain(TlsFault.EXPIRED);

    Throwable first = org.assertj.core.api.Assertions.catchThrowable(
        () -> verdicts.checkServerTrusted(expired, "UNKNOWN"));
    Throwable second = org.assertj.core.api.Assertions.catchThrowable(
        () -> verdicts.checkServerTrusted(expired, "UNKNOWN"));

    assertThat(first).isInstanceOf(CertificateException.class);
    assertThat(second).isSameAs(first);
    assertThat(asked).hasValue(1);
  }

  @Test
  void anotherChainOrKeyExchangeIsAskedAbout() throws Exception {
    ChainVerdicts verdicts = new ChainVerdicts(counting);

    verdicts.checkServerTrusted(chain(TlsFault.NONE), "UNKNOWN");
    verdicts.checkServerTrusted(chain(TlsFault.NONE), "ECDHE_ECDSA");
    assertThatThrownBy(() -> verdicts.checkServerTrusted(chain(TlsFault.UNTRUSTED_ROOT), "UNKNOWN"))
        .isInstanceOf(CertificateException.class);

    assertThat(asked).hasValue(3);
  }

  @Test
  void clientChainsAreNeverAccepted() {
    ChainVerdicts verdicts = new ChainVerdicts(counting);

    assertThatThrownBy(() -> verdicts.checkClientTrusted(chain(TlsFault.NONE), "UNKNOWN"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void aRunKeepsOneMemoryPerTrustManager() {
    TlsSessions run = new TlsSessions();

    X509TrustManager first = run.remembering(counting);

    assertThat(run.remembering(counting)).isSameAs(first);
    assertThat(run.remembering(first)).isSameAs(first);
    assertThat(new TlsSessions().remembering(counting)).isNotSameAs(first);
  }
}
