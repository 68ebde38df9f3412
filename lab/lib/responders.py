#!/usr/bin/python3
"""Small fault responders of the netdoctor lab; standard library only.

  responders.py http ADDR PORT    provider-style HTTP answers (status codes, error bodies, CORS, slow, skewed Date)
  responders.py raw ADDR          TCP faults: 8001 reset mid-response, 8002 empty reply, 8003 accept and say nothing
  responders.py dns ADDR          UDP DNS: SERVFAIL for *.servfail.ndlab.test, REFUSED for everything else

Every wait is bounded; the process itself is bounded by the `timeout` wrapper that lab/up starts it under.
"""
import email.utils
import json
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DAY = 86400

OPENAI_401 = {"error": {"message": "Incorrect API key provided: sk-lab*****1234. You can find your API key at "
                                   "https://platform.openai.com/account/api-keys.",
                        "type": "invalid_request_error", "param": None, "code": "invalid_api_key"}}
OPENAI_403 = {"error": {"code": "unsupported_country_region_territory",
                        "message": "Country, region, or territory not supported",
                        "param": None, "type": "request_forbidden"}}
OPENAI_429_RATE = {"error": {"message": "Rate limit reached for requests", "type": "requests",
                             "param": None, "code": "rate_limit_exceeded"}}
OPENAI_429_QUOTA = {"error": {"message": "You exceeded your current quota, please check your plan and billing "
                                         "details.", "type": "insufficient_quota", "param": None,
                              "code": "insufficient_quota"}}
ANTHROPIC_529 = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}


def plain_error(message):
    return {"error": {"message": message, "type": "server_error", "param": None, "code": None}}


# path -> (status, extra headers as a function of now, body)
ROUTES = {
    "/v1/ok": (200, lambda now: {}, {"object": "list", "data": [{"id": "lab-model", "object": "model"}]}),
    "/v1/401": (401, lambda now: {}, OPENAI_401),
    "/v1/403": (403, lambda now: {}, OPENAI_403),
    "/v1/429-seconds": (429, lambda now: {"Retry-After": "7", "x-ratelimit-remaining-requests": "0"},
                        OPENAI_429_RATE),
    "/v1/429-date": (429, lambda now: {"Retry-After": email.utils.formatdate(now + 30, usegmt=True)},
                     OPENAI_429_RATE),
    "/v1/429-quota": (429, lambda now: {}, OPENAI_429_QUOTA),
    "/v1/500": (500, lambda now: {}, plain_error("The server had an error while processing your request.")),
    "/v1/502": (502, lambda now: {}, plain_error("Bad gateway.")),
    "/v1/503": (503, lambda now: {"Retry-After": "2"}, plain_error("The engine is currently overloaded.")),
    "/v1/504": (504, lambda now: {}, plain_error("Gateway timeout.")),
    "/v1/529": (529, lambda now: {}, ANTHROPIC_529),
}
REASONS = {529: "Site Overloaded"}
CORS_GOOD_ORIGIN = "http://app.ndlab.test"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ndlab"

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

    def date_time_string(self, timestamp=None):
        # /clock/behind: the server's Date is one day behind, so the client's clock looks one day ahead
        skew = -DAY if self.path.split("?", 1)[0] == "/clock/behind" else 0
        return email.utils.formatdate(time.time() + skew, usegmt=True)

    def send_json(self, status, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(status, REASONS.get(status))
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_HEAD(self):
        self.do_GET()

    def do_POST(self):
        length = min(int(self.headers.get("Content-Length") or 0), 1 << 20)
        self.rfile.read(length)
        self.do_GET()

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path in ROUTES:
            status, headers, body = ROUTES[path]
            self.send_json(status, body, headers(time.time()))
        elif path == "/clock/behind":
            self.send_json(200, {"clock": "one day behind"})
        elif path == "/slow-headers":
            time.sleep(5)
            self.send_json(200, {"slow": "headers after 5 s"})
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "40")
            self.end_headers()
            self.wfile.flush()
            for _ in range(40):  # one byte every 0.5 s: 20 s at most
                self.wfile.write(b".")
                self.wfile.flush()
                time.sleep(0.5)
        elif path.startswith("/cors/"):
            self.send_json(200, {"cors": path})
        else:
            self.send_json(404, {"error": {"message": "no such lab route: " + path}})

    def do_OPTIONS(self):
        path = self.path.split("?", 1)[0]
        origin = self.headers.get("Origin")
        self.send_response(204)
        if path == "/cors/good" and origin == CORS_GOOD_ORIGIN:
            self.send_header("Access-Control-Allow-Origin", origin)
        elif path == "/cors/wrong":
            self.send_header("Access-Control-Allow-Origin", "http://other.ndlab.test")
        if path in ("/cors/good", "/cors/wrong"):
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type")
            self.send_header("Vary", "Origin")
        self.send_header("Content-Length", "0")
        self.end_headers()


class Server(ThreadingHTTPServer):
    # socketserver's default accept queue of 5 overflows under a burst of connects (netdoctor's latency samples),
    # and each dropped SYN then costs the client TCP's 1 s retransmission: loss the link never had.
    request_queue_size = 128


def serve_http(addr, port):
    server = Server((addr, int(port)), Handler)
    server.daemon_threads = True
    server.serve_forever()


def read_request(conn):
    """Reads an HTTP request head (bounded: 64 KiB, 5 s)."""
    conn.settimeout(5)
    data = b""
    try:
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass


def raw_reset(conn):
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n" + b"x" * 1000)
    time.sleep(0.2)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close => RST
    conn.close()


def raw_empty(conn):
    read_request(conn)
    conn.close()


def raw_silent(conn):
    time.sleep(60)
    conn.close()


def serve_raw(addr):
    for port, fn in ((8001, raw_reset), (8002, raw_empty), (8003, raw_silent)):
        sock = socket.socket(socket.AF_INET6 if ":" in addr else socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((addr, port))
        sock.listen(64)
        threading.Thread(target=accept_loop, args=(sock, fn), daemon=True).start()
    while True:
        time.sleep(3600)


def accept_loop(sock, fn):
    while True:
        conn, _ = sock.accept()
        threading.Thread(target=guarded, args=(fn, conn), daemon=True).start()


def guarded(fn, conn):
    try:
        fn(conn)
    except OSError as e:
        sys.stderr.write("raw responder: %s\n" % e)


def qname(packet):
    labels, i = [], 12
    while i < len(packet) and packet[i] != 0:
        n = packet[i]
        labels.append(packet[i + 1:i + 1 + n].decode("ascii", "replace"))
        i += 1 + n
    return ".".join(labels).lower(), i + 5  # end of the question: zero byte + qtype + qclass


def serve_dns(addr):
    sock = socket.socket(socket.AF_INET6 if ":" in addr else socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((addr, 53))
    while True:
        packet, peer = sock.recvfrom(4096)
        if len(packet) < 17:
            continue
        name, end = qname(packet)
        rcode = 2 if name == "servfail.ndlab.test" or name.endswith(".servfail.ndlab.test") else 5
        flags = struct.unpack("!H", packet[2:4])[0]
        flags = 0x8000 | (flags & 0x7900) | 0x0080 | rcode  # QR, keep opcode+RD, RA, rcode
        reply = packet[:2] + struct.pack("!HHHHH", flags, 1, 0, 0, 0) + packet[12:end]
        sock.sendto(reply, peer)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "http" and len(sys.argv) == 4:
        serve_http(sys.argv[2], sys.argv[3])
    elif mode == "raw" and len(sys.argv) == 3:
        serve_raw(sys.argv[2])
    elif mode == "dns" and len(sys.argv) == 3:
        serve_dns(sys.argv[2])
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)
