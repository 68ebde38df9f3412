package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.ProxyCredentials;
import dev.netdoctor.core.settings.ProxyDecision;
import java.net.URI;
import java.util.Optional;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Answers proxy challenges with Basic credentials from the settings (or the proxy URL of an environment
 * variable). Pre-emptive for CONNECT tunnels (OkHttp asks before connecting); for plain-HTTP requests through a
 * proxy, {@link ProxyAuthInterceptor} adds the header up front. A 407 to a request that already carried
 * credentials is not answered again (they were rejected), nor is a challenge that offers no Basic scheme. The
 * scheme of every challenge seen is recorded on the running call for the error message.
 */
public final class ProxyAuthenticator implements Authenticator {
  private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

  private final SettingsProxySelector selector;

  public ProxyAuthenticator(SettingsProxySelector selector) {
    this.selector = selector;
  }

  /**
   * Binds the call running on this thread (tunnel requests carry no tags); {@code null} unbinds. Unbinding
   * keeps the thread's (empty) slot, so a thread that makes many calls does not allocate one per call.
   */
  public static void bind(CallContext context) {
    CURRENT.set(context);
  }

  @Override
  public Request authenticate(Route route, Response response) {
    Request request = response.request();
    CallContext context = request.tag(CallContext.class) != null ? request.tag(CallContext.class) : CURRENT.get();
    boolean preemptive = "OkHttp-Preemptive".equals(response.header("Proxy-Authenticate"));
    if (!preemptive && context != null) {
      String scheme = response.challenges().isEmpty() ? "none" : response.challenges().get(0).scheme();
      context.proxyChallenge(scheme);
    }
    boolean basicOffered = preemptive
        || response.challenges().stream().map(Challenge::scheme).anyMatch("Basic"::equalsIgnoreCase);
    if (!basicOffered) return unanswered(context, "scheme-unsupported");
    Request sent = response.networkResponse() != null ? response.networkResponse().request() : request;
    if (!preemptive && (sent.header("Proxy-Authorization") != null || response.priorResponse() != null)) {
      return unanswered(context, "credentials-rejected"); // these credentials were already refused
    }
    Optional<ProxyCredentials> creds = credentials(route, request);
    if (creds.isEmpty()) return preemptive ? null : unanswered(context, "credentials-missing");
    return request.newBuilder()
        .header("Proxy-Authorization", Credentials.basic(creds.get().username(), creds.get().password().reveal()))
        .build();
  }

  private static Request unanswered(CallContext context, String cause) {
    if (context != null) context.proxyAuthCause(cause);
    return null;
  }

  private Optional<ProxyCredentials> credentials(Route route, Request request) {
    URI target = URI.create(route.address().url().toString());
    ProxyDecision decision = selector.decide(target);
    return decision.proxy().isPresent() ? decision.credentials() : Optional.empty();
  }
}
