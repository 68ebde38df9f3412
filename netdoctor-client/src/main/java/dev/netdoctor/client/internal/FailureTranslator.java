package dev.netdoctor.client.internal;

import dev.netdoctor.client.NetdoctorException;
import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import dev.netdoctor.core.classify.HttpFailure;
import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.codes.FixText;
import dev.netdoctor.core.codes.Os;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Builds every {@link NetdoctorException} of the client. Transport failures and HTTP answers go through the core
 * {@link Classifier} (the single mapping from failures to codes); only the client's own decisions
 * ({@link ClientFailure}) carry their code directly. The code registry supplies the title, the transient flag
 * and the fix steps. Messages pass through {@link Redaction} before the exception exists.
 */
public final class FailureTranslator {
  /** How much of an error body is read for classification and for the message. */
  private static final long BODY_BYTES = 64 * 1024;

  private final Classifier classifier;
  private final CodeRegistry registry;
  private final Redaction redaction;
  private final boolean insecureTls;
  private final Os os;

  public FailureTranslator(Classifier classifier, CodeRegistry registry, Redaction redaction, boolean insecureTls) {
    this.classifier = classifier;
    this.registry = registry;
    this.redaction = redaction;
    this.insecureTls = insecureTls;
    this.os = Os.current();
  }

  /** For a call that failed without an HTTP answer. */
  public NetdoctorException fromFailure(IOException failure, Request request, CallContext context,
      String providerId) {
    String code;
    String cause;
    int status = 0;
    String detail = failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    if (failure instanceof ClientFailure own) {
      code = own.code();
      cause = own.causeId();
      status = own.status();
      detail = own.getMessage();
    } else {
      Classification c = classifier.classify(failure);
      code = c.code();
      cause = c.cause();
      if (context.proxyAuthCause() != null && (code == null || "NET010".equals(code))) {
        code = "NET010"; // the authenticator saw the 407 on the CONNECT and knows why it went unanswered
        cause = context.proxyAuthCause();
      }
      if ("NET010".equals(code) && context.proxyChallenge() != null) {
        detail = detail + "; the proxy asks for " + context.proxyChallenge() + " authentication";
      }
    }
    return build(code, cause, detail, failure, request, context, status);
  }

  /** For a call whose final answer was not 2xx. Consumes and closes {@code response}. */
  public NetdoctorException fromResponse(Response response, Request request, CallContext context,
      String providerId) {
    String body;
    try (response) {
      body = response.peekBody(BODY_BYTES).string();
    } catch (IOException e) {
      body = "";
    }
    HttpFailure http = new HttpFailure(response.code(), headerMap(response.headers()), body, providerId);
    Classification c = classifier.classify(http);
    String code = c.code();
    String cause = c.cause();
    StringBuilder detail = new StringBuilder("HTTP ").append(response.code());
    String providerMessage = providerMessage(body);
    if (!providerMessage.isEmpty()) detail.append(": ").append(providerMessage);
    if (response.code() == 407) {
      String scheme = response.challenges().isEmpty() ? "no" : response.challenges().get(0).scheme();
      detail.append("; the proxy asks for ").append(scheme).append(" authentication");
      if (code == null || code.equals("NET010")) {
        code = "NET010";
        Request sent = response.networkResponse() != null ? response.networkResponse().request() : response.request();
        boolean basicOffered = response.challenges().isEmpty()
            || response.challenges().stream().anyMatch(ch -> "Basic".equalsIgnoreCase(ch.scheme()));
        cause = !basicOffered ? "scheme-unsupported"
            : sent.header("Proxy-Authorization") != null ? "credentials-rejected" : "credentials-missing";
      }
    }
    String overCap = response.header(RetryInterceptor.OVER_CAP_HEADER);
    if (overCap != null) {
      detail.append("; the server asked to wait ").append(Long.parseLong(overCap) / 1000.0)
          .append(" s, longer than the retry cap (Resilience.MaxRetryDelay), so the client did not wait");
    }
    return build(code, cause, detail.toString(), null, request, context, response.code());
  }

  private NetdoctorException build(String code, String cause, String detail, Throwable failure, Request request,
      CallContext context, int status) {
    Optional<ErrorCode> known = Optional.ofNullable(code).flatMap(registry::find);
    String endpoint = redaction.url(request.url());
    StringBuilder m = new StringBuilder();
    if (known.isPresent()) {
      ErrorCode ec = known.get();
      m.append(ec.qualifiedName());
      if (cause != null) m.append('/').append(cause);
      m.append(": ").append(ec.title());
    } else {
      m.append("not recognised");
    }
    m.append(" — ").append(redaction.text(detail));
    m.append(" (").append(request.method()).append(' ').append(endpoint).append(", provider ")
        .append(context.provider()).append(", ").append(context.attempts()).append(" attempt")
        .append(context.attempts() == 1 ? "" : "s").append(')');
    if (insecureTls) m.append(" [IgnoreSSLErrors is on: certificate checks were disabled]");
    Map<String, String> fixValues = FixText.values(request.url().host(), request.url().port(), endpoint,
        Optional.ofNullable(context.provider()), Optional.empty());
    List<String> steps = known.map(ec -> {
      List<String> s = ec.fixStepsFor(os);
      return FixText.render(s.isEmpty() ? ec.fixStepsFor(Os.LINUX) : s, fixValues);
    }).orElse(List.of());
    boolean transientFault = known.map(ErrorCode::transientFault).orElse(false);
    return new NetdoctorException(m.toString(), failure, known.map(ErrorCode::id).orElse(null), cause, endpoint,
        status, context.attempts(), transientFault, steps, insecureTls);
  }

  /** The {@code error.message} of an OpenAI/Anthropic-style body, else the body's start; redacted later. */
  static String providerMessage(String body) {
    if (body == null || body.isBlank()) return "";
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
        .matcher(body);
    String text = m.find() ? m.group(1) : body.strip();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private static Map<String, List<String>> headerMap(Headers headers) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : headers.names()) {
      if (!Redaction.isSecretHeader(name)) map.put(name, headers.values(name));
    }
    return map;
  }
}
