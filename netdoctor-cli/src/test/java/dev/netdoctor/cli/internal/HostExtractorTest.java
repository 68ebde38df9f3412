package dev.netdoctor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostExtractorTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "curl: (6) Could not resolve host: api.openai.com | api.openai.com",
      "Error: getaddrinfo ENOTFOUND api.anthropic.com | api.anthropic.com",
      "connect ECONNREFUSED 127.0.0.1:8080 | 127.0.0.1",
      "dial tcp: lookup api.replicate.com on 127.0.0.53:53: no such host | api.replicate.com",
      "java.net.UnknownHostException: api.elevenlabs.io: Name or service not known | api.elevenlabs.io",
      "HTTPSConnectionPool(host='api.stability.ai', port=443): Max retries exceeded | api.stability.ai",
      "level=error host=API.OpenAI.com msg=timeout | api.openai.com",
      "curl: (7) Failed to connect to localhost port 11434: Connection refused | localhost",
      "java.net.ConnectException: Failed to connect to api.openai.com/104.18.6.192:443 | api.openai.com",
      "failed to connect to api.openai.com:443 after 3 attempts | api.openai.com",
      "POST https://user:hunter2@proxy.corp.example:3128/v1 failed | proxy.corp.example",
      "No such host is known. (api.openai.com:443) | api.openai.com",
      "request to https://[::1]:8443/v1/chat failed | [::1]",
  })
  void findsTheHostInTheShapesLibrariesPrint(String line, String host) {
    assertThat(HostExtractor.find(line)).contains(host);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Connection reset by peer", "timeout after 30s", "host is down"})
  void answersNothingWhenNoHostIsNamed(String line) {
    assertThat(HostExtractor.find(line)).isEmpty();
  }
}
