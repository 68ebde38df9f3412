#!/usr/bin/python3
"""Six healthy loopback targets in a process of their own, for the probe engine's healthy-run benchmark.

  bench/healthy-targets.py --cert CHAIN.pem --key KEY.pem [--delays 20,40,60,80,100,120] [--https 1,0,1,0,1,0]

Each target listens on 127.0.0.1 (a free port), answers every request 200 "{}" after its delay, with Nagle off, TLS
by OpenSSL where --https says so. Prints "PORTS p1 p2 ..." once all listen; stops when standard input closes (the
benchmark that started it ended) or after 15 minutes, whichever is first. Loopback only.
"""
import argparse
import http.server
import socket
import socketserver
import ssl
import sys
import threading
import time

LIFETIME_S = 900


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    delay_s = 0.0

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 1 << 20))
        time.sleep(self.delay_s)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(b"{}")

    do_GET = do_POST = do_HEAD = do_OPTIONS = answer

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (ConnectionError, ssl.SSLError, OSError):
            pass  # the latency check's connects close without a request


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        pass


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--delays", default="20,40,60,80,100,120")
    p.add_argument("--https", default="1,0,1,0,1,0")
    a = p.parse_args()
    delays = [int(d) for d in a.delays.split(",")]
    https = [h == "1" for h in a.https.split(",")]
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(a.cert, a.key)
    ports = []
    for delay, secure in zip(delays, https):
        handler = type("Handler%d" % delay, (Handler,), {"delay_s": delay / 1000.0})
        server = Server(("127.0.0.1", 0), handler)
        if secure:  # the handshake happens in the connection's thread, not in accept
            server.socket = tls.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        ports.append(server.server_address[1])
    print("PORTS " + " ".join(map(str, ports)), flush=True)
    watcher = threading.Thread(target=sys.stdin.read, daemon=True)
    watcher.start()
    watcher.join(LIFETIME_S)


if __name__ == "__main__":
    main()
