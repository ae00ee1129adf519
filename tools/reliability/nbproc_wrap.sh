#!/usr/bin/env bash
# Runs a proxy with `nbproc N` in daemon mode the way bench/run.py runs a foreground proxy:
#   nbproc_wrap.sh N CMD... -f CFG
# copies CFG with `nbproc N` added to its global section, starts `CMD -D -f copy -p pidfile`, and stays in the
# foreground until SIGTERM/SIGINT, which it passes to every pid of the pidfile (then waits for them to go).
# Example (unpinned, both binaries, nbproc 1 and 2):
#   ../shared/bench/run.sh --no-pin --targets hap14 --scenarios tcp-connrate --rounds 3 --duration 6 \
#     --proxy hnet-nb1="tools/reliability/nbproc_wrap.sh 1 dotnet src/HaproxyNet.Host/bin/Release/net10.0/haproxynet.dll" \
#     --proxy hnet-nb2="tools/reliability/nbproc_wrap.sh 2 dotnet src/HaproxyNet.Host/bin/Release/net10.0/haproxynet.dll" \
#     --proxy hap14-nb2="tools/reliability/nbproc_wrap.sh 2 ../shared/ref/haproxy-1.4.25"
set -u
n=$1
shift
args=("$@")
count=${#args[@]}
cfg=${args[$((count - 1))]}
unset "args[$((count - 1))]" "args[$((count - 2))]" # drop "-f CFG"
dir=$(mktemp -d /tmp/nbproc-wrap.XXXXXX)
awk -v n="$n" '{ print } /^global/ { print "    nbproc " n }' "$cfg" > "$dir/haproxy.cfg"
"${args[@]}" -D -f "$dir/haproxy.cfg" -p "$dir/pid" || exit 1

stop_all() {
    for p in $(cat "$dir/pid"); do kill -TERM "$p" 2>/dev/null; done
    for _ in $(seq 1 100); do
        alive=0
        for p in $(cat "$dir/pid"); do kill -0 "$p" 2>/dev/null && alive=1; done
        [ $alive = 0 ] && break
        sleep 0.05
    done
    for p in $(cat "$dir/pid"); do kill -KILL "$p" 2>/dev/null; done
    rm -rf "$dir"
    exit 0
}
trap stop_all TERM INT
while :; do
    sleep 1 &
    wait $!
done
