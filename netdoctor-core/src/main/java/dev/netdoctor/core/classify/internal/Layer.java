package dev.netdoctor.core.classify.internal;

/**
 * Where in the stack a signal sits. When one input holds several signals the deepest layer wins ("an HTTP 500
 * whose body says the name did not resolve" is a DNS failure); a wrapper only decides when nothing else does.
 */
public enum Layer {
  /** A generic wrapper ("fetch failed", {@code APIConnectionError}, {@code SSLHandshakeException}). */
  WRAPPER,
  /** An HTTP answer: status codes, provider error bodies. */
  HTTP,
  /** DNS, TCP, TLS, certificates, proxies: below HTTP. */
  TRANSPORT
}
