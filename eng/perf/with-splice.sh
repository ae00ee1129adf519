#!/usr/bin/env bash
# Runs a proxy command on a copy of the config given with -f, with `option splice-auto` added to every
# `defaults` section and the splice build switch on. For bench/run.sh, whose configs cannot carry options:
#   bench/run.sh --proxy hn-splice="eng/perf/with-splice.sh dotnet .../haproxynet.dll" ...
set -euo pipefail
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "-f" ]; then
    src=$2; dst="${src%.cfg}.splice.cfg"
    sed 's/^defaults$/defaults\n    option splice-auto/' "$src" > "$dst"
    args+=(-f "$dst"); shift 2
  else
    args+=("$1"); shift
  fi
done
export HAPROXYNET_USE_LINUX_SPLICE=1
exec "${args[@]}"
