#!/usr/bin/env python3
"""Reload under load: N clients open a new connection per exchange through `mode tcp` (or, with --mode http, one
`Connection: close` POST per connection through `mode http` with http-server-close) while the proxy is
reloaded R times with -sf (or -st) at a fixed interval; every exchange is counted as ok / refused / reset /
incomplete / timeout. Runs each binary in turn (e.g. HaproxyNet and the reference 1.4.25) and prints a table.

  python3 tools/reliability/reload_under_load.py \
      --binary haproxynet="dotnet src/HaproxyNet.Host/bin/Release/net10.0/haproxynet.dll" \
      --binary hap14=../shared/ref/haproxy-1.4.25 --clients 8 --reloads 20 --interval 0.25

Each reload is what an init script does: read the pidfile, run `<bin> -D -f cfg -p pidfile -sf <pids>`, wait
for it to return; the next one starts `interval` seconds after the previous one started (or at once when the
launch took longer). Exit status 1 with --expect-zero when the first binary lost any exchange.
"""
import argparse
import http.server
import json
import os
import socket
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reliab_common as rc  # noqa: E402

CONFIG = """global
    maxconn 4000
defaults
    mode tcp
    timeout connect 5s
    timeout client 30s
    timeout server 30s
listen l
    bind 127.0.0.1:{fe}
    server s1 127.0.0.1:{be}
"""

HTTP_CONFIG = """global
    maxconn 4000
defaults
    mode http
    option http-server-close
    timeout connect 5s
    timeout client 30s
    timeout server 30s
listen l
    bind 127.0.0.1:{fe}
    server s1 127.0.0.1:{be}
"""


class EchoBodyHandler(http.server.BaseHTTPRequestHandler):
    """Answers a POST with its body (200, Content-Length)."""
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start_http_echo():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EchoBodyHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.c = {"ok": 0, "refused": 0, "reset": 0, "incomplete": 0, "timeout": 0, "other": 0}
        self.samples = []

    def add(self, key, detail=None):
        with self.lock:
            self.c[key] += 1
            if detail and len(self.samples) < 10:
                self.samples.append(detail)


def http_request(payload):
    head = f"POST /reload HTTP/1.1\r\nHost: a\r\nContent-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
    return head.encode("ascii") + payload


def http_body_ok(got, payload):
    head, sep, body = bytes(got).partition(b"\r\n\r\n")
    return sep and head.startswith(b"HTTP/1.1 200 ") and body == payload


def tcp_step(s, payload):
    """Echo protocol: the payload comes back byte for byte."""
    s.sendall(payload)
    got = bytearray()
    while len(got) < len(payload):
        chunk = s.recv(65536)
        if not chunk:
            return "incomplete", f"EOF after {len(got)}/{len(payload)}"
        got += chunk
    if bytes(got) != payload:
        return "incomplete", "content differs"
    return "ok", None


def http_step(s, payload):
    """One POST with Connection: close; the server echoes the body in a 200."""
    s.sendall(http_request(payload))
    got = bytearray()
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        got += chunk
    if not got:
        return "incomplete", "no response"
    if not http_body_ok(got, payload):
        return "incomplete", f"response differs: {bytes(got[:40])!r}"
    return "ok", None


def exchange(port, payload, timeout, mode="tcp"):
    """One connection through the proxy; the outcome as (kind, detail): ok, refused, reset, timeout, incomplete, other."""
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except ConnectionRefusedError:
        return "refused", None
    except socket.timeout:
        return "timeout", "connect"
    except OSError as e:
        return "other", repr(e)
    try:
        s.settimeout(timeout)
        return (http_step if mode == "http" else tcp_step)(s, payload)
    except (ConnectionResetError, BrokenPipeError) as e:
        return "reset", repr(e)
    except socket.timeout:
        return "timeout", "exchange"
    except OSError as e:
        return "other", repr(e)
    finally:
        s.close()


def client_loop(port, counters, stop, size, timeout, seed, mode="tcp"):
    payload = bytes((seed * 31 + i) & 0xFF for i in range(size))
    while not stop.is_set():
        key, detail = exchange(port, payload, timeout, mode)
        counters.add(key, detail)


def run_one(name, binary, args):
    folder = rc.workdir(f"reload-{name}-")
    echo = start_http_echo() if args.mode == "http" else rc.start_echo()
    fe = rc.free_port()
    cfg = os.path.join(folder, "haproxy.cfg")
    with open(cfg, "w") as f:
        f.write((HTTP_CONFIG if args.mode == "http" else CONFIG).format(fe=fe, be=echo.server_address[1]))
    pidfile = os.path.join(folder, "haproxy.pid")
    base = rc.split_binary(binary) + ["-D", "-f", cfg, "-p", pidfile]
    seen = set()
    code, took, err = rc.run(base, folder)
    if code != 0 or not rc.wait_listening(fe):
        print(f"{name}: start failed ({code}): {err}", file=sys.stderr)
        return None
    seen.update(rc.read_pids(pidfile))
    counters = Counters()
    stop = threading.Event()
    threads = [threading.Thread(target=client_loop, args=(fe, counters, stop, args.size, args.timeout, i, args.mode),
                                daemon=True)
               for i in range(args.clients)]
    for t in threads:
        t.start()
    time.sleep(args.warmup)
    launches = []
    failed_reloads = 0
    flag = "-sf" if args.signal == "sf" else "-st"
    for _ in range(args.reloads):
        started = time.time()
        old = rc.read_pids(pidfile)
        code, took, err = rc.run(base + [flag] + [str(p) for p in old], folder)
        launches.append(took * 1000)
        if code != 0:
            failed_reloads += 1
            print(f"{name}: reload failed ({code}): {err.strip()}", file=sys.stderr)
        seen.update(rc.read_pids(pidfile))
        left = args.interval - (time.time() - started)
        if left > 0:
            time.sleep(left)
    time.sleep(args.settle)
    stop.set()
    for t in threads:
        t.join(args.timeout + 5)
    final = rc.read_pids(pidfile)
    old = [p for p in seen if p not in final]
    drained = rc.wait_gone(old, 10)
    leftovers = [p for p in old if rc.pid_alive(p)]
    killed = rc.stop_pids(final + leftovers)
    echo.shutdown()
    result = dict(counters.c)
    result.update({
        "name": name,
        "mode": args.mode,
        "reloads": args.reloads,
        "reload_failures": failed_reloads,
        "launch_ms_median": round(statistics.median(launches), 1) if launches else 0,
        "launch_ms_max": round(max(launches), 1) if launches else 0,
        "old_processes_left": len(leftovers) if not drained else 0,
        "killed_at_end": len(killed),
        "samples": counters.samples,
    })
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", action="append", required=True, help="name=command (repeatable)")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--reloads", type=int, default=20)
    p.add_argument("--interval", type=float, default=0.25, help="seconds between reload starts")
    p.add_argument("--signal", choices=["sf", "st"], default="sf")
    p.add_argument("--mode", choices=["tcp", "http"], default="tcp", help="proxy mode (http: one POST per connection)")
    p.add_argument("--size", type=int, default=512, help="bytes per exchange")
    p.add_argument("--timeout", type=float, default=5.0)
    p.add_argument("--warmup", type=float, default=1.0)
    p.add_argument("--settle", type=float, default=1.0)
    p.add_argument("--json", help="write the results here")
    p.add_argument("--expect-zero", action="store_true")
    args = p.parse_args()
    results = []
    for spec in args.binary:
        name, _, binary = spec.partition("=")
        r = run_one(name, binary, args)
        if r is None:
            return 2
        results.append(r)
    keys = ["ok", "refused", "reset", "incomplete", "timeout", "other", "reload_failures", "launch_ms_median",
            "launch_ms_max", "old_processes_left"]
    print("| binary | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for r in results:
        print(f"| {r['name']} | " + " | ".join(str(r[k]) for k in keys) + " |")
        for s in r["samples"]:
            print(f"  {r['name']}: {s}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    first = results[0]
    lost = sum(first[k] for k in ["refused", "reset", "incomplete", "timeout", "other"])
    if args.expect_zero and (lost or first["reload_failures"] or first["old_processes_left"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
