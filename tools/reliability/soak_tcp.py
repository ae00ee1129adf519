#!/usr/bin/env python3
"""TCP soak with faults: clients stream checksummed payloads of random sizes both ways through `mode tcp`
while the servers behind the proxy are killed (connections reset), restarted, made to hang and to refuse.

  python3 tools/reliability/soak_tcp.py --duration 600 \
      --binary haproxynet="dotnet src/HaproxyNet.Host/bin/Release/net10.0/haproxynet.dll" \
      --binary hap14=../shared/ref/haproxy-1.4.25

Per exchange the client sends a 16-byte header (upload size, download size, seed) and the upload; the server
checks every upload byte, answers with the download, closes. Every byte the client receives is compared with
what the server generated for that seed (bytes checked / corrupt); every byte a server receives likewise. Each
failed exchange is matched by the client's source port to the proxy's tcplog line, and its termination state
must be one 1.4 gives for that fault (see EXPECTED). The proxy runs in the foreground; before and after the
soak its RSS and descriptors are read from /proc (sockets must return to the baseline; other descriptors are the
runtime's own and are listed when they change), and a SIGHUP dump gives the sessions still open per server.
Exit status 1 with --expect-clean when the first binary corrupted a byte, logged an unexpected state, or did
not return to its baseline.
"""
import argparse
import json
import os
import random
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reliab_common as rc  # noqa: E402

CONFIG = """global
    maxconn 2000
    log 127.0.0.1:{syslog} local0
defaults
    log global
    mode tcp
    option tcplog
    retries 2
    option redispatch
    timeout connect 1s
    timeout client 10s
    timeout server {server_timeout}
listen soak
    bind 127.0.0.1:{fe}
    balance roundrobin
{servers}
"""

# What 1.4 logs for each way an exchange can fail here (tcplog termination state, first two characters):
# server killed mid-transfer -> SD; server hung -> sD (server timeout in data); every retry refused -> SC;
# a server whose listener went away with our connection in its accept queue closes it without a byte -> "--"
# (1.4.25 logs a normal close there too: measured side by side with this script). Client timeouts never happen.
EXPECTED_FAIL_STATES = {"SD", "sD", "SC", "sC", "--"}


def payload(seed, n):
    return random.Random(seed).randbytes(n)


class FaultyServer:
    """A loopback server that can be killed (RST everything, stop listening), restarted, hung, made to refuse."""

    def __init__(self, counters):
        self.port = rc.free_port()
        self.counters = counters
        self.lock = threading.Lock()
        self.conns = set()
        self.hung = False
        self.sock = None
        self.listen()

    def listen(self):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", self.port))
        s.listen(512)
        self.sock = s
        threading.Thread(target=self.accept_loop, args=(s,), daemon=True).start()

    def stop_listening(self):
        s, self.sock = self.sock, None
        if s:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def kill(self):
        """Like a crashed server: listener gone, every connection reset."""
        self.stop_listening()
        with self.lock:
            conns = list(self.conns)
        for c in conns:
            try:
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                c.close()
            except OSError:
                pass

    def accept_loop(self, s):
        while True:
            try:
                c, _ = s.accept()
            except OSError:
                return
            with self.lock:
                self.conns.add(c)
            threading.Thread(target=self.serve, args=(c,), daemon=True).start()

    def serve(self, c):
        try:
            c.settimeout(30)
            head = recv_exact(c, 16)
            if head is None:
                return
            up, down, seed = struct.unpack("!IIQ", head)
            expected = payload(seed, up)
            got = recv_exact(c, up)
            if got is None:
                return
            bad = sum(1 for a, b in zip(got, expected) if a != b) if got != expected else 0
            self.counters.add("server_bytes_checked", up)
            self.counters.add("server_bytes_corrupt", bad)
            while self.hung:
                time.sleep(0.05)
            data = payload(seed ^ 0x5A5A, down)
            for i in range(0, len(data), 16384):
                c.sendall(data[i:i + 16384])
            c.shutdown(socket.SHUT_WR)
            c.recv(1)
        except OSError:
            pass
        finally:
            with self.lock:
                self.conns.discard(c)
            try:
                c.close()
            except OSError:
                pass


def recv_exact(c, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = c.recv(min(65536, n - len(buf)))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.c = {}

    def add(self, key, n=1):
        with self.lock:
            self.c[key] = self.c.get(key, 0) + n


class Syslog:
    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.lines = []
        threading.Thread(target=self.loop, daemon=True).start()

    def loop(self):
        while True:
            try:
                data, _ = self.sock.recvfrom(4096)
            except OSError:
                return
            self.lines.append(data.decode("latin-1"))


TCPLOG = re.compile(r"127\.0\.0\.1:(\d+) \[[^\]]+\] soak soak/(\S+) (\S+) (\+?\d+) (\S\S) \d+/")


def client_loop(port, counters, failures, stop, seed, max_size):
    rnd = random.Random(seed)
    while not stop.is_set():
        up, down, s = rnd.randint(1, max_size), rnd.randint(1, max_size), rnd.getrandbits(63)
        try:
            c = socket.create_connection(("127.0.0.1", port), timeout=20)
        except OSError as e:
            counters.add("connect_failed")
            failures.append((None, "connect " + type(e).__name__))
            continue
        local = c.getsockname()[1]
        got = 0
        try:
            c.sendall(struct.pack("!IIQ", up, down, s) + payload(s, up))
            expected = payload(s ^ 0x5A5A, down)
            while True:
                chunk = c.recv(65536)
                if not chunk:
                    break
                end = got + len(chunk)
                if expected[got:end] != chunk:
                    counters.add("client_bytes_corrupt", sum(1 for a, b in zip(chunk, expected[got:end]) if a != b) + max(0, end - down))
                got = end
            counters.add("client_bytes_checked", got)
            if got == down:
                counters.add("ok")
            else:
                counters.add("truncated")
                failures.append((local, f"EOF at {got}/{down}"))
        except (ConnectionResetError, BrokenPipeError) as e:
            counters.add("client_bytes_checked", got)
            counters.add("reset")
            failures.append((local, type(e).__name__))
        except socket.timeout:
            counters.add("timeout")
            failures.append((local, "timeout"))
        finally:
            c.close()


def proc_figures(pid):
    rss = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    links = {}
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            links[fd] = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            pass
    sockets = sum(1 for t in links.values() if t.startswith("socket:"))
    return {"rss_kb": rss, "fds": len(links), "sockets": sockets, "links": links}


def sighup_sessions(proc, errpath):
    before = os.path.getsize(errpath)
    proc.send_signal(signal.SIGHUP)
    time.sleep(1.0)
    with open(errpath, "rb") as f:
        f.seek(before)
        text = f.read().decode("latin-1")
    act = [int(x) for x in re.findall(r"Conn: (\d+) act", text)]
    return sum(act) if act else None


def inject_fault(servers, rnd, faults, args):
    """Waits up to --fault-period, then kills (and restarts), hangs past the server timeout, or stops listening on
    (then restarts) one random server; counts the kind in faults."""
    time.sleep(rnd.uniform(0.5, args.fault_period))
    s = rnd.choice(servers)
    kind = rnd.choice(["kill", "hang", "refuse"])
    faults[kind] += 1
    if kind == "kill":
        s.kill()
        time.sleep(rnd.uniform(0.2, 1.0))
        s.listen()
    elif kind == "hang":
        s.hung = True
        time.sleep(rnd.uniform(0.5, 2.0) + float(args.server_timeout.rstrip("s")))
        s.hung = False
    else:
        s.stop_listening()
        time.sleep(rnd.uniform(0.2, 1.0))
        s.listen()


def run_one(name, binary, args):
    folder = rc.workdir(f"soak-{name}-")
    counters = Counters()
    servers = [FaultyServer(counters) for _ in range(args.servers)]
    syslog = Syslog()
    fe = rc.free_port()
    lines = "\n".join(f"    server s{i + 1} 127.0.0.1:{s.port}" for i, s in enumerate(servers))
    cfg = os.path.join(folder, "haproxy.cfg")
    with open(cfg, "w") as f:
        f.write(CONFIG.format(syslog=syslog.port, fe=fe, servers=lines, server_timeout=args.server_timeout))
    errpath = os.path.join(folder, "stderr.log")
    err = open(errpath, "wb")
    proc = subprocess.Popen(rc.split_binary(binary) + ["-db", "-f", cfg], cwd=folder, stdout=subprocess.DEVNULL,
                            stderr=err, stdin=subprocess.DEVNULL)
    if not rc.wait_listening(fe):
        proc.kill()
        print(f"{name}: did not listen", file=sys.stderr)
        return None
    # Baseline after a short warm load.
    stop = threading.Event()
    failures = []
    warm = threading.Thread(target=client_loop, args=(fe, Counters(), [], stop, 99, 4096), daemon=True)
    warm.start()
    time.sleep(2.0)
    stop.set()
    warm.join(25)
    time.sleep(0.5)
    sessions = sighup_sessions(proc, errpath)  # first: the dump itself may open what it needs once
    base = proc_figures(proc.pid)
    base["sessions"] = sessions
    syslog.lines.clear()

    stop = threading.Event()
    threads = [threading.Thread(target=client_loop, args=(fe, counters, failures, stop, 1000 + i, args.max_size), daemon=True)
               for i in range(args.clients)]
    for t in threads:
        t.start()
    rnd = random.Random(args.seed)
    faults = {"kill": 0, "hang": 0, "refuse": 0}
    end = time.time() + args.duration
    while time.time() < end:
        inject_fault(servers, rnd, faults, args)
    stop.set()
    for t in threads:
        t.join(30)
    time.sleep(2.0)
    sessions = sighup_sessions(proc, errpath)
    after = proc_figures(proc.pid)
    after["sessions"] = sessions
    proc.send_signal(signal.SIGUSR1)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)
    err.close()
    for s in servers:
        s.kill()
    time.sleep(0.5)

    # Match failures with log lines by client port.
    by_port = {}
    states = {}
    for line in syslog.lines:
        m = TCPLOG.search(line)
        if m:
            by_port[int(m.group(1))] = m.group(5)
            states[m.group(5)] = states.get(m.group(5), 0) + 1
    unexpected = []
    failure_states = {}
    for port, what in failures:
        st = by_port.get(port, "no-log") if port else "connect"
        failure_states[st] = failure_states.get(st, 0) + 1
        if st not in EXPECTED_FAIL_STATES:
            unexpected.append(f"{what} logged {st}")
    extra = {fd: t for fd, t in after.pop("links").items() if base["links"].get(fd) != t}
    base.pop("links")
    result = dict(counters.c)
    result.update({"new_fds": extra, "name": name, "faults": faults, "log_states": states, "failure_states": failure_states,
                   "unexpected": unexpected[:20], "unexpected_count": len(unexpected),
                   "before": base, "after": after, "exit": proc.returncode})
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", action="append", required=True, help="name=command (repeatable)")
    p.add_argument("--duration", type=float, default=600)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--servers", type=int, default=3)
    p.add_argument("--max-size", type=int, default=256 * 1024)
    p.add_argument("--fault-period", type=float, default=2.0)
    p.add_argument("--server-timeout", default="2s")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json")
    p.add_argument("--expect-clean", action="store_true")
    args = p.parse_args()
    results = []
    for spec in args.binary:
        name, _, binary = spec.partition("=")
        r = run_one(name, binary, args)
        if r is None:
            return 2
        results.append(r)
        print(json.dumps(r, indent=1, sort_keys=True))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    first = results[0]
    clean = (first.get("client_bytes_corrupt", 0) == 0 and first.get("server_bytes_corrupt", 0) == 0
             and first["unexpected_count"] == 0 and first.get("connect_failed", 0) == 0
             and first["after"]["sockets"] <= first["before"]["sockets"]
             and first["after"]["sessions"] == first["before"]["sessions"] and first["exit"] == 0)
    print(f"{first['name']}: {'clean' if clean else 'NOT CLEAN'}")
    return 0 if clean or not args.expect_clean else 1


if __name__ == "__main__":
    sys.exit(main())
