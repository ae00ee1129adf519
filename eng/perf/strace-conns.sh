#!/usr/bin/env bash
# Syscalls per proxied TCP connection: strace -c -f on a running proxy while N sequential
# connections go through it (mode tcp) to an nginx backend serving 100 bytes.
# Usage: eng/perf/strace-conns.sh "<proxy command>" [N] [extra config lines for defaults]
#   eng/perf/strace-conns.sh ../shared/ref/haproxy-1.4.25 1000
#   eng/perf/strace-conns.sh "dotnet src/HaproxyNet.Host/bin/Release/net10.0/haproxynet.dll" 1000
set -euo pipefail
CMD=$1; N=${2:-1000}; EXTRA=${3:-}
D=$(mktemp -d); chmod 755 $D; PB=24180; PP=24181
mkdir -p $D/www $D/tmp; printf '%099d\n' 0 > $D/www/index.html
cat > $D/nginx.conf <<NG
pid $D/nginx.pid; error_log $D/error.log warn; daemon off; worker_processes 1;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $D/tmp; proxy_temp_path $D/tmp; fastcgi_temp_path $D/tmp;
  uwsgi_temp_path $D/tmp; scgi_temp_path $D/tmp;
  server { listen 127.0.0.1:$PB backlog=4096; root $D/www; } }
NG
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
nginx -p $D -c $D/nginx.conf & NG=$!
$CMD -db -f $D/hap.cfg >$D/proxy.out 2>&1 & PX=$!
trap 'kill $PX $NG 2>/dev/null || true' EXIT
client() { python3 - "$PP" "$1" <<'PY'
import socket, sys
port, n = int(sys.argv[1]), int(sys.argv[2])
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET / HTTP/1.0\r\nHost: x\r\n\r\n")
    got = b""
    while True:
        d = s.recv(65536)
        if not d: break
        got += d
    assert got.startswith(b"HTTP/1.1 200"), got[:80]
    s.close()
PY
}
for i in $(seq 100); do python3 -c "import socket;socket.create_connection(('127.0.0.1',$PP)).close()" 2>/dev/null && break; sleep 0.2; done
client 300   # warm-up (JIT)
TIDS=$(ls /proc/$PX/task | paste -sd,)
strace ${STRACE_OPTS:--c} -f -p $TIDS -o $D/strace.txt & ST=$!
sleep 1
client $N
sleep 0.5
kill -INT $ST; wait $ST || true
awk -v n=$N 'NR>2 && $NF!="total" && $4 ~ /^[0-9]+$/ { name=$NF; calls=$4; printf "%-16s %8d %8.2f\n", name, calls, calls/n } $NF=="total"{printf "%-16s %8d %8.2f\n", "total", $(NF-2), $(NF-2)/n}' $D/strace.txt
echo "raw: $D/strace.txt"
