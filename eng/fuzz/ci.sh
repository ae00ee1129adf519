#!/usr/bin/env bash
# CI's bounded fuzz run: the three SharpFuzz + afl++ targets (http-request, http-response, config) run side by side
# for SECONDS of wall time each (default 60, calibration of the seeds included), seeded from testdata/ (eng/fuzz/seeds.py); exit 1 on any crash.
#
#   eng/fuzz/ci.sh [SECONDS]
#
# Cheap on purpose: no publish. It copies the fuzz project's Release build output (built by `dotnet test
# HaproxyNet.sln -c Release` since the project is in the solution; built here only when missing), instruments
# HaproxyNet.Core.dll in one copy (HTTP targets) and HaproxyNet.Config.dll in another (config target), and keeps a
# third copy plain to replay findings. The three afl-fuzz run concurrently (AFL_NO_AFFINITY) on whatever cores
# there are. Each crash is printed (hex dump and the exception of an uninstrumented replay) and saved under
# artifacts/fuzz-ci/crashes/TARGET/; commit a real one under testdata/fuzz/TARGET/crashes/ with its fix. A "hang"
# fails only when an uninstrumented replay of it also exceeds 20 s (afl's 5 s limit can trip on a loaded machine).
# Installs what it needs: Debian's afl++ (apt-get, as root) and the SharpFuzz CLI from dotnet-tools.json.
set -euo pipefail

seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/artifacts/fuzz-ci
targets=(http-request http-response config)

if ! command -v afl-fuzz >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++ >/dev/null
  else
    echo "afl-fuzz missing: install Debian's afl++ (apt-get install afl++)" >&2; exit 1
  fi
fi

cd "$root"
t0=$(date +%s)
dotnet tool restore >/dev/null
build=$root/fuzz/HaproxyNet.Fuzz/bin/Release/net10.0
if [ ! -f "$build/haproxynet-fuzz.dll" ]; then
  dotnet build fuzz/HaproxyNet.Fuzz -c Release -v q -nologo >/dev/null
fi
rm -rf "$out"
mkdir -p "$out"
for v in plain core config; do cp -r "$build" "$out/bin-$v"; done
dotnet sharpfuzz "$out/bin-core/HaproxyNet.Core.dll" >"$out/instrument-core.log"
dotnet sharpfuzz "$out/bin-config/HaproxyNet.Config.dll" >"$out/instrument-config.log"

export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
export AFL_IGNORE_SEED_PROBLEMS=1 AFL_NO_WARN_INSTABILITY=1 DOTNET_TieredPGO=0
bin_of() { case $1 in config) echo "$out/bin-config" ;; *) echo "$out/bin-core" ;; esac; }

pids=()
for t in "${targets[@]}"; do
  python3 eng/fuzz/seeds.py "$t" "$out/$t/seeds" >/dev/null
  # Wall time, not afl's -V (which starts after the seeds are calibrated: ~25 s for config's 1,000 seeds here).
  timeout -s INT -k 10 "$seconds" afl-fuzz -V "$seconds" -t 5000 -m none -i "$out/$t/seeds" -o "$out/$t/findings" \
    -- dotnet "$(bin_of "$t")/haproxynet-fuzz.dll" "$t" >"$out/$t/afl.log" 2>&1 &
  pids+=($!)
done
t1=$(date +%s)

failed=0
for i in "${!targets[@]}"; do
  t=${targets[$i]}
  rc=0
  wait "${pids[$i]}" || rc=$?
  if [ "$rc" != 0 ] && [ "$rc" != 124 ]; then   # 124: stopped by timeout (SIGINT: afl writes its stats and exits)
    echo "fuzz $t: afl-fuzz failed, see $out/$t/afl.log:" >&2
    tail -30 "$out/$t/afl.log" >&2
    failed=1
  fi
done
t2=$(date +%s)

for t in "${targets[@]}"; do
  stats=$out/$t/findings/default/fuzzer_stats
  [ -f "$stats" ] || { echo "fuzz $t: no fuzzer_stats" >&2; failed=1; continue; }
  get() { awk -F' *: *' -v k="$1" '$1==k{print $2}' "$stats"; }
  echo "fuzz $t: execs=$(get execs_done) execs_per_sec=$(get execs_per_sec) paths=$(get corpus_count)" \
    "crashes=$(get saved_crashes) hangs=$(get saved_hangs) stability=$(get stability) edges=$(get edges_found)"
  for kind in crashes hangs; do
    for f in "$out/$t/findings/default/$kind"/id:*; do
      [ -e "$f" ] || continue
      mkdir -p "$out/$kind/$t"
      saved=$out/$kind/$t/$(basename "$f" | cut -d, -f1 | tr ':' '-')
      cp "$f" "$saved"
      rc=0
      replay=$(timeout 20 dotnet "$out/bin-plain/haproxynet-fuzz.dll" "$t" "$saved" 2>&1) || rc=$?
      if [ "$kind" = hangs ] && [ "$rc" != 124 ]; then
        echo "fuzz $t: afl hang $saved replays in under 20 s (exit $rc): not counted"
        continue
      fi
      failed=1
      echo "fuzz $t: $([ "$kind" = crashes ] && echo crash || echo hang) saved as $saved ($(stat -c %s "$saved") bytes):"
      od -A d -c "$saved" | head -40
      echo "$replay" | head -20
    done
  done
done
echo "fuzz: setup $((t1 - t0)) s, afl $((t2 - t1)) s, total $(($(date +%s) - t0)) s"
exit $failed
