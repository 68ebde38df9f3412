package dev.netdoctor.probe.rules;

import java.util.List;

/** The built-in reasoning, most specific first; {@link DefaultRule} last reports whatever is left. */
public final class Rules {
  private Rules() {}

  public static List<Rule> builtIn() {
    return List.of(
        new SettingsRule(),
        new OfflineRule(),
        new ResolverRule(),
        new ProxyRule(),
        new Ipv6Rule(),
        new InterceptionRule(),
        new KeyRule(),
        new HostsOverrideRule(),
        new DefaultRule());
  }
}
