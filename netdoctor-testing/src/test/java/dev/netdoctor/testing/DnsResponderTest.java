package dev.netdoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class DnsResponderTest {
  private DnsResponder dns;

  @BeforeEach
  void start() throws IOException {
    dns = DnsResponder.start();
  }

  @AfterEach
  void stop() {
    dns.close();
  }

  private Message ask(String name, int type, boolean tcp) throws IOException {
    SimpleResolver resolver = new SimpleResolver(dns.address());
    resolver.setTCP(tcp);
    resolver.setTimeout(Duration.ofMillis(500));
    return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
  }

  @Test
  void answersProgrammedAddressesOverUdpAndTcp() throws IOException {
    dns.answer("api.example.invalid", InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));

    Message a = ask("api.example.invalid.", Type.A, false);
    Message aaaa = ask("api.example.invalid.", Type.AAAA, true);

    assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(((ARecord) a.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(((AAAARecord) aaaa.getSection(Section.ANSWER).get(0)).getAddress())
        .isEqualTo(InetAddress.getByName("::1"));
  }

  @Test
  void errorRulesAnswerWithTheirResponseCode() throws IOException {
    dns.nxdomain("gone.invalid").servfail("broken.invalid").refused("closed.invalid");

    assertThat(ask("gone.invalid.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(ask("broken.invalid.", Type.A, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(ask("closed.invalid.", Type.A, true).getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  void unknownNamesGetTheDefaultBehaviour() throws IOException {
    assertThat(ask("anything.invalid.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    dns.otherwise(new DnsResponder.Error(Rcode.SERVFAIL));
    assertThat(ask("anything.invalid.", Type.A, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
  }

  @Test
  void silenceMakesTheClientTimeOutButTheQueryIsCounted() {
    dns.silence("quiet.invalid");

    assertThatThrownBy(() -> ask("quiet.invalid.", Type.A, false)).isInstanceOf(IOException.class);
    assertThat(dns.queryCount()).isGreaterThanOrEqualTo(1);
  }
}
