#!/usr/bin/env bash
# Issue 8's rule-heavy measurement: req/s and proxy CPU µs/request of each proxy, side by side in one run, wrk
# keep-alive (64 connections) through a frontend with 20 ACLs, 5 use_backend, a reqirep, reqidel, reqadd,
# option forwardfor and cookie insert (the config of tests/HaproxyNet.Testing/Http/RulesPathFixture), mode http +
# http-server-close, to nginx (100-byte page). Pinned as ../shared/bench/ANCHORS.md: proxy alone on CPU 1, wrk and
# nginx on CPU 0. Rounds interleave the proxies (order reversed on odd rounds), a fresh proxy each time.
# Usage: eng/perf/rules-bench.sh [rounds] [seconds] NAME=CMD...
#   eng/perf/rules-bench.sh 3 6 hap14=../shared/ref/haproxy-1.4.25 hn=$PWD/artifacts/native/haproxynet
set -euo pipefail
ROUNDS=$1; SECS=$2; shift 2
D=$(mktemp -d); chmod 755 $D; PB=24480; PP=24481
mkdir -p $D/www/static/img $D/tmp; printf '%099d\n' 0 > $D/www/static/img/logo.png
cat > $D/nginx.conf <<NG
pid $D/nginx.pid; error_log $D/error.log warn; daemon off; worker_processes 1;
events { worker_connections 4096; }
http { access_log off; keepalive_requests 100000000; client_body_temp_path $D/tmp; proxy_temp_path $D/tmp;
  fastcgi_temp_path $D/tmp; uwsgi_temp_path $D/tmp; scgi_temp_path $D/tmp;
  server { listen 127.0.0.1:$PB backlog=4096; root $D/www; } }
NG
{
cat <<CF
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
    option forwardfor
CF
for i in 0 1 2 3; do
  echo "    acl p$i path_beg /api$i"; echo "    acl h$i hdr(host) -i app$i.bench.test"
  echo "    acl u$i url_sub token$i"; echo "    acl m$i method PUT DELETE"
done
cat <<'CF'
    acl c0 hdr_cnt(x-forwarded-for) gt 1
    acl c1 hdr_cnt(x-forwarded-for) gt 2
    acl r0 path_reg ^/static/.*\.(css|js)$
    acl r1 hdr_reg(user-agent) -i (curl|wget)/[0-9]
    reqirep ^X-Tag:\ old-(.*) X-Tag:\ new-\1
    reqidel ^X-Never:
    reqadd X-Proto:\ http
    use_backend be0 if p0 || h0 || u0 m0 || c0
    use_backend be1 if p1 || h1 || u1 m1 || c1
    use_backend be2 if p2 || h2 || u2 m2 || r0
    use_backend be3 if p3 || h3 || u3 m3 || r1
    use_backend be if { path_end .png }
    default_backend be
CF
for i in 0 1 2 3; do printf 'backend be%s\n    server s1 127.0.0.1:%s\n' $i $PB; done
printf 'backend be\n    cookie SRV insert indirect nocache\n    server s1 127.0.0.1:%s cookie s1\n' $PB
} > $D/hap.cfg
taskset -c 0 nginx -p $D -c $D/nginx.conf & NG=$!
PX=
trap 'kill $PX $NG 2>/dev/null || true' EXIT
cpu_ticks() { awk '{print $14+$15}' /proc/$1/stat; }
HZ=$(getconf CLK_TCK)
run_one() { # name cmd
  local name=$1 cmd=$2
  taskset -c 1 $cmd -db -f $D/hap.cfg >$D/$name.out 2>&1 & PX=$!
  for i in $(seq 100); do python3 -c "import socket;socket.create_connection(('127.0.0.1',$PP)).close()" 2>/dev/null && break; sleep 0.1; done
  taskset -c 0 wrk -t1 -c64 -d2s -H 'X-Tag: old-1' -H 'Cookie: SRV=s1' http://127.0.0.1:$PP/static/img/logo.png >/dev/null
  local t0; t0=$(cpu_ticks $PX)
  local out; out=$(taskset -c 0 wrk -t1 -c64 -d${SECS}s -H 'X-Tag: old-1' -H 'Cookie: SRV=s1' http://127.0.0.1:$PP/static/img/logo.png)
  local t1; t1=$(cpu_ticks $PX)
  kill $PX; wait $PX 2>/dev/null || true; PX=
  local reqs; reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  local rps; rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  local non2xx; non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  python3 -c "print(f'$r\t$name\t{float(\"$rps\"):.0f} req/s\t{($t1-$t0)/$HZ*1e6/$reqs:.1f} us/req\tnon-2xx ${non2xx:-0}')"
}
printf 'round\tproxy\treq/s\tproxy CPU\n'
for r in $(seq $ROUNDS); do
  if (( r % 2 )); then set -- "$@"; order=("$@"); else order=(); for ((i=$#; i>0; i--)); do order+=("${!i}"); done; fi
  for p in "${order[@]}"; do run_one "${p%%=*}" "${p#*=}"; done
done
echo "config: $D/hap.cfg"
