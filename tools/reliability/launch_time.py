#!/usr/bin/env python3
"""`-D` launch time: how long `<bin> -D -f cfg -p pidfile [-sf oldpid]` takes until the pidfile names the daemon,
until the command returns, and until the frontend accepts, per binary, N launches each (loopback, bounded).

  python3 tools/reliability/launch_time.py --binary native=artifacts/native/haproxynet \
      --binary dll="dotnet src/HaproxyNet.Host/bin/Release/net10.0/haproxynet.dll" \
      --binary hap14=../shared/ref/haproxy-1.4.25 [--runs 20] [--reload]

Without --reload every launch is a cold start (the previous daemon is stopped with SIGUSR1 first, by its pid).
With --reload each launch is `-sf <pid of the previous one>` while the previous one runs, as an init script's
reload. Times are polled every millisecond from just before the exec: pidfile = first moment it holds a pid of a
live process other than the old one; returned = the command's exit; accepts = first successful connect.
"""
import argparse
import os
import socket
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reliab_common as rc  # noqa: E402

CONFIG = """global
    maxconn 1000
defaults
    mode tcp
    timeout connect 5s
    timeout client 30s
    timeout server 30s
listen l
    bind 127.0.0.1:{fe}
    server s1 127.0.0.1:{be}
"""


def connects(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def launch(cmd, folder, pidfile, port, old, limit=30.0):
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    t_pid = t_ret = t_acc = None
    pids = []
    while time.perf_counter() - t0 < limit and None in (t_pid, t_ret, t_acc):
        now = time.perf_counter() - t0
        if t_ret is None and proc.poll() is not None:
            t_ret = now
        if t_pid is None:
            pids = [p for p in rc.read_pids(pidfile) if p not in old and rc.pid_alive(p)]
            if pids:
                t_pid = now
        if t_acc is None and t_pid is not None and connects(port):
            t_acc = now
        time.sleep(0.001)
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    return t_pid, t_ret, t_acc, pids, proc.returncode


def run_binary(name, binary, runs, reload):
    folder = rc.workdir(f"launch-{name}-")
    echo = rc.start_echo()
    port = rc.free_port()
    cfg = os.path.join(folder, "haproxy.cfg")
    with open(cfg, "w") as f:
        f.write(CONFIG.format(fe=port, be=echo.server_address[1]))
    pidfile = os.path.join(folder, "haproxy.pid")
    base = rc.split_binary(binary) + ["-D", "-f", cfg, "-p", pidfile]
    rows, running = [], []
    try:
        for _ in range(runs):
            if not reload and running:
                rc.stop_pids(running)
                running = []
                while connects(port):
                    time.sleep(0.01)
            if os.path.exists(pidfile):
                os.unlink(pidfile)
            cmd = base + (["-sf"] + [str(p) for p in running] if reload and running else [])
            t_pid, t_ret, t_acc, pids, code = launch(cmd, folder, pidfile, port, set(running))
            rows.append((t_pid, t_ret, t_acc, code))
            if reload:
                rc.wait_gone(running, 15)
            running = pids
    finally:
        left = rc.stop_pids(running)
        echo.shutdown()
    return rows, left


def fmt(values):
    v = [x * 1000 for x in values if x is not None]
    if not v:
        return "-"
    return f"{statistics.median(v):.1f} / {max(v):.1f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", action="append", required=True, help="name=command (repeatable)")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--reload", action="store_true")
    a = ap.parse_args()
    print(f"| binary | launches | to pidfile ms (median / max) | command returned ms | accepting ms | failed |")
    print("|---|---:|---:|---:|---:|---:|")
    for spec in a.binary:
        name, _, binary = spec.partition("=")
        rows, left = run_binary(name, binary, a.runs, a.reload)
        failed = sum(1 for r in rows if None in r[:3] or r[3] != 0)
        print(f"| {name} | {len(rows)} | {fmt(r[0] for r in rows)} | {fmt(r[1] for r in rows)} | {fmt(r[2] for r in rows)} | {failed} |"
              + (f" killed {left}" if left else ""), flush=True)


if __name__ == "__main__":
    main()
