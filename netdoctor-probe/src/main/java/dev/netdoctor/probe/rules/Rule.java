package dev.netdoctor.probe.rules;

/**
 * One piece of reasoning across check results: it looks for a pattern (one resolver failing for several targets,
 * IPv6 failing where IPv4 works, direct working where the proxy fails), adds the finding that names the root
 * cause, and claims the results it explains so that later rules do not report them again.
 *
 * <p>Rules run in the order of {@link Rules#builtIn()}, the most specific first; the last one reports what nobody
 * claimed. A rule must not throw; it is called once per run on one thread.
 */
@FunctionalInterface
public interface Rule {
  void apply(Analysis analysis);
}
