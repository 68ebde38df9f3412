package dev.netdoctor.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A DNS server on loopback (UDP and TCP on the same port) whose answer is programmed per name: addresses,
 * NXDOMAIN, SERVFAIL, REFUSED, or silence (the query is read and dropped).
 *
 * <p>Names without a rule get {@link #otherwise}'s behaviour (NXDOMAIN unless changed). Rules may be changed
 * while the server runs; they are matched case-insensitively on the fully qualified name. UDP queries are answered
 * on one reader thread, each TCP connection on its own daemon thread.
 */
public final class DnsResponder implements AutoCloseable {
  /** What the responder does for a name. */
  public sealed interface Behaviour {}

  /** Answer with these addresses (A for IPv4, AAAA for IPv6; a type with none gets NOERROR and no data). */
  public record Answer(List<InetAddress> addresses) implements Behaviour {}

  /** Answer with this response code and no data. */
  public record Error(int rcode) implements Behaviour {}

  /** Read the query and never answer. */
  public record Silence() implements Behaviour {}

  private final Map<String, Behaviour> rules = new ConcurrentHashMap<>();
  private final AtomicInteger queries = new AtomicInteger();
  private volatile Behaviour otherwise = new Error(Rcode.NXDOMAIN);
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private volatile boolean closed;

  private DnsResponder(DatagramSocket udp, ServerSocket tcp) {
    this.udp = udp;
    this.tcp = tcp;
  }

  /** Starts a responder on 127.0.0.1 on a free port that is free for both UDP and TCP. */
  public static DnsResponder start() throws IOException {
    return start(InetAddress.getLoopbackAddress());
  }

  /** Starts a responder on {@code address} (e.g. {@code ::1}) on a port free for both UDP and TCP. */
  public static DnsResponder start(InetAddress address) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, 0));
      try {
        ServerSocket tcp = new ServerSocket();
        tcp.setReuseAddress(true);
        tcp.bind(new InetSocketAddress(address, udp.getLocalPort()), 50);
        DnsResponder responder = new DnsResponder(udp, tcp);
        responder.startThreads();
        return responder;
      } catch (IOException e) {
        udp.close();
        last = e;
      }
    }
    throw last;
  }

  /** Answers {@code name} with these addresses. */
  public DnsResponder answer(String name, InetAddress... addresses) {
    rules.put(key(name), new Answer(List.of(addresses)));
    return this;
  }

  public DnsResponder nxdomain(String name) {
    rules.put(key(name), new Error(Rcode.NXDOMAIN));
    return this;
  }

  public DnsResponder servfail(String name) {
    rules.put(key(name), new Error(Rcode.SERVFAIL));
    return this;
  }

  public DnsResponder refused(String name) {
    rules.put(key(name), new Error(Rcode.REFUSED));
    return this;
  }

  /** Reads queries for {@code name} and never answers them. */
  public DnsResponder silence(String name) {
    rules.put(key(name), new Silence());
    return this;
  }

  /** The behaviour for names without a rule. */
  public DnsResponder otherwise(Behaviour behaviour) {
    this.otherwise = behaviour;
    return this;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) udp.getLocalSocketAddress();
  }

  public int port() {
    return udp.getLocalPort();
  }

  /** Queries received so far, over both transports, answered or not. */
  public int queryCount() {
    return queries.get();
  }

  private static String key(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n : n + ".";
  }

  private void startThreads() {
    Thread u = new Thread(this::serveUdp, "dns-responder-udp-" + port());
    u.setDaemon(true);
    u.start();
    Thread t = new Thread(this::serveTcp, "dns-responder-tcp-" + port());
    t.setDaemon(true);
    t.start();
  }

  private void serveUdp() {
    byte[] buffer = new byte[4096];
    while (!closed) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
        byte[] reply = respond(query);
        if (reply != null) {
          udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        if (closed) return;
      }
    }
  }

  private void serveTcp() {
    while (!closed) {
      try {
        Socket socket = tcp.accept();
        Thread t = new Thread(() -> serveTcpConnection(socket), "dns-responder-tcp-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (closed) return;
      }
    }
  }

  private void serveTcpConnection(Socket socket) {
    try (socket) {
      socket.setSoTimeout(30_000);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      for (int i = 0; i < 100; i++) {
        int length = in.readUnsignedShort();
        byte[] query = in.readNBytes(length);
        byte[] reply = respond(query);
        if (reply == null) {
          // Silence over TCP: keep the connection open without answering until the peer gives up.
          in.read();
          return;
        }
        out.writeShort(reply.length);
        out.write(reply);
        out.flush();
      }
    } catch (IOException ignored) {
      // The client went away.
    }
  }

  /** The wire reply for a query, or null to stay silent. */
  byte[] respond(byte[] wire) throws IOException {
    queries.incrementAndGet();
    Message query;
    try {
      query = new Message(wire);
    } catch (IOException e) {
      return null;
    }
    Record question = query.getQuestion();
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) reply.getHeader().setFlag(Flags.RD);
    reply.getHeader().setFlag(Flags.RA);
    if (question == null) {
      reply.getHeader().setRcode(Rcode.FORMERR);
      return reply.toWire();
    }
    reply.addRecord(question, Section.QUESTION);
    Behaviour behaviour = rules.getOrDefault(key(question.getName().toString()), otherwise);
    if (behaviour instanceof Silence) return null;
    if (behaviour instanceof Error error) {
      reply.getHeader().setRcode(error.rcode());
      return reply.toWire();
    }
    Answer answer = (Answer) behaviour;
    Name name = question.getName();
    List<Record> records = new ArrayList<>();
    for (InetAddress address : answer.addresses()) {
      if (question.getType() == Type.A && address instanceof Inet4Address) {
        records.add(new ARecord(name, DClass.IN, 60, address));
      } else if (question.getType() == Type.AAAA && address instanceof Inet6Address) {
        records.add(new AAAARecord(name, DClass.IN, 60, address));
      }
    }
    for (Record r : records) reply.addRecord(r, Section.ANSWER);
    return reply.toWire();
  }

  @Override
  public void close() {
    closed = true;
    udp.close();
    try {
      tcp.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public String toString() {
    return "DnsResponder[" + address() + "]";
  }
}
