# The conformance kit's 20,000-delta stream, run RUNS times (default 5) on a fresh server each time, with
# what bench.py does not show: the server's CPU from turn/start to the first delta and from there to
# turn/completed (all threads, and the busiest threads by name) and the harness's own CPU. Usage: python3 scripts/perf/stream_cpu.py [--deltas N] -- CMD...
# (RUNS=n in the environment). Needs ../shared/conformance (or JCODEX_CONFORMANCE).
import collections, os, statistics, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.environ.get("JCODEX_CONFORMANCE", os.path.join(ROOT, "..", "shared", "conformance")))
import bench  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def threads_ms(pid):
    out = collections.Counter()
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            st = open(f"/proc/{pid}/task/{t}/stat").read()
        except OSError:
            continue
        name = st[st.index("(") + 1:st.rindex(")")]
        f = st[st.rfind(")") + 2:].split()
        out[name] += (int(f[11]) + int(f[12])) * 1000 // TICK
    return out


def one(argv, n):
    chunks = [f"w{i % 10} " for i in range(n)]
    script = {"responses": [{"items": [{"type": "message", "chunks": chunks}], "batch_deltas": 256}],
              "default": {"items": [{"type": "message", "text": "ok"}]}, "log_bodies": False}
    env = bench.Env(script)
    c = bench.Client(argv, env.home, env.work, env.mock).start()
    c.init()
    res, _ = c.call("thread/start", {"cwd": env.work})
    tid = res["thread"]["id"]
    before = threads_ms(c.srv.pid)
    py0 = os.times()
    _, t_start = c.request("turn/start", {"threadId": tid, "input": [{"type": "text", "text": "stream"}]})
    first = last = None
    got = 0
    while True:
        o, t = c.recv(180)
        if not isinstance(o, dict):
            continue
        m = o.get("method")
        if m == "item/agentMessage/delta":
            got += 1
            if first is None:
                first = t
                at_first = threads_ms(c.srv.pid)
            last = t
        elif m == "turn/completed":
            break
    py1 = os.times()
    after = threads_ms(c.srv.pid)
    mt = env.mock.state.timings[0] if env.mock.state.timings else {"t_start": first, "t_end": first}
    c.stop()
    env.close()
    diff = {k: after[k] - at_first.get(k, 0) for k in after if after[k] - at_first.get(k, 0) > 0}
    setup = sum(at_first.values()) - sum(before.values())
    return {"got": got, "span": last - first, "mock": mt["t_end"] - mt["t_start"], "lag": last - mt["t_end"],
            "first": first - t_start, "server_ms": sum(diff.values()), "setup_ms": setup,
            "py_ms": round(((py1.user - py0.user) + (py1.system - py0.system)) * 1000),
            "threads": sorted(diff.items(), key=lambda x: -x[1])[:6]}


def main():
    args = sys.argv[1:]
    n = 20000
    if args and args[0] == "--deltas":
        n, args = int(args[1]), args[2:]
    if args and args[0] == "--":
        args = args[1:]
    spans = []
    for _ in range(int(os.environ.get("RUNS", "5"))):
        r = one(args, n)
        spans.append(r["span"])
        print(f"span {r['span']:.3f}s ({r['got'] / r['span']:.0f}/s)  mock {r['mock']:.3f}s  "
              f"last-after-mock {r['lag']:.3f}s  first {r['first']:.3f}s  server CPU before first delta {r['setup_ms']} ms, "
              f"first to completed {r['server_ms']} ms  "
              f"harness CPU {r['py_ms']} ms  {r['threads']}", flush=True)
        time.sleep(0.5)
    print(f"median span {statistics.median(spans):.3f}s = {n / statistics.median(spans):.0f} deltas/s")


if __name__ == "__main__":
    main()
