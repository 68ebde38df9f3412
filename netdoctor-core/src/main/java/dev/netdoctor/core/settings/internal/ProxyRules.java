package dev.netdoctor.core.settings.internal;

import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.ProxyDecision;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Placeholder while the rules are written. */
public final class ProxyRules {
  public ProxyRules(Network network, Map<String, String> env, Map<String, String> props) {}

  public ProxyDecision select(URI target) {
    return new ProxyDecision(Optional.empty(), Optional.empty(), ProxyDecision.Origin.NONE, "not yet decided");
  }
}
