#!/usr/bin/env python3
"""Memory per held HTTP keep-alive connection (issue 12's "KiB per held connection ... also in HTTP keep-alive").

Each proxy gets the same config (mode http, option http-server-close, long client/keep-alive timeouts, maxconn N+256)
in front of nginx serving 100 bytes. N client connections each send one request and read its whole response, then
stay open, idle, between two requests (the proxy holds the client side; the server side is closed). Reported: the
proxy's RSS before (after a warm-up of 200 requests) and with the N connections held, the growth per connection in
KiB (with --gc: after SIGQUIT, which makes both binaries give unused pool memory back), and a check that every held connection still answers a second request (so none was dropped).

    eng/perf/held-keepalive.py --n 5000 hap14=../shared/ref/haproxy-1.4.25 hn=$PWD/artifacts/native/haproxynet

Each proxy runs alone, one after the other; every process started is stopped by its PID.
"""
import argparse
import os
import resource
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

REQ = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def wait_port(port, proc, limit=30.0):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"port {port} not listening")


def response_done(buf):
    head, sep, rest = buf.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(rest) >= int(line.split(b":")[1])
    return False


def one_round(socks, timeout=60.0):
    """Sends one request on every socket, reads every response; returns how many answered 200."""
    sel = selectors.DefaultSelector()
    bufs = {}
    for s in socks:
        s.sendall(REQ)
        sel.register(s, selectors.EVENT_READ)
        bufs[s] = b""
    ok, end = 0, time.monotonic() + timeout
    while bufs and time.monotonic() < end:
        for key, _ in sel.select(timeout=0.5):
            s = key.fileobj
            d = s.recv(65536)
            if d:
                bufs[s] += d
                if not response_done(bufs[s]):
                    continue
                ok += bufs[s].startswith(b"HTTP/1.1 200")
            sel.unregister(s)
            del bufs[s]
    sel.close()
    return ok


def measure(name, cmd, n, port, backend_port, work, gc):
    cfg = os.path.join(work, f"{name}.cfg")
    with open(cfg, "w") as f:
        f.write(f"""global
    maxconn {n + 256}
defaults
    mode http
    option http-server-close
    timeout connect 5s
    timeout client 300s
    timeout server 30s
    timeout http-keep-alive 300s
    maxconn {n + 256}
frontend fe
    bind 127.0.0.1:{port}
    default_backend be
backend be
    server s1 127.0.0.1:{backend_port}
""")
    proxy = subprocess.Popen(cmd.split() + ["-db", "-f", cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socks = []
    try:
        wait_port(port, proxy)
        print(f"{name}: pid {proxy.pid}", file=sys.stderr)
        warm = [socket.create_connection(("127.0.0.1", port)) for _ in range(200)]
        one_round(warm)
        for s in warm:
            s.close()
        time.sleep(1.0)
        before = rss_kib(proxy.pid)
        print(f"{name}: warm, RSS {before} KiB", file=sys.stderr)
        for _ in range(n):
            socks.append(socket.create_connection(("127.0.0.1", port)))
        first = 0
        for i in range(0, n, 500):  # in slices, so the backend's accept queue is never the limit
            first += one_round(socks[i:i + 500])
        time.sleep(1.0)
        if gc:
            os.kill(proxy.pid, signal.SIGQUIT)  # 1.4's dump_pools + pool_gc2: unused pool memory given back, both binaries
            time.sleep(2.0)
        held = rss_kib(proxy.pid)
        second = 0
        for i in range(0, n, 500):
            second += one_round(socks[i:i + 500])
        return {"name": name, "n": n, "rss_before_kib": before, "rss_held_kib": held,
                "kib_per_conn": round((held - before) / n, 2), "first_ok": first, "second_ok": second}
    finally:
        for s in socks:
            s.close()
        proxy.kill()
        proxy.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("proxies", nargs="+", help="name=command")
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--port", type=int, default=24480)
    ap.add_argument("--gc", action="store_true", help="SIGQUIT each proxy before reading the held RSS (pools given back)")
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = 2 * args.n + 1000
    if hard < need:
        sys.exit(f"fd hard limit {hard} < {need}: lower --n")
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    work = tempfile.mkdtemp(prefix="held-ka-")
    os.chmod(work, 0o755)
    os.makedirs(os.path.join(work, "www"))
    os.makedirs(os.path.join(work, "tmp"))
    with open(os.path.join(work, "www", "index.html"), "w") as f:
        f.write("0" * 99 + "\n")
    bport = args.port + 1
    with open(os.path.join(work, "nginx.conf"), "w") as f:
        t = os.path.join(work, "tmp")
        f.write(f"pid {work}/nginx.pid; error_log {work}/error.log warn; daemon off; worker_processes 1;\n"
                f"events {{ worker_connections 4096; }}\n"
                f"http {{ access_log off; client_body_temp_path {t}; proxy_temp_path {t}; fastcgi_temp_path {t};\n"
                f"  uwsgi_temp_path {t}; scgi_temp_path {t};\n"
                f"  server {{ listen 127.0.0.1:{bport} backlog=4096; root {work}/www; }} }}\n")
    nginx = subprocess.Popen(["nginx", "-p", work, "-c", os.path.join(work, "nginx.conf")])
    try:
        wait_port(bport, nginx)
        rows = [measure(spec.partition("=")[0], spec.partition("=")[2], args.n, args.port, bport, work, args.gc)
                for spec in args.proxies]
    finally:
        nginx.terminate()  # SIGTERM: the master stops its worker too (SIGKILL would orphan it)
        nginx.wait()
        shutil.rmtree(work, ignore_errors=True)
    print(f"| proxy | N | RSS before (KiB) | RSS with N held (KiB) | KiB per held connection | 1st / 2nd request ok |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['name']} | {r['n']} | {r['rss_before_kib']} | {r['rss_held_kib']} | {r['kib_per_conn']} | "
              f"{r['first_ok']} / {r['second_ok']} |")


if __name__ == "__main__":
    main()
