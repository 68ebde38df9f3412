package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.DirectDns;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.ResultBuilder;
import dev.netdoctor.probe.internal.SystemDnsConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves the target's host the way the application does (the system resolver, timed) and asks every resolver
 * of the system configuration, of {@code Network.DnsServers} and of {@code --resolver} directly, so a name that
 * does not exist (NXDOMAIN everywhere) is told from a broken resolver (SERVFAIL, REFUSED, silence) and from a
 * system resolver that fails while another answers. Also reports hosts-file entries for the name.
 *
 * <p>Facts: {@code addresses} (list of IP strings the application will use), {@code system} ({@code ok},
 * {@code failed}, {@code timeout}), {@code systemMs}, {@code systemError}, {@code resolvers} (list of maps
 * {@code server}, {@code outcome} ({@link DirectDns.Outcome#label()}), {@code ms}, {@code addresses}),
 * {@code hostsFile} (addresses the hosts file gives the name), {@code source} ({@code literal}, {@code --resolve},
 * {@code system}).
 */
public final class DnsProbe implements Probe {
  public static final String NAME = "dns";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) throws InterruptedException {
    Target target = ctx.requireTarget();
    String host = target.host();
    ResultBuilder r = new ResultBuilder(NAME, ctx).control(!ctx.proxy().isDirect());
    if (!ctx.proxy().isDirect()) {
      r.evidence("requests go through the proxy " + ctx.proxy().proxy().get() + ", which resolves " + host
          + "; this lookup is a control");
    }
    if (isLiteral(host)) {
      return r.fact("source", "literal").fact("addresses", List.of(host)).pass(host + " is an address; no lookup");
    }
    var forced = ctx.options().resolved(host, target.port());
    if (forced.isPresent()) {
      r.evidence("--resolve " + host + ":" + target.port() + ":" + forced.get().getHostAddress());
      return r.fact("source", "--resolve").fact("addresses", List.of(forced.get().getHostAddress()))
          .pass(host + " → " + forced.get().getHostAddress() + " (from --resolve; DNS not consulted)");
    }
    // localhost names never go to DNS (RFC 6761), and their hosts-file entry is the normal one, not an override.
    boolean local = host.equalsIgnoreCase("localhost") || host.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost");
    List<String> hosts = local ? List.of() : SystemDnsConfig.hostsEntries(ctx.env().hostsFile(), host);
    if (!hosts.isEmpty()) {
      r.fact("hostsFile", hosts).evidence(ctx.env().hostsFile() + " maps " + host + " to " + String.join(", ", hosts));
    }

    Duration timeout = ctx.budget().cap(ctx.options().dnsTimeout());
    List<InetSocketAddress> servers = local ? List.of() : resolvers(ctx);
    List<CompletableFuture<DirectDns.Answer>> direct = new ArrayList<>();
    for (InetSocketAddress server : servers) {
      direct.add(CompletableFuture.supplyAsync(() -> {
        try {
          return DirectDns.query(server, host, timeout);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new DirectDns.Answer(server, DirectDns.Outcome.ERROR, List.of(), 0, "interrupted");
        }
      }));
    }

    // The system resolver cannot be interrupted; ask it on a daemon thread and stop waiting at the timeout.
    long start = ctx.env().ticker().getAsLong();
    CompletableFuture<List<InetAddress>> system = new CompletableFuture<>();
    Thread lookup = new Thread(() -> {
      try {
        system.complete(ctx.env().resolver().lookup(host));
      } catch (Throwable t) {
        system.completeExceptionally(t);
      }
    }, "dns-system-" + host);
    lookup.setDaemon(true);
    lookup.start();
    String systemOutcome;
    List<InetAddress> addresses = List.of();
    String systemError = null;
    try {
      addresses = system.get(timeout.toMillis() + 100, TimeUnit.MILLISECONDS);
      systemOutcome = "ok";
    } catch (TimeoutException e) {
      systemOutcome = "timeout";
      systemError = "no answer within " + (timeout.toMillis() + 100) + " ms";
    } catch (ExecutionException e) {
      systemOutcome = "failed";
      systemError = FailureMapper.describe(e.getCause());
    }
    long systemMs = (ctx.env().ticker().getAsLong() - start) / 1_000_000;

    List<DirectDns.Answer> answers = new ArrayList<>();
    for (CompletableFuture<DirectDns.Answer> f : direct) {
      try {
        answers.add(f.get(Math.max(1, ctx.budget().remaining().toMillis()), TimeUnit.MILLISECONDS));
      } catch (ExecutionException | TimeoutException e) {
        // DirectDns.query never fails; a timeout here means the budget ran out
      }
    }
    List<Map<String, Object>> resolverFacts = new ArrayList<>();
    for (DirectDns.Answer a : answers) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("server", DirectDns.label(a.server()));
      m.put("outcome", a.outcome().label());
      m.put("ms", a.millis());
      m.put("addresses", a.addresses().stream().map(InetAddress::getHostAddress).toList());
      resolverFacts.add(m);
      r.evidence("resolver " + DirectDns.label(a.server()) + ": " + a.detail()
          + (a.addresses().isEmpty() ? "" : " " + a.addresses().stream().map(InetAddress::getHostAddress).toList())
          + " (" + a.millis() + " ms)");
    }
    r.fact("source", "system").fact("system", systemOutcome).fact("systemMs", systemMs)
        .fact("resolvers", resolverFacts);
    if (systemError != null) r.fact("systemError", systemError);

    if (systemOutcome.equals("ok")) {
      List<String> ips = addresses.stream().map(InetAddress::getHostAddress).toList();
      r.evidence("system resolver: " + host + " → " + ips + " (" + systemMs + " ms)");
      List<String> usable = addresses.stream().filter(a -> ctx.options().families().contains(IpFamily.of(a)))
          .map(InetAddress::getHostAddress).toList();
      if (usable.isEmpty()) {
        String wanted = ctx.options().families().stream().map(IpFamily::label).sorted().toList().toString();
        return r.fact("addresses", List.of()).fact("allAddresses", ips).fail("NET002", "no-address",
            host + " has no address of the requested family " + wanted + " (only " + String.join(", ", ips) + ")");
      }
      r.fact("addresses", usable);
      return r.pass(host + " → " + String.join(", ", usable) + (hosts.isEmpty() ? "" : " (hosts file)"));
    }
    r.evidence("system resolver: " + systemError);
    return decideFailure(r, host, systemOutcome, systemError, answers, servers.isEmpty());
  }

  private static CheckResult decideFailure(ResultBuilder r, String host, String systemOutcome, String systemError,
      List<DirectDns.Answer> answers, boolean noResolvers) {
    List<DirectDns.Answer> working = answers.stream().filter(a -> a.outcome() == DirectDns.Outcome.OK).toList();
    if (!working.isEmpty()) {
      List<String> ips = working.get(0).addresses().stream().map(InetAddress::getHostAddress).toList();
      r.fact("addresses", ips);
      return r.fail("NET002", "system-resolver-broken", "the system resolver fails for " + host + " but "
          + DirectDns.label(working.get(0).server()) + " answers " + String.join(", ", ips));
    }
    if (answers.stream().anyMatch(a -> a.outcome() == DirectDns.Outcome.NXDOMAIN)) {
      return r.fail("NET002", "nxdomain", host + " does not exist (NXDOMAIN)");
    }
    if (answers.stream().anyMatch(a -> a.outcome() == DirectDns.Outcome.NO_ADDRESS)) {
      return r.fail("NET002", "no-address", host + " exists but has no A or AAAA record");
    }
    if (noResolvers) {
      // Nothing to compare with: go by what the system resolver said.
      if (systemOutcome.equals("timeout")) {
        return r.fail("NET002", "resolver-timeout", "the system resolver did not answer for " + host);
      }
      String said = systemError == null ? "" : systemError.toLowerCase(java.util.Locale.ROOT);
      String cause = FailureMapper.dnsCause(said);
      if (!cause.equals("nxdomain")) {
        return r.fail("NET002", "no-resolver", "no resolver is configured (" + "none in the system configuration or"
            + " settings) and the system resolver fails for " + host + ": " + systemError);
      }
      String what = switch (cause) {
        case "nxdomain" -> host + " does not exist (the system resolver: " + systemError + ")";
        case "servfail" -> "the system resolver fails (SERVFAIL) for " + host;
        case "refused" -> "the system resolver refuses to answer for " + host;
        default -> "the system resolver cannot answer for " + host + " now (" + systemError + ")";
      };
      return r.fail("NET002", cause, what);
    }
    if (answers.stream().allMatch(a -> a.outcome() == DirectDns.Outcome.SERVFAIL)) {
      return r.fail("NET002", "servfail", "every resolver answers SERVFAIL for " + host);
    }
    if (answers.stream().allMatch(a -> a.outcome() == DirectDns.Outcome.REFUSED)) {
      return r.fail("NET002", "refused", "every resolver refuses to answer for " + host);
    }
    if (answers.stream().allMatch(a -> a.outcome() == DirectDns.Outcome.TIMEOUT)) {
      return r.fail("NET002", "resolver-timeout", "no resolver answers (silence) for " + host);
    }
    DirectDns.Answer first = answers.get(0);
    String cause = switch (first.outcome()) {
      case SERVFAIL -> "servfail";
      case REFUSED -> "refused";
      default -> "resolver-timeout";
    };
    return r.fail("NET002", cause, "no resolver gives an address for " + host);
  }

  /** resolv.conf's nameservers, then {@code Network.DnsServers}, then {@code --resolver}; no duplicates. */
  static List<InetSocketAddress> resolvers(ProbeContext ctx) {
    LinkedHashSet<InetSocketAddress> all = new LinkedHashSet<>(SystemDnsConfig.nameservers(ctx.env().resolvConf()));
    for (String s : ctx.settings().network().dnsServers()) {
      try {
        all.add(SystemDnsConfig.parseServer(s));
      } catch (IllegalArgumentException ignored) {
        // the settings check reports it
      }
    }
    all.addAll(ctx.options().extraResolvers());
    return new ArrayList<>(all);
  }

  static boolean isLiteral(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }

  /** The addresses a finished dns check found, as {@link InetAddress}es (no lookup: they are literals). */
  public static List<InetAddress> addresses(CheckResult dns) {
    Object v = dns.facts().get("addresses");
    List<InetAddress> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        try {
          out.add(InetAddress.getByName(String.valueOf(o)));
        } catch (UnknownHostException ignored) {
          // only literals are stored
        }
      }
    }
    return out;
  }
}
