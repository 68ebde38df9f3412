package dev.netdoctor.core.codes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.codes.ShippedGuides.Guide;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuideCatalogTest {
  private static final List<String> FRONT_MATTER_KEYS =
      List.of("id", "title", "category", "symptoms", "errorCodes", "relatedDocs");
  private static final List<String> SECTIONS = List.of(
      "Symptom Description", "Diagnosis Steps", "Solutions", "Prevention", "Related Documentation");
  /** Application codes (seed 002) that guides may list next to netdoctor codes. */
  private static final Pattern APPLICATION_CODE = Pattern.compile("[A-Z0-9]+-[A-Z]+-\\d{3}");
  private static final Pattern GUIDE_LINK = Pattern.compile("\\]\\(([a-z0-9-]+)\\.md(?:#([a-z0-9-]+))?\\)");

  private final CodeRegistry registry = CodeRegistry.builtIn();
  private final Map<String, Guide> guides = ShippedGuides.all();

  @Test
  void indexListsExactlyTheGuideFiles() {
    List<String> index = ShippedGuides.index();
    assertThat(index).doesNotHaveDuplicates().allMatch(f -> f.endsWith(".md"));
    assertThat(index).containsExactlyInAnyOrderElementsOf(ShippedGuides.filesOnDisk());
    assertThat(guides).hasSameSizeAs(index);
  }

  @Test
  void everyGuideHasSeedFrontMatterKeysAndSections() {
    for (Guide guide : guides.values()) {
      assertThat(List.copyOf(guide.frontMatter().keySet())).as(guide.file()).isEqualTo(FRONT_MATTER_KEYS);
      assertThat(guide.sections()).as(guide.file()).isEqualTo(SECTIONS);
      assertThat(guide.file()).isEqualTo(guide.id() + ".md");
      assertThat((String) guide.frontMatter().get("title")).as(guide.file()).isNotBlank();
      assertThat((String) guide.frontMatter().get("category")).as(guide.file()).isNotBlank();
      assertThat(guide.list("symptoms")).as(guide.file()).hasSizeGreaterThanOrEqualTo(3).allMatch(s -> !s.isBlank());
      assertThat(guide.list("errorCodes")).as(guide.file()).isNotEmpty();
      assertThat(guide.list("relatedDocs")).as(guide.file()).isNotEmpty().doesNotContain(guide.id());
    }
  }

  @Test
  void everyCodeLinksAGuideThatListsIt() {
    for (ErrorCode code : registry.all()) {
      assertThat(guides).as("guide of " + code.id()).containsKey(code.guideId());
      assertThat(guides.get(code.guideId()).list("errorCodes")).as(code.guideId()).contains(code.id());
    }
  }

  @Test
  void guidesListOnlyKnownCodesOrApplicationAliases() {
    for (Guide guide : guides.values()) {
      List<String> codes = guide.list("errorCodes");
      for (String code : codes) {
        boolean known = registry.find(code).filter(c -> c.id().equals(code)).isPresent();
        assertThat(known || APPLICATION_CODE.matcher(code).matches())
            .as(guide.file() + " lists " + code).isTrue();
      }
      // An application alias maps onto the guide's first netdoctor code, so there must be one, listed first.
      assertThat(registry.find(codes.get(0))).as(guide.file() + " first code").isPresent();
    }
  }

  @Test
  void seedApplicationCodesAreOnTheGeneralConnectivityGuide() {
    assertThat(guides.get("connectivity-network-errors").list("errorCodes"))
        .contains("AI101-NET-001", "AI101-NET-002")
        .startsWith("NET005");
  }

  @Test
  void relatedDocsAndLinksResolveToShippedGuidesAndHeadings() {
    List<String> broken = new ArrayList<>();
    for (Guide guide : guides.values()) {
      for (String related : guide.list("relatedDocs")) {
        String[] parts = related.split("#", 2);
        check(guide, parts[0], parts.length > 1 ? parts[1] : null, broken);
      }
      Matcher link = GUIDE_LINK.matcher(guide.body());
      while (link.find()) check(guide, link.group(1), link.group(2), broken);
    }
    assertThat(broken).isEmpty();
  }

  private void check(Guide from, String id, String anchor, List<String> broken) {
    Guide target = guides.get(id);
    if (target == null) {
      broken.add(from.file() + " -> " + id + " (no such guide)");
    } else if (anchor != null && !target.anchors().contains(anchor)) {
      broken.add(from.file() + " -> " + id + "#" + anchor + " (no such heading)");
    }
  }

  @Test
  void everyGuideIsReachableFromAnotherGuide() {
    Set<String> linked = new HashSet<>();
    for (Guide guide : guides.values()) {
      guide.list("relatedDocs").forEach(r -> linked.add(r.split("#", 2)[0]));
      Matcher link = GUIDE_LINK.matcher(guide.body());
      while (link.find()) {
        if (!link.group(1).equals(guide.id())) linked.add(link.group(1));
      }
    }
    assertThat(guides.keySet().stream().filter(id -> !linked.contains(id)).collect(Collectors.toList()))
        .as("guides no other guide points at").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "provider-openai;api.openai.com;status.openai.com;Authorization: Bearer;OPENAI_API_KEY;insufficient_quota",
      "provider-anthropic;api.anthropic.com;status.anthropic.com;x-api-key;anthropic-version;overloaded_error",
      "provider-elevenlabs;api.elevenlabs.io;status.elevenlabs.io;xi-api-key;ELEVENLABS_API_KEY;TimeoutSeconds",
      "provider-stability;api.stability.ai;status.stability.ai;Authorization: Bearer;STABILITY_API_KEY;VRAM",
      "provider-replicate;api.replicate.com;www.replicatestatus.com;REPLICATE_API_TOKEN;"
          + "[Errno 8] nodename nor servname provided, or not known;gethostbyname"})
  void providerGuidesNameEndpointStatusPageAuthAndQuirks(String id, String host, String status, String auth,
      String keyVariable, String quirk) {
    assertThat(guides).containsKey(id);
    assertThat(guides.get(id).body()).contains(host, status, auth, keyVariable, quirk);
  }

  /** What the seeds teach, phrase by phrase: each must be carried by some guide. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "dns-resolution-failed;8.8.8.8;1.1.1.1;ipconfig /flushdns;dscacheutil -flushcache;killall -HUP mDNSResponder",
      "dns-resolution-failed;systemd-resolve --flush-caches;C:\\Windows\\System32\\drivers\\etc\\hosts;/etc/hosts;"
          + "Set-DnsClientServerAddress",
      "certificate-validation-failed;update-ca-certificates;Trusted Root Certification Authorities;"
          + "CustomCertificatePath;IgnoreSSLErrors",
      "tls-handshake-failed;MinimumTLSVersion;AllowedTLSVersions;TLS12;TLS13",
      "clock-skew;timedatectl set-ntp true;w32tm /resync;Set time automatically;not yet valid",
      "insecure-tls;IgnoreSSLErrors;debugging;CustomCertificatePath;false",
      "proxy-configuration;UseProxy;ProxyUrl;ProxyUsername;ProxyPassword",
      "proxy-configuration;ProxyBypass;UseSystemProxy;$env:HTTPS_PROXY;export NO_PROXY",
      "proxy-configuration;curl -x http://proxy.company.com:8080;curl -x http://user:pass@proxy.company.com:8080;"
          + "HTTP_PROXY;localhost,127.0.0.1",
      "proxy-authentication-failed;407 Proxy Authentication Required;Proxy-Authenticate;NTLM;URL-encode",
      "firewall-blocked;Allow an app through firewall;sudo ufw allow 5005/tcp;iptables -A OUTPUT -p tcp --dport 443;"
          + "api.replicate.com",
      "firewall-blocked;api.openai.com;api.anthropic.com;api.elevenlabs.io;api.stability.ai",
      "network-timeout;TimeoutSeconds;Network.Timeout;MaxRetryAttempts;BackoffMultiplier",
      "cors-misconfigured;AllowedOrigins;http://localhost:5173;http://localhost:3000;app://.",
      "cors-misconfigured;No trailing slash;VITE_API_BASE_URL;Access-Control-Allow-Origin;restart",
      "ipv6-path-broken;PreferIPv4;net.ipv6.conf.all.disable_ipv6=1;DisabledComponents;curl -6",
      "connection-pool;MaxConnectionsPerServer;ConnectionIdleTimeout;ConnectionLifetime;EnableConnectionReuse",
      "connection-pool;EnableHttp2;MaxConcurrentRequests;QueueLimit;CLOSE_WAIT",
      "rate-limited;rate_limit_exceeded;insufficient_quota;Retry-After;retry-after-ms",
      "quota-exhausted;insufficient_quota;billing;rate_limit_exceeded;do not retry",
      "offline-mode;OfflineMode;UseLocalProvidersOnly;CacheRemoteResponses;Timeline editing",
      "network-logging;LogLevel;tcpdump -i any port 443;netsh trace start capture=yes;tracert api.openai.com",
      "network-logging;traceroute api.openai.com;Wireshark;tcp.port == 443;redact",
      "network-too-slow;5 Mbit/s down and 1 Mbit/s up;speed_download;mtr;Ethernet",
      "when-to-retry;wait 30–60 seconds and retry;fix the DNS configuration, then retry;"
          + "contact the network administrator;status page",
      "provider-unavailable;529;status.openai.com;status.anthropic.com;status.stability.ai",
      "backend-unreachable;http://localhost:5005;VITE_API_BASE_URL;Task Manager;Activity Monitor",
      "connectivity-network-errors;ping 8.8.8.8;curl -I https://api.openai.com/v1/models;401;mobile hotspot"})
  void seedKnowledgeIsCarriedByItsGuide(String id, String a, String b, String c, String d) {
    assertThat(guides).containsKey(id);
    assertThat(guides.get(id).body()).contains(a, b, c, d);
  }
}
