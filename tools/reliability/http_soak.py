#!/usr/bin/env python3
"""HTTP soak and slowloris in `mode http`, each binary side by side (loopback, bounded):

  soak       C clients for D seconds, half on keep-alive connections (several requests each, http-server-close),
             half one request per connection (Connection: close); each request has a unique id and asks for a
             random body size; the body is checked byte for byte; the server counts every id it saw, the syslog
             every line. None lost: sent = answered = seen by the server = logged, no duplicate, no corrupt body.
  slowloris  S clients that send a request line and then drip one header line per second, never ending the
             headers, while N normal clients keep requesting. `timeout http-request` must cut every slow client
             (1.4: 408 and state cR, counted from the first byte, not reset by the drip) and the normal clients
             must keep being served.

  python3 tools/reliability/http_soak.py --binary haproxynet="dotnet src/HaproxyNet.Host/bin/Release/net10.0/haproxynet.dll" \
      --binary hap14=../shared/ref/haproxy-1.4.25 [--only soak,slowloris] [--duration 60] [--clients 16] [--slow 200]
"""
import argparse
import hashlib
import os
import random
import socket
import socketserver
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reliab_common as rc  # noqa: E402

CONFIG = """global
    maxconn 4000
    log 127.0.0.1:{syslog} local0

defaults
    mode http
    option httplog
    log global
    timeout connect 2s
    timeout client 10s
    timeout server 10s
    timeout http-request {http_request}s
    timeout http-keep-alive 2s

frontend fe
    bind 127.0.0.1:{port}
    option http-server-close
    default_backend be

backend be
    server s1 127.0.0.1:{backend} maxconn 500
"""


def body_for(rid, size):
    seed = hashlib.sha256(str(rid).encode()).digest()
    return (seed * (size // len(seed) + 1))[:size]


class Backend(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 4096

    def __init__(self):
        super().__init__(("127.0.0.1", 0), BackendHandler)
        self.lock = threading.Lock()
        self.seen = {}
        threading.Thread(target=self.serve_forever, daemon=True).start()


class BackendHandler(socketserver.BaseRequestHandler):
    def handle(self):
        sock, buf = self.request, b""
        try:
            while True:
                while b"\r\n\r\n" not in buf:
                    data = sock.recv(65536)
                    if not data:
                        return
                    buf += data
                head, buf = buf.split(b"\r\n\r\n", 1)
                line = head.split(b"\r\n", 1)[0].decode("latin-1")
                path = line.split(" ")[1]
                q = dict(kv.split("=") for kv in path.split("?", 1)[1].split("&"))
                rid, size = int(q["id"]), int(q["size"])
                with self.server.lock:
                    self.server.seen[rid] = self.server.seen.get(rid, 0) + 1
                close = b"connection: close" in head.lower()
                sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nX-Id: %d\r\n%s\r\n" % (size, rid, b"Connection: close\r\n" if close else b"") + body_for(rid, size))
                if close:
                    return
        except (OSError, ValueError, KeyError, IndexError):
            return


class Syslog:
    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.lines = []
        self.stop = False
        threading.Thread(target=self.loop, daemon=True).start()

    def loop(self):
        while not self.stop:
            try:
                self.lines.append(self.sock.recv(4096).decode("latin-1"))
            except socket.timeout:
                continue
            except OSError:
                return


def read_response(sock, buf):
    while b"\r\n\r\n" not in buf:
        data = sock.recv(65536)
        if not data:
            raise ConnectionError("closed before the response headers")
        buf += data
    head, buf = buf.split(b"\r\n\r\n", 1)
    length = 0
    rid = None
    for h in head.split(b"\r\n")[1:]:
        name, _, value = h.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
        elif name.strip().lower() == b"x-id":
            rid = int(value)
    while len(buf) < length:
        data = sock.recv(65536)
        if not data:
            raise ConnectionError("closed inside the body")
        buf += data
    return head.split(b"\r\n", 1)[0], rid, buf[:length], buf[length:]


def start(binary, cfg_text, folder):
    cfg = os.path.join(folder, "haproxy.cfg")
    with open(cfg, "w") as f:
        f.write(cfg_text)
    return subprocess.Popen(rc.split_binary(binary) + ["-db", "-f", cfg], cwd=folder, stdout=subprocess.DEVNULL,
                            stderr=open(os.path.join(folder, "stderr.log"), "w"))


def soak(name, binary, duration, clients):
    folder = rc.workdir("http-soak-")
    backend, syslog, port = Backend(), Syslog(), rc.free_port()
    p = start(binary, CONFIG.format(syslog=syslog.port, port=port, backend=backend.server_address[1], http_request=5), folder)
    rc.wait_listening(port)
    time.sleep(0.5)
    lock = threading.Lock()
    stats = {"sent": 0, "ok": 0, "failed": 0, "corrupt": 0, "bytes": 0, "connections": 0}
    next_id = [0]
    reasons = {}
    deadline = time.time() + duration

    def new_id():
        with lock:
            next_id[0] += 1
            stats["sent"] += 1
            return next_id[0]

    def client(keepalive, rng):
        while time.time() < deadline:
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=10)
            except OSError:
                with lock:
                    stats["failed"] += 1
                continue
            with lock:
                stats["connections"] += 1
            buf = b""
            try:
                for nth in range(rng.randint(2, 20) if keepalive else 1):
                    if time.time() >= deadline:
                        break
                    rid, size = new_id(), rng.choice([0, 1, 100, 1500, 16384, 70000, rng.randint(0, 300000)])
                    s.sendall(b"GET /?id=%d&size=%d HTTP/1.1\r\nHost: soak\r\n%s\r\n" % (rid, size, b"" if keepalive else b"Connection: close\r\n"))
                    try:
                        status, got, body, buf = read_response(s, buf)
                    except (OSError, ConnectionError, ValueError) as e:
                        with lock:
                            stats["failed"] += 1
                            why = f"{'keep-alive' if keepalive else 'close'} request {'1' if nth == 0 else '2+'}: {e}"
                            reasons[why] = reasons.get(why, 0) + 1
                        break
                    with lock:
                        if status.startswith(b"HTTP/1.1 200") and got == rid and body == body_for(rid, size):
                            stats["ok"] += 1
                            stats["bytes"] += size
                        else:
                            stats["corrupt"] += 1
            finally:
                s.close()

    threads = [threading.Thread(target=client, args=(i % 2 == 0, random.Random(i))) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(1.5)
    rc.stop_pids([p.pid])
    p.wait(timeout=15)
    syslog.stop = True
    time.sleep(0.6)
    backend.shutdown()
    logged = sum(1 for line in syslog.lines if '"GET /?id=' in line)
    seen = backend.seen
    dup = sum(1 for v in seen.values() if v > 1)
    ok = stats["failed"] == 0 and stats["corrupt"] == 0 and stats["ok"] == stats["sent"] == len(seen) == logged and dup == 0
    print(f"soak {name}: {duration}s {clients} clients: sent {stats['sent']} ok {stats['ok']} failed {stats['failed']} corrupt {stats['corrupt']}"
          f" | server saw {len(seen)} (dup {dup}) | logged {logged} | connections {stats['connections']}"
          f" | body bytes {stats['bytes']} | {'NONE LOST' if ok else 'LOSS'}" + (f" | failures: {reasons}" if reasons else ""), flush=True)
    return ok


def slowloris(name, binary, duration, slow, normal):
    folder = rc.workdir("http-slowloris-")
    backend, syslog, port = Backend(), Syslog(), rc.free_port()
    p = start(binary, CONFIG.format(syslog=syslog.port, port=port, backend=backend.server_address[1], http_request=2), folder)
    rc.wait_listening(port)
    time.sleep(0.5)
    cut, answers, lock = [], {}, threading.Lock()
    lat, failures = [], [0]
    deadline = time.time() + duration

    def slow_client(i):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
        except OSError:
            with lock:
                answers["connect failed"] = answers.get("connect failed", 0) + 1
            return
        t0 = time.time()
        got = b""
        try:
            s.sendall(b"GET /?id=%d&size=1 HTTP/1.1\r\nHost: slow\r\n" % (10_000_000 + i))
            s.settimeout(1.0)
            while time.time() - t0 < duration + 10:
                try:
                    data = s.recv(4096)
                    if not data:
                        break
                    got += data
                except socket.timeout:
                    try:
                        s.sendall(b"X-Drip: %d\r\n" % int(time.time() - t0))
                    except OSError:
                        break
                except OSError:
                    break
        finally:
            s.close()
        with lock:
            cut.append(time.time() - t0)
            key = got.split(b"\r\n", 1)[0].decode("latin-1") or "closed, nothing"
            answers[key] = answers.get(key, 0) + 1

    def normal_client(k):
        rng = random.Random(k)
        while time.time() < deadline:
            rid = 20_000_000 + k * 1_000_000 + rng.randint(0, 999_999)
            t0 = time.time()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                    s.sendall(b"GET /?id=%d&size=512 HTTP/1.1\r\nHost: n\r\nConnection: close\r\n\r\n" % rid)
                    status, got, body, _ = read_response(s, b"")
                    if not status.startswith(b"HTTP/1.1 200") or body != body_for(rid, 512):
                        raise ValueError("bad answer")
                with lock:
                    lat.append(time.time() - t0)
            except (OSError, ConnectionError, ValueError):
                with lock:
                    failures[0] += 1
            time.sleep(0.01)

    threads = [threading.Thread(target=slow_client, args=(i,)) for i in range(slow)]
    threads += [threading.Thread(target=normal_client, args=(k,)) for k in range(normal)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(1)
    rc.stop_pids([p.pid])
    p.wait(timeout=15)
    syslog.stop = True
    time.sleep(0.6)
    backend.shutdown()
    states = {}
    for line in syslog.lines:
        if "slow" in line or " 408 " in line:
            parts = line.split()
            for i, w in enumerate(parts):
                if w in ("408", "-1") and i + 4 < len(parts):
                    states[parts[i + 4]] = states.get(parts[i + 4], 0) + 1
                    break
    q = sorted(cut)
    lq = sorted(lat)
    print(f"slowloris {name}: {slow} slow clients, {normal} normal clients, {duration}s | slow cut after median {statistics.median(q):.2f}s"
          f" max {q[-1]:.2f}s, answers {answers}, log states {states} | normal served {len(lat)} failed {failures[0]}"
          f" latency p50 {1000 * statistics.median(lq):.1f} ms p99 {1000 * lq[int(0.99 * (len(lq) - 1))]:.1f} ms", flush=True)
    return failures[0] == 0 and q[-1] < 2 + 2


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", action="append", required=True, help="name=command")
    ap.add_argument("--only", default="soak,slowloris")
    ap.add_argument("--duration", type=int, default=60)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--slow", type=int, default=200)
    ap.add_argument("--normal", type=int, default=4)
    a = ap.parse_args()
    good = True
    for spec in a.binary:
        name, binary = spec.split("=", 1)
        if "soak" in a.only:
            good &= soak(name, binary, a.duration, a.clients)
        if "slowloris" in a.only:
            good &= slowloris(name, binary, min(a.duration, 10), a.slow, a.normal)
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()
