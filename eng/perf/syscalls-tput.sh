#!/usr/bin/env bash
# Syscalls per MB of one iperf3 flow through a proxy in mode tcp: the syscall exit tracepoints of the running proxy
# (perf record, little overhead; STRACE=1 uses strace instead, which slows the proxy and so changes the batching)
# while iperf3 sends a fixed amount (client -> server, then -R server -> client), then a table per direction: calls
# per MB of recvfrom, sendto, epoll_wait, epoll_ctl, splice; EAGAIN answers; mean/median bytes per successful recv
# and send, and a histogram of recv/send sizes.
# Usage: eng/perf/syscalls-tput.sh "<proxy command>" [MB per direction] [extra config lines for defaults]
#   eng/perf/syscalls-tput.sh /work/shared/ref/haproxy-1.4.25 200
#   eng/perf/syscalls-tput.sh artifacts/native/haproxynet 200
# OUT=dir keeps the raw trace files there. Needs root (or perf_event_paranoid <= 1) for the tracepoints.
set -euo pipefail
CMD=$1; MB=${2:-200}; EXTRA=${3:-}
D=$(mktemp -d); PB=${PORT_BASE:-24760}; PP=$((PB + 1))
OUT=${OUT:-$D}; mkdir -p "$OUT"
cat > $D/hap.cfg <<CF
global
    maxconn 4096
defaults
    mode tcp
    timeout connect 5s
    timeout client 120s
    timeout server 120s
    maxconn 4096
$EXTRA
frontend fe
    bind 127.0.0.1:$PP
    default_backend be
backend be
    server s1 127.0.0.1:$PB
CF
iperf3 -s -4 -B 127.0.0.1 -p $PB >$D/iperf-s.out 2>&1 & IS=$!
$CMD -db -f $D/hap.cfg >$D/proxy.out 2>&1 & PX=$!
trap 'kill $PX $IS 2>/dev/null || true' EXIT
for i in $(seq 100); do python3 -c "import socket;socket.create_connection(('127.0.0.1',$PP)).close()" 2>/dev/null && break; sleep 0.2; done
sleep 0.5; iperf3 -4 -c 127.0.0.1 -p $PP -n 64M >/dev/null   # warm-up (JIT tiers, pools)
EV=recvfrom,sendto,epoll_wait,epoll_pwait,epoll_ctl,splice
for dir in up down; do
  R=""; [ $dir = down ] && R="-R"
  if [ -n "${STRACE:-}" ]; then
    TIDS=$(ls /proc/$PX/task | paste -sd,)
    strace -f -qq -e trace=$EV -p $TIDS -o $OUT/trace-$dir.txt & ST=$!
  else
    perf record -q $(echo $EV | sed 's/\([a-z_]*\)/-e syscalls:sys_exit_\1/g; s/,/ /g') -p $PX -o $OUT/perf-$dir.data \
      >/dev/null 2>&1 & ST=$!
  fi
  sleep 1
  iperf3 -4 -c 127.0.0.1 -p $PP -n ${MB}M $R >/dev/null
  sleep 0.5
  kill -INT $ST; wait $ST || true
  [ -z "${STRACE:-}" ] && perf script -i $OUT/perf-$dir.data -F event,trace 2>/dev/null > $OUT/trace-$dir.txt
  echo "== $dir ($([ $dir = up ] && echo client to server || echo server to client, iperf3 -R))"
  python3 - "$OUT/trace-$dir.txt" <<'PY'
import re, sys, collections
calls = collections.Counter(); eagain = collections.Counter(); sizes = {"recvfrom": [], "sendto": []}
byts = 0
for line in open(sys.argv[1]):
    m = re.match(r"\d+\s+(\w+)\(.*\)\s+=\s+(-?\d+)", line)          # strace
    if m:
        name, ret = m.group(1), int(m.group(2))
    else:
        m = re.match(r"\s*syscalls:sys_exit_(\w+):\s+(0x[0-9a-f]+)", line)  # perf script
        if not m:
            continue
        name, ret = m.group(1), int(m.group(2), 16)
        if ret >= 1 << 63:
            ret -= 1 << 64
    calls[name] += 1
    if ret == -11 or (ret < 0 and "EAGAIN" in line):
        eagain[name] += 1
    if name in sizes and ret > 0:
        sizes[name].append(ret)
        if name == "recvfrom":
            byts += ret
mb = byts / 1e6
print(f"bytes received by the proxy: {byts}  ({mb:.1f} MB)")
print(f"{'syscall':12} {'calls':>8} {'per MB':>8} {'EAGAIN':>8}")
for name in ("recvfrom", "sendto", "epoll_wait", "epoll_pwait", "epoll_ctl", "splice"):
    if calls[name]:
        print(f"{name:12} {calls[name]:8d} {calls[name]/mb:8.2f} {eagain[name]:8d}")
tot = sum(calls.values()); print(f"{'total':12} {tot:8d} {tot/mb:8.2f}")
for name, s in sizes.items():
    if not s:
        continue
    s.sort()
    print(f"{name}: {len(s)} with data, mean {sum(s)/len(s):.0f} B, median {s[len(s)//2]} B, max {s[-1]} B")
    edges = [1024, 4096, 8192, 16383, 16384, 32768, 65536, 1 << 30]
    h = collections.Counter(next(e for e in edges if v <= e) for v in s)
    print("   " + "  ".join(f"<={e if e < 1<<30 else 'inf'}:{h[e]}" for e in edges if h[e]))
PY
done
echo "raw: $OUT"
