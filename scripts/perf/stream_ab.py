# Interleaved stream runs of several servers (the VM's load moves between runs; interleaving spreads it
# evenly): python3 scripts/perf/stream_ab.py [--deltas N] -- CMD_A... -- CMD_B... [-- CMD_C...]
# RUNS=n rounds (default 5). Prints each run, then per server the median first->last span, deltas/s, and the
# median server CPU from the first delta to turn/completed.
import os, statistics, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stream_cpu  # noqa: E402

args = sys.argv[1:]
n = 20000
if args[:1] == ["--deltas"]:
    n, args = int(args[1]), args[2:]
cmds, cur = [], None
for a in args:
    if a == "--":
        cur = []
        cmds.append(cur)
    else:
        cur.append(a)
res = {i: [] for i in range(len(cmds))}
for r in range(int(os.environ.get("RUNS", "5"))):
    for i, cmd in enumerate(cmds):
        x = stream_cpu.one(cmd, n)
        res[i].append(x)
        print(f"[{i}] span {x['span']:.3f}s ({x['got'] / x['span']:.0f}/s) mock {x['mock']:.3f}s "
              f"after-mock {x['lag']:.3f}s cpu {x['server_ms']} ms harness {x['py_ms']} ms "
              f"load {os.getloadavg()[0]:.1f}", flush=True)
        time.sleep(0.5)
for i, cmd in enumerate(cmds):
    sp = statistics.median(x["span"] for x in res[i])
    cpu = statistics.median(x["server_ms"] for x in res[i])
    print(f"[{i}] {' '.join(cmd)[-60:]}: median span {sp:.3f}s = {n / sp:.0f} deltas/s, server CPU {cpu} ms")
