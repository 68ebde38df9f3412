package dev.netdoctor.probe.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * The throwaway keys and certificates of the https warm-up ({@link HttpsWarmup}): P-256 keys, version-1
 * certificates valid for a day built with a minimal DER encoder, a PKIX trust manager over one anchor, and a key
 * manager with one key. Nothing here is ever shown a real server or trusted outside the warm-up.
 */
final class WarmupPki {
  private WarmupPki() {}

  static KeyPair ecKey() throws GeneralSecurityException {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
    kpg.initialize(new ECGenParameterSpec("secp256r1"));
    return kpg.generateKeyPair();
  }

  /** A PKIX trust manager whose only anchor is {@code cert}. */
  static X509TrustManager trusting(X509Certificate cert) throws Exception {
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    anchors.setCertificateEntry("warm-up", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(anchors);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) return x;
    }
    throw new GeneralSecurityException("no X509TrustManager");
  }

  /**
   * The warm-up's chain: a leaf ({@code CN=netdoctor TLS warm-up}) issued by a root of its own, both P-256, so a
   * handshake validates a real path (the leaf's signature checked against the root, the JDK's algorithm
   * constraints applied), as with a real server, and not the shortcut a self-signed anchor takes.
   */
  record Chain(KeyPair leafKeys, X509Certificate leaf, X509Certificate root) {
    static Chain create() throws GeneralSecurityException {
      KeyPair rootKeys = ecKey();
      KeyPair leafKeys = ecKey();
      X509Certificate root = selfSigned(rootKeys, "netdoctor TLS warm-up root");
      X509Certificate leaf = issued("netdoctor TLS warm-up", leafKeys.getPublic(), "netdoctor TLS warm-up root",
          rootKeys.getPrivate());
      return new Chain(leafKeys, leaf, root);
    }

    KeyManager keyManager() {
      return new OneKey(leafKeys.getPrivate(), new X509Certificate[] {leaf, root});
    }
  }

  /** A self-signed X.509 (version 1) certificate for {@code pair}, signed with ECDSA over SHA-256. */
  static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException {
    return selfSigned(pair, "netdoctor TLS warm-up");
  }

  private static X509Certificate selfSigned(KeyPair pair, String name) throws GeneralSecurityException {
    return issued(name, pair.getPublic(), name, pair.getPrivate());
  }

  /** An X.509 (version 1) certificate for {@code subjectKey}, valid for a day, signed with ECDSA over SHA-256. */
  static X509Certificate issued(String subject, PublicKey subjectKey, String issuer,
      PrivateKey issuerKey) throws GeneralSecurityException {
    byte[] ecdsaWithSha256 = Der.sequence(Der.oid(new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 4, 3, 2}));
    byte[] subjectName = Der.sequence(Der.set(Der.sequence(Der.oid(new byte[] {0x55, 4, 3}), Der.utf8(subject))));
    byte[] issuerName = Der.sequence(Der.set(Der.sequence(Der.oid(new byte[] {0x55, 4, 3}), Der.utf8(issuer))));
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    byte[] validity = Der.sequence(Der.utcTime(now.minusHours(1).format(utc)),
        Der.utcTime(now.plusDays(1).format(utc)));
    byte[] serial = Der.integer(new byte[] {1});
    byte[] tbs = Der.sequence(serial, ecdsaWithSha256, issuerName, validity, subjectName, subjectKey.getEncoded());
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(issuerKey);
    signer.update(tbs);
    byte[] der = Der.sequence(tbs, ecdsaWithSha256, Der.bitString(signer.sign()));
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }

  /** The minimal DER encoding the warm-up certificate needs. */
  static final class Der {
    private Der() {}

    static byte[] sequence(byte[]... parts) {
      return tagged(0x30, parts);
    }

    static byte[] set(byte[]... parts) {
      return tagged(0x31, parts);
    }

    static byte[] oid(byte[] encoded) {
      return tagged(0x06, encoded);
    }

    static byte[] integer(byte[] value) {
      return tagged(0x02, value);
    }

    static byte[] utf8(String s) {
      return tagged(0x0c, s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] utcTime(String s) {
      return tagged(0x17, s.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] bitString(byte[] bits) {
      byte[] v = new byte[bits.length + 1]; // first byte: no unused bits
      System.arraycopy(bits, 0, v, 1, bits.length);
      return tagged(0x03, v);
    }

    static byte[] tagged(int tag, byte[]... parts) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (byte[] p : parts) body.writeBytes(p);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(tag);
      int n = body.size();
      if (n < 0x80) {
        out.write(n);
      } else if (n < 0x100) {
        out.write(0x81);
        out.write(n);
      } else {
        out.write(0x82);
        out.write(n >> 8);
        out.write(n & 0xff);
      }
      out.writeBytes(body.toByteArray());
      return out.toByteArray();
    }
  }

  /** The server side's only key. */
  static final class OneKey extends X509ExtendedKeyManager {
    private static final String ALIAS = "warm-up";
    private final PrivateKey key;
    private final X509Certificate[] chain;

    OneKey(PrivateKey key, X509Certificate[] chain) {
      this.key = key;
      this.chain = chain;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return "EC".equals(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return "EC".equals(keyType) ? ALIAS : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return "EC".equals(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
