#!/usr/bin/env python3
"""Writes a realistic application log of a given size: mostly normal lines from several stacks (Java, Python,
Node, nginx, JSON), with a small share of network failures as the libraries print them.

Usage: gen-log.py OUT BYTES [--seed N] [--failure-percent P]

Deterministic for a given seed. Memory stays small: lines are written in batches.
"""
import argparse
import datetime
import random

HOSTS = ["api.openai.com", "api.anthropic.com", "api.elevenlabs.io", "api.stability.ai", "api.replicate.com",
         "localhost:11434", "llm.internal.example"]
PATHS = ["/v1/chat/completions", "/v1/messages", "/v1/audio/speech", "/v2beta/stable-image/generate/core",
         "/v1/predictions", "/api/generate", "/healthz", "/api/system/network/diagnostics"]
MODELS = ["gpt-4o-mini", "claude-3-5-sonnet", "eleven_multilingual_v2", "sd3-medium", "llama3.1:8b"]

NORMAL = [
    "{ts} INFO  [http-nio-8080-exec-{n1}] d.e.api.ChatController - POST {path} 200 in {ms} ms user=u{n4} model={model}",
    "{ts} DEBUG [worker-{n1}] d.e.jobs.Renderer - job {n5} rendered {n3} frames in {ms} ms",
    "{pyts} - app.worker - INFO - job {n5} done in 0.{n3}s (tokens={n4}, model={model})",
    "{pyts} - httpx - INFO - HTTP Request: POST https://{host}{path} \"HTTP/1.1 200 OK\"",
    "10.0.{n1}.{n2} - - [{clf}] \"GET {path} HTTP/1.1\" 200 {n4} \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"",
    "10.0.{n1}.{n2} - - [{clf}] \"POST {path} HTTP/1.1\" 201 {n3} \"-\" \"python-requests/2.32.3\"",
    "{{\"ts\":\"{ts}\",\"level\":\"info\",\"msg\":\"request completed\",\"path\":\"{path}\",\"status\":200,\"duration_ms\":{ms}}}",
    "{{\"ts\":\"{ts}\",\"level\":\"debug\",\"msg\":\"cache hit\",\"key\":\"prompt:{hex}\",\"size\":{n4}}}",
    "[{ts}] info: stream finished model={model} chunks={n3} ttfb={ms}ms",
    "{ts} INFO  [main] d.e.Application - Started Application in {n1}.{n3} seconds (process running for {n2}.1)",
    "{ts} WARN  [scheduler-1] d.e.jobs.Cleanup - {n3} temp files older than 24h removed from /var/tmp/render",
    "{ts} INFO  [pool-2-thread-{n1}] d.e.tts.Voice - synthesized {n4} characters with voice {hex} in {ms} ms",
]

FAILURES = [
    "{pyts} - app.client - ERROR - openai.APIConnectionError: Connection error. (caused by httpx.ConnectError: [Errno 8] nodename nor servname provided, or not known)",
    "{pyts} - app.client - ERROR - requests.exceptions.ConnectionError: HTTPSConnectionPool(host='{bare}', port=443): Max retries exceeded with url: {path} (Caused by NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f3a>: Failed to resolve '{bare}' ([Errno -3] Temporary failure in name resolution)\"))",
    "[{ts}] error: request failed Error: getaddrinfo ENOTFOUND {bare}",
    "[{ts}] error: TypeError: fetch failed [cause]: Error: connect ECONNREFUSED 127.0.0.1:11434",
    "[{ts}] error: Error: read ECONNRESET at TLSWrap.onStreamRead (node:internal/stream_base_commons:217:20)",
    "{ts} ERROR [http-nio-8080-exec-{n1}] d.e.api.ChatController - call failed: java.net.UnknownHostException: {bare}: Name or service not known",
    "{ts} ERROR [http-nio-8080-exec-{n1}] d.e.api.ChatController - javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
    "{ts} ERROR [pool-2-thread-{n1}] d.e.tts.Voice - java.net.SocketTimeoutException: connect timed out (api key sk-proj-{hex}{hex}{hex})",
    "{ts} WARN  [worker-{n1}] d.e.jobs.Renderer - provider answered HTTP 429: {{\"error\":{{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}}}",
    "{{\"ts\":\"{ts}\",\"level\":\"error\",\"msg\":\"upstream failed\",\"err\":\"dial tcp: lookup {bare} on 127.0.0.53:53: no such host\"}}",
    "{{\"ts\":\"{ts}\",\"level\":\"error\",\"msg\":\"tls\",\"err\":\"x509: certificate signed by unknown authority\",\"proxy\":\"http://build:Hunter2pass@proxy.corp.example:3128\"}}",
    "curl: (60) SSL certificate problem: unable to get local issuer certificate",
    "curl: (6) Could not resolve host: {bare}",
    "{ts} ERROR [main] d.e.Probe - HTTP/1.1 407 Proxy Authentication Required from proxy.corp.example:3128",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("bytes", type=int)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--failure-percent", type=float, default=2.0)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    t = datetime.datetime(2026, 11, 22, 0, 0, 0)
    p = args.failure_percent / 100.0
    written = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        while written < args.bytes:
            batch = []
            for _ in range(20000):
                t += datetime.timedelta(milliseconds=rnd.randint(1, 40))
                host = rnd.choice(HOSTS)
                template = rnd.choice(FAILURES) if rnd.random() < p else rnd.choice(NORMAL)
                batch.append(template.format(
                    ts=t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000),
                    pyts=t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000),
                    clf=t.strftime("%d/%b/%Y:%H:%M:%S +0000"),
                    n1=rnd.randint(1, 9), n2=rnd.randint(10, 99), n3=rnd.randint(100, 999),
                    n4=rnd.randint(1000, 9999), n5=rnd.randint(10000, 99999), ms=rnd.randint(3, 4000),
                    path=rnd.choice(PATHS), model=rnd.choice(MODELS), host=host, bare=host.split(":")[0],
                    hex="%08x" % rnd.getrandbits(32)))
            chunk = "\n".join(batch) + "\n"
            out.write(chunk)
            written += len(chunk.encode("utf-8"))


if __name__ == "__main__":
    main()
