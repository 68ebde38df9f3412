package dev.netdoctor.probe.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * One TLS client context for a run, shared by the {@code tls} check and the {@code http} exchange of every target,
 * so the exchange resumes the session the {@code tls} check verified instead of a second full handshake (and the
 * context and its trust are set up once, not per exchange).
 *
 * <p>Safety contract: only verified sessions stay resumable. A handshake made inside {@link #capturing} never fails
 * on the chain (the {@link CapturingTrustManager} records the verdict), so its caller must call
 * {@link #keepOrForget} with the verdict, which invalidates any session that was not verified with a matching host
 * name. Every other handshake on the context verifies with the application's trust manager and fails when it
 * rejects the chain. Callers with certificate checks off must not use this context.
 */
public final class TlsSessions {
  /** Longest a verified TLS 1.3 connection is held open to receive the server's session ticket. */
  private static final int TICKET_WAIT_MS = 1000;
  private static final ExecutorService TICKET_READERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "netdoctor-tls-ticket");
    t.setDaemon(true);
    return t;
  });

  private final ThreadLocal<CapturingTrustManager> active = new ThreadLocal<>();
  private volatile SSLContext context;
  private volatile X509TrustManager trust;
  private volatile OkHttpClient client;

  /** The run's context verifying with {@code trust} (the first caller's trust; a run has one trust). */
  public SSLContext context(X509TrustManager trust) {
    SSLContext c = context;
    if (c != null) return c;
    synchronized (this) {
      if (context == null) {
        try {
          SSLContext ssl = SSLContext.getInstance("TLS");
          ssl.init(null, new TrustManager[] {new Switch(trust)}, new SecureRandom());
          this.trust = trust;
          context = ssl;
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("no TLS in this JVM", e);
        }
      }
      return context;
    }
  }

  /** The trust manager the context verifies with, once {@link #context} was called. */
  public X509TrustManager trust() {
    return trust;
  }

  /**
   * A client verifying with the run's context (see {@link #context}); callers derive theirs with
   * {@link OkHttpClient#newBuilder()} and must give it a dispatcher and connection pool of its own.
   */
  public OkHttpClient verifyingClient(X509TrustManager trust) {
    OkHttpClient c = client;
    if (c != null) return c;
    synchronized (this) {
      if (client == null) {
        SSLContext ssl = context(trust);
        client = new OkHttpClient.Builder().sslSocketFactory(ssl.getSocketFactory(), this.trust).build();
      }
      return client;
    }
  }

  /** A handshake step that may fail with I/O. */
  @FunctionalInterface
  public interface Handshake {
    void run() throws IOException;
  }

  /** Runs {@code handshake} on this thread with {@code capture} recording the chain and verdict instead of failing. */
  public void capturing(CapturingTrustManager capture, Handshake handshake) throws IOException {
    active.set(capture);
    try {
      handshake.run();
    } finally {
      active.remove();
    }
  }

  /**
   * After a {@link #capturing} handshake: a verified session with a matching host name stays resumable, and on TLS
   * 1.3 the socket is handed to a background reader that takes in the server's session ticket (sent after the
   * handshake) and then closes it; any other session is invalidated and the socket closed here.
   */
  public void keepOrForget(SSLSocket socket, boolean verifiedAndNameMatches) {
    if (!verifiedAndNameMatches) {
      socket.getSession().invalidate();
      close(socket);
      return;
    }
    if (!"TLSv1.3".equals(socket.getSession().getProtocol())) {
      close(socket); // TLS 1.2 and older: the session is resumable from the handshake itself
      return;
    }
    try {
      TICKET_READERS.execute(() -> awaitTicket(socket));
    } catch (RejectedExecutionException e) {
      close(socket);
    }
  }

  private static void awaitTicket(SSLSocket socket) {
    try {
      socket.setSoTimeout(TICKET_WAIT_MS);
      InputStream in = socket.getInputStream();
      in.read(); // processes the NewSessionTicket; the server sends no data, so this ends at the timeout or close
    } catch (SocketTimeoutException e) {
      // the ticket, if any, has been taken in
    } catch (IOException e) {
      // the server closed or reset; nothing to keep
    } finally {
      close(socket);
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  /** Captures for a {@link #capturing} handshake on this thread; otherwise verifies and fails like the application. */
  private final class Switch extends ServerOnlyTrustManager {

    Switch(X509TrustManager delegate) {
      super(delegate);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      CapturingTrustManager c = active.get();
      if (c != null) c.checkServerTrusted(chain, authType);
      else delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      CapturingTrustManager c = active.get();
      if (c != null) c.checkServerTrusted(chain, authType, socket);
      else if (delegate instanceof X509ExtendedTrustManager x) x.checkServerTrusted(chain, authType, socket);
      else delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      CapturingTrustManager c = active.get();
      if (c != null) c.checkServerTrusted(chain, authType, engine);
      else if (delegate instanceof X509ExtendedTrustManager x) x.checkServerTrusted(chain, authType, engine);
      else delegate.checkServerTrusted(chain, authType);
    }




  }
}
