package dev.netdoctor.core.codes;

/**
 * When a failure is worth trying again (seed 001's "When to Retry").
 */
public enum RetryWhen {
  /** A hiccup: wait (typically 30–60 s, or what the server asked for) and retry. */
  WAIT_AND_RETRY,
  /** Something local must be fixed first (DNS setting, proxy credentials, key); then retry. */
  FIX_THEN_RETRY,
  /** Only the network administrator can change this (firewall, corporate proxy). */
  ASK_ADMINISTRATOR,
  /** The provider itself is failing: check its status page before retrying. */
  CHECK_STATUS_PAGE,
  /** Retrying the same request can never succeed (e.g. exhausted quota, unsupported region). */
  DO_NOT_RETRY
}
