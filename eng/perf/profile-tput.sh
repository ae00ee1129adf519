#!/usr/bin/env bash
# CPU profile and CPU cost per MB of a proxy during one iperf3 flow through mode tcp (the bench's tcp-throughput):
# perf record -g on the proxy (pinned to CPU 1, iperf3 on CPU 0), then MB/s, user and sys CPU-ms per MB (from
# /proc/PID/stat), and the top symbols. A native binary needs its haproxynet.dbg beside it for symbols.
# Usage: eng/perf/profile-tput.sh "<proxy command>" [seconds] [out-dir] [-R]
#   eng/perf/profile-tput.sh /work/shared/ref/haproxy-1.4.25 6 /tmp/prof-hap14
#   eng/perf/profile-tput.sh artifacts/native/haproxynet 6 /tmp/prof-hn
set -euo pipefail
CMD=$1; SECS=${2:-6}; OUT=${3:-$(mktemp -d)}; R=${4:-}
D=$(mktemp -d); PB=${PORT_BASE:-24780}; PP=$((PB + 1)); mkdir -p $OUT
cat > $D/hap.cfg <<CF
global
    maxconn 4096
defaults
    mode tcp
    timeout connect 5s
    timeout client 120s
    timeout server 120s
frontend fe
    bind 127.0.0.1:$PP
    default_backend be
backend be
    server s1 127.0.0.1:$PB
CF
iperf3 -s -4 -B 127.0.0.1 -p $PB >$D/iperf-s.out 2>&1 & IS=$!
DOTNET_PerfMapEnabled=1 taskset -c 1 $CMD -db -f $D/hap.cfg >$D/proxy.out 2>&1 & PX=$!
trap 'kill $PX $IS 2>/dev/null || true' EXIT
for i in $(seq 100); do python3 -c "import socket;socket.create_connection(('127.0.0.1',$PP)).close()" 2>/dev/null && break; sleep 0.2; done
sleep 0.5; taskset -c 0 iperf3 -4 -c 127.0.0.1 -p $PP -t 2 >/dev/null || { sleep 1; taskset -c 0 iperf3 -4 -c 127.0.0.1 -p $PP -t 2 >/dev/null; }
perf record -F 1999 -g -p $PX -o $OUT/perf.data -- sleep $SECS >/dev/null 2>&1 & PR=$!
T0=$(awk '{print $14, $15}' /proc/$PX/stat)
taskset -c 0 iperf3 -4 -c 127.0.0.1 -p $PP -t $SECS $R -J > $OUT/iperf.json
T1=$(awk '{print $14, $15}' /proc/$PX/stat)
wait $PR || true
python3 - "$OUT/iperf.json" "$T0" "$T1" <<'PY'
import json,sys,os
j=json.load(open(sys.argv[1])); r=j["end"]["sum_received"]; mb=r["bytes"]/1e6
u0,s0=map(int,sys.argv[2].split()); u1,s1=map(int,sys.argv[3].split()); hz=os.sysconf("SC_CLK_TCK")
u=(u1-u0)/hz*1000; s=(s1-s0)/hz*1000
print(f"{mb/r['seconds']:.0f} MB/s  user {u/mb:.4f} ms/MB  sys {s/mb:.4f} ms/MB  cpu {(u+s)/10/r['seconds']:.0f}%")
PY
perf report -i $OUT/perf.data --no-children --sort sym -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -${TOP:-30}
echo "--- by object:"; perf report -i $OUT/perf.data --no-children --sort dso -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -6
