package dev.netdoctor.probe.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one resolver directly (dnsjava, UDP with TCP fallback on truncation) for a name's A and AAAA records, so
 * NXDOMAIN, SERVFAIL, REFUSED, an empty answer and silence are told apart.
 */
public final class DirectDns {
  /** What a resolver said. */
  public enum Outcome {
    OK("ok"), NO_ADDRESS("no-address"), NXDOMAIN("nxdomain"), SERVFAIL("servfail"), REFUSED("refused"),
    TIMEOUT("timeout"), ERROR("error");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The resolver itself is broken (as opposed to the name not existing). */
    public boolean resolverBroken() {
      return this == SERVFAIL || this == REFUSED || this == TIMEOUT || this == ERROR;
    }
  }

  /**
   * One resolver's answer.
   *
   * @param server the resolver
   * @param outcome what it said
   * @param addresses the addresses (A then AAAA)
   * @param millis how long the slower of the two queries took
   * @param detail the response code or error text
   */
  public record Answer(InetSocketAddress server, Outcome outcome, List<InetAddress> addresses, long millis,
      String detail) {}

  private DirectDns() {}

  /** Queries A and AAAA concurrently; waits at most {@code timeout}. */
  public static Answer query(InetSocketAddress server, String host, Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    Name name;
    try {
      name = Name.fromString(host.endsWith(".") ? host : host + ".");
    } catch (TextParseException e) {
      return new Answer(server, Outcome.ERROR, List.of(), 0, "not a DNS name: " + host);
    }
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setTimeout(timeout);
    CompletableFuture<Message> a = resolver.sendAsync(Message.newQuery(Record.newRecord(name, Type.A, DClass.IN)))
        .toCompletableFuture();
    CompletableFuture<Message> aaaa = resolver.sendAsync(
        Message.newQuery(Record.newRecord(name, Type.AAAA, DClass.IN))).toCompletableFuture();
    Message ra;
    Message raaaa;
    try {
      ra = a.get(timeout.toMillis() + 50, TimeUnit.MILLISECONDS);
      raaaa = aaaa.get(Math.max(1, timeout.toMillis() + 50 - (System.nanoTime() - start) / 1_000_000),
          TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      a.cancel(true);
      aaaa.cancel(true);
      return new Answer(server, Outcome.TIMEOUT, List.of(), elapsed(start), "no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      boolean timedOut = cause instanceof java.net.SocketTimeoutException
          || cause instanceof java.util.concurrent.TimeoutException
          || (cause instanceof IOException && String.valueOf(cause.getMessage()).toLowerCase().contains("timed out"));
      return new Answer(server, timedOut ? Outcome.TIMEOUT : Outcome.ERROR, List.of(), elapsed(start),
          timedOut ? "no answer within " + timeout.toMillis() + " ms" : FailureMapper.describe(cause));
    }
    long millis = elapsed(start);
    int rcode = ra.getRcode() != Rcode.NOERROR ? ra.getRcode() : raaaa.getRcode();
    if (rcode == Rcode.NXDOMAIN) return new Answer(server, Outcome.NXDOMAIN, List.of(), millis, "NXDOMAIN");
    if (rcode == Rcode.SERVFAIL) return new Answer(server, Outcome.SERVFAIL, List.of(), millis, "SERVFAIL");
    if (rcode == Rcode.REFUSED) return new Answer(server, Outcome.REFUSED, List.of(), millis, "REFUSED");
    if (rcode != Rcode.NOERROR) return new Answer(server, Outcome.ERROR, List.of(), millis, Rcode.string(rcode));
    List<InetAddress> addresses = new ArrayList<>();
    for (Record r : ra.getSection(Section.ANSWER)) if (r instanceof ARecord ar) addresses.add(ar.getAddress());
    for (Record r : raaaa.getSection(Section.ANSWER)) if (r instanceof AAAARecord ar) addresses.add(ar.getAddress());
    return new Answer(server, addresses.isEmpty() ? Outcome.NO_ADDRESS : Outcome.OK, addresses, millis,
        addresses.isEmpty() ? "NOERROR, no A or AAAA record" : "NOERROR");
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** {@code 127.0.0.1:53}, {@code [::1]:53}. */
  public static String label(InetSocketAddress server) {
    String ip = server.getAddress().getHostAddress();
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + server.getPort();
  }
}
