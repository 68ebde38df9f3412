package dev.netdoctor.core.classify.internal;

/**
 * What a rule (or one entry of a lookup table) concludes.
 *
 * @param code the short code; never null
 * @param cause the cause id, or null when the signal does not say which
 * @param weakCause the cause is only a default: a cause from another signal of the same code replaces it
 * @param layer the layer the signal belongs to
 * @param priority breaks ties between signals of one layer before their kind does (default 0); a specific
 *     pattern such as "lookup ... i/o timeout" outranks the generic "i/o timeout" this way
 * @param viaProxy the outcome to use instead when the same input shows the connection went to a proxy, or null
 */
public record Outcome(String code, String cause, boolean weakCause, Layer layer, int priority, Outcome viaProxy) {}
