package dev.netdoctor.probe;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every probe by name. {@link #builtIn()} holds netdoctor's; a registry {@link #with} more (or replaced) probes
 * serves tests and extensions. CORS is per origin and made by {@link CorsProbe#CorsProbe(String)}. Immutable.
 */
public final class ProbeRegistry {
  private final Map<String, Probe> probes;

  private ProbeRegistry(Map<String, Probe> probes) {
    this.probes = Map.copyOf(probes);
  }

  public static ProbeRegistry builtIn() {
    Map<String, Probe> m = new LinkedHashMap<>();
    for (Probe p : new Probe[] {
        new SettingsProbe(), new ToolsProbe(), new BackendProbe(), new DnsProbe(), new TcpProbe(IpFamily.IPV4),
        new TcpProbe(IpFamily.IPV6), new ProxyProbe(), new TlsProbe(), new HttpProbe(), new AuthProbe(),
        new ClockSkewProbe(), new LatencyProbe(), new ThroughputProbe(), new PathProbe()}) {
      m.put(p.name(), p);
    }
    return new ProbeRegistry(m);
  }

  /** A copy with {@code probe} added, replacing any of the same name. */
  public ProbeRegistry with(Probe probe) {
    Map<String, Probe> m = new LinkedHashMap<>(probes);
    m.put(probe.name(), probe);
    return new ProbeRegistry(m);
  }

  public Optional<Probe> find(String name) {
    return Optional.ofNullable(probes.get(name));
  }

  public Probe require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("no probe named " + name));
  }

  public Collection<Probe> all() {
    return probes.values();
  }
}
