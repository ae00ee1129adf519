#!/usr/bin/env python3
"""-c on a config, per start-up variant: median wall and CPU (user+sys of the process tree) over N runs.

Usage: eng/perf/startup-variants.py CFG JIT_DLL [R2R_DLL] [N]
"""
import os, resource, statistics, subprocess, sys, time

cfg, jit = sys.argv[1], sys.argv[2]
r2r = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
n = int(sys.argv[4]) if len(sys.argv) > 4 else 7

def measure(cmd, env=None):
    walls, cpus = [], []
    for _ in range(n):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        rc = subprocess.run(cmd + ["-c", "-f", cfg], env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        walls.append((time.monotonic() - t0) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000)
        assert rc == 0, (cmd, rc)
    return statistics.median(walls), statistics.median(cpus)

REF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "ref", "haproxy-1.4.25")
variants = [("haproxy-1.4.25", [REF], None),
            ("JIT (tiered, TieredPGO on: the csproj default)", ["dotnet", jit], None),
            ("JIT, DOTNET_TieredPGO=0", ["dotnet", jit], {"DOTNET_TieredPGO": "0"}),
            ("JIT, DOTNET_TieredCompilation=0", ["dotnet", jit], {"DOTNET_TieredCompilation": "0"}),
            ("JIT, DOTNET_TC_QuickJitForLoops=0", ["dotnet", jit], {"DOTNET_TC_QuickJitForLoops": "0"})]
if r2r:
    variants += [("ReadyToRun (PublishReadyToRun)", ["dotnet", r2r], None),
                 ("ReadyToRun, DOTNET_TieredPGO=0", ["dotnet", r2r], {"DOTNET_TieredPGO": "0"}),
                 ("ReadyToRun, DOTNET_TieredCompilation=0", ["dotnet", r2r], {"DOTNET_TieredCompilation": "0"})]
print(f"| variant | wall ms (median of {n}) | CPU ms user+sys (median) |")
print("|---|---|---|")
for label, cmd, env in variants:
    w, c = measure(cmd, env)
    print(f"| {label} | {w:.0f} | {c:.0f} |", flush=True)
