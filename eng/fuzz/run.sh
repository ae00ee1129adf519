#!/usr/bin/env bash
# Coverage-guided fuzzing of one HaproxyNet target with SharpFuzz + afl++, bounded in time.
#
#   eng/fuzz/run.sh TARGET SECONDS [WORKDIR]
#
# TARGET: http-request | http-response | config (fuzz/HaproxyNet.Fuzz/Targets). Installs what it needs (Debian's
# afl++ with apt-get when afl-fuzz is missing, the SharpFuzz CLI from the repo's tool manifest), publishes the fuzz
# project, instruments the assembly under test, seeds from testdata/ (eng/fuzz/seeds.py), runs afl-fuzz for SECONDS
# and prints execs / paths / crashes / hangs. Each crash is minimised with afl-tmin into WORKDIR/crashes-min/; commit
# the ones that are real under testdata/fuzz/TARGET/crashes/ (FuzzCrashReplayTests replays them in CI).
# WORKDIR defaults to artifacts/fuzz/TARGET (removed first). Loopback-free, single core (AFL_NO_AFFINITY).
set -euo pipefail

target=${1:?usage: run.sh TARGET SECONDS [WORKDIR]}
seconds=${2:?usage: run.sh TARGET SECONDS [WORKDIR]}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${3:-$root/artifacts/fuzz/$target}
case $target in
  http-request|http-response) instrument=HaproxyNet.Core.dll ;;
  config) instrument=HaproxyNet.Config.dll ;;
  *) echo "unknown target $target (http-request, http-response, config)" >&2; exit 2 ;;
esac

if ! command -v afl-fuzz >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++ >/dev/null
  else
    echo "afl-fuzz missing: install Debian's afl++ (apt-get install afl++)" >&2; exit 1
  fi
fi

cd "$root"
dotnet tool restore >/dev/null
bin=$root/artifacts/fuzz/bin-$target
rm -rf "$bin" "$work"
mkdir -p "$work"
dotnet publish fuzz/HaproxyNet.Fuzz -c Release -o "$bin" -p:UseAppHost=false >"$work/publish.log"
rm -rf "$bin-plain" && cp -r "$bin" "$bin-plain"   # replays run uninstrumented
dotnet sharpfuzz "$bin/$instrument" >"$work/instrument.log"
python3 eng/fuzz/seeds.py "$target" "$work/seeds"

export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
export AFL_IGNORE_SEED_PROBLEMS=1 AFL_NO_WARN_INSTABILITY=1 DOTNET_TieredPGO=0
cmd=(dotnet "$bin/haproxynet-fuzz.dll" "$target")
start=$(date -u +%FT%TZ)
afl-fuzz -V "$seconds" -t 5000 -m none -i "$work/seeds" -o "$work/findings" -- "${cmd[@]}" >"$work/afl.log" 2>&1 || {
  echo "afl-fuzz failed, see $work/afl.log:" >&2; tail -30 "$work/afl.log" >&2; exit 1; }

stats=$work/findings/default/fuzzer_stats
get() { awk -F' *: *' -v k="$1" '$1==k{print $2}' "$stats"; }
echo "target=$target start=$start seconds=$seconds execs=$(get execs_done) execs_per_sec=$(get execs_per_sec)" \
  "paths=$(get corpus_count) crashes=$(get saved_crashes) hangs=$(get saved_hangs) stability=$(get stability)" \
  "edges=$(get edges_found)/$(get total_edges)" | tee "$work/summary.txt"

mkdir -p "$work/crashes-min"
for c in "$work"/findings/default/crashes/id:*; do
  [ -e "$c" ] || continue
  n=$(basename "$c" | cut -d, -f1 | tr ':' '-')
  afl-tmin -t 5000 -m none -i "$c" -o "$work/crashes-min/$n" -- "${cmd[@]}" >/dev/null 2>&1 || cp "$c" "$work/crashes-min/$n"
  echo "crash $n: $(dotnet "$bin-plain/haproxynet-fuzz.dll" "$target" "$work/crashes-min/$n" 2>&1 | grep -m1 -E 'Exception|: ' || true)"
done
