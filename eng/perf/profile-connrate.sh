#!/usr/bin/env bash
# CPU profile of a proxy under tcp-connrate load (wrk Connection: close through mode tcp to nginx, as bench/run.sh
# does): perf record -g on the proxy with the .NET perf map, then the top symbols.
# Usage: eng/perf/profile-connrate.sh "<proxy command>" [seconds] [out-dir]
# SCENARIO=http-keepalive or http-close: the bench's HTTP scenarios instead (mode http, option http-server-close;
# keep-alive clients, or Connection: close). A native binary needs its haproxynet.dbg beside it for symbols.
# FREQ=N samples at N Hz (default 999; raise it on a loaded machine where the proxy gets little CPU).
set -euo pipefail
CMD=$1; SECS=${2:-8}; OUT=${3:-$(mktemp -d)}
SCENARIO=${SCENARIO:-tcp-connrate}
MODE="mode tcp"; HDR=(-H 'Connection: close')
case $SCENARIO in
  http-keepalive) MODE=$'mode http\n    option http-server-close'; HDR=() ;;
  http-close) MODE=$'mode http\n    option http-server-close' ;;
esac
D=$(mktemp -d); chmod 755 $D; PB=24280; PP=24281
mkdir -p $D/www $D/tmp $OUT; printf '%099d\n' 0 > $D/www/index.html
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
    $MODE
    timeout connect 5s
    timeout client 120s
    timeout server 120s
    maxconn 4096
frontend fe
    bind 127.0.0.1:$PP
    default_backend be
backend be
    server s1 127.0.0.1:$PB
CF
nginx -p $D -c $D/nginx.conf & NG=$!
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 $CMD -db -f $D/hap.cfg >$D/proxy.out 2>&1 & PX=$!
trap 'kill $PX $NG 2>/dev/null || true' EXIT
for i in $(seq 100); do python3 -c "import socket;socket.create_connection(('127.0.0.1',$PP)).close()" 2>/dev/null && break; sleep 0.2; done
wrk -t1 -c50 -d3s "${HDR[@]}" http://127.0.0.1:$PP/ >/dev/null   # warm-up (JIT tiers)
perf record -F ${FREQ:-999} -g -p $PX -o $OUT/perf.data -- sleep $SECS >/dev/null 2>&1 &
PR=$!
wrk -t1 -c50 -d${SECS}s "${HDR[@]}" http://127.0.0.1:$PP/ | grep -E "Requests/sec|requests in"
wait $PR || true
perf report -i $OUT/perf.data --no-children --sort sym -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -${TOP:-30}
echo "--- by object:"; perf report -i $OUT/perf.data --no-children --sort dso -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -8
