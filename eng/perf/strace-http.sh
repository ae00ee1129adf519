#!/usr/bin/env bash
# Syscalls per proxied HTTP request: strace -c -f on a running proxy while N requests go through it (mode http,
# option http-server-close, as the bench's http scenarios) to an nginx backend serving 100 bytes.
# Usage: eng/perf/strace-http.sh "<proxy command>" [N] [keepalive|close]
#   eng/perf/strace-http.sh ../shared/ref/haproxy-1.4.25 10000 keepalive
#   eng/perf/strace-http.sh "$PWD/artifacts/native/haproxynet" 10000 close
# keepalive: one client connection, N HTTP/1.1 requests one after the other; close: N connections, one request each.
set -euo pipefail
CMD=$1; N=${2:-10000}; SCEN=${3:-keepalive}
D=$(mktemp -d); chmod 755 $D; PB=24380; PP=24381
mkdir -p $D/www $D/tmp; printf '%099d\n' 0 > $D/www/index.html
cat > $D/nginx.conf <<NG
pid $D/nginx.pid; error_log $D/error.log warn; daemon off; worker_processes 1;
events { worker_connections 4096; }
http { access_log off; keepalive_requests 100000000; client_body_temp_path $D/tmp; proxy_temp_path $D/tmp;
  fastcgi_temp_path $D/tmp; uwsgi_temp_path $D/tmp; scgi_temp_path $D/tmp;
  server { listen 127.0.0.1:$PB backlog=4096; root $D/www; } }
NG
cat > $D/hap.cfg <<CF
global
    maxconn 4096
defaults
    mode http
    option http-server-close
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    maxconn 4096
frontend fe
    bind 127.0.0.1:$PP
    maxconn 4096
    default_backend be
backend be
    server s1 127.0.0.1:$PB
CF
nginx -p $D -c $D/nginx.conf & NG=$!
$CMD -db -f $D/hap.cfg >$D/proxy.out 2>&1 & PX=$!
trap 'kill $PX $NG 2>/dev/null || true' EXIT
client() { python3 - "$PP" "$1" "$SCEN" <<'PY'
import socket, sys
port, n, scen = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def read_response(s, buf):
    while b"\r\n\r\n" not in buf:
        d = s.recv(65536)
        if not d: raise SystemExit("closed early")
        buf += d
    head, _, rest = buf.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head[:80]
    cl = int([l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0])
    while len(rest) < cl:
        rest += s.recv(65536)
    return rest[cl:]
if scen == "keepalive":
    s = socket.create_connection(("127.0.0.1", port)); buf = b""
    for i in range(n):
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        buf = read_response(s, buf)
    s.close()
else:
    for i in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        read_response(s, b"")
        s.close()
PY
}
for i in $(seq 100); do python3 -c "import socket;socket.create_connection(('127.0.0.1',$PP)).close()" 2>/dev/null && break; sleep 0.2; done
client 300   # warm-up
TIDS=$(ls /proc/$PX/task | paste -sd,)
strace ${STRACE_OPTS:--c} -f -p $TIDS -o $D/strace.txt & ST=$!
sleep 1
client $N
sleep 0.5
kill -INT $ST; wait $ST || true
awk -v n=$N 'NR>2 && $NF!="total" && $4 ~ /^[0-9]+$/ { name=$NF; calls=$4; printf "%-16s %8d %8.2f\n", name, calls, calls/n } $NF=="total"{printf "%-16s %8d %8.2f\n", "total", $(NF-2), $(NF-2)/n}' $D/strace.txt
echo "raw: $D/strace.txt"
