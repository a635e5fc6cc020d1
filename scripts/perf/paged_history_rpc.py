#!/usr/bin/env python3
"""thread/turns/list and thread/items/list against thread/read includeTurns, over JSON-RPC (stdio), on a long thread.

    python3 scripts/perf/paged_history_rpc.py CODEX_HOME -- bin/jcodex app-server
CODEX_HOME holds one rollout (e.g. the one scripts/perf/HistoryPagesBench.java generates: 22,000 records, 100 MB).
The history index file is removed first, so the first call shows the one-time index build. Then: the newest page
of 25 turns (best of 10), every page of 100 turns from newest to oldest (first and deepest), the items of the
oldest turn, and thread/read with includeTurns (the whole history, best of 3). Times in ms, client-side.
"""
import glob, json, os, subprocess, sys, time

def main():
    home = sys.argv[1]
    argv = sys.argv[sys.argv.index("--") + 1:]
    for f in glob.glob(os.path.join(home, "jcodex_history_1.sqlite*")):
        os.remove(f)
    rollout = glob.glob(os.path.join(home, "sessions/*/*/*/rollout-*.jsonl"))[0]
    tid = os.path.basename(rollout)[-42:-6]
    env = dict(os.environ, CODEX_HOME=home)
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    n = [0]

    def call(method, params):
        n[0] += 1
        t0 = time.perf_counter()
        p.stdin.write((json.dumps({"id": n[0], "method": method, "params": params}) + "\n").encode())
        p.stdin.flush()
        while True:
            m = json.loads(p.stdout.readline())
            if m.get("id") == n[0] and "method" not in m:
                return (time.perf_counter() - t0) * 1000, m

    call("initialize", {"clientInfo": {"name": "bench", "version": "1"}})
    p.stdin.write(b'{"method":"initialized"}\n')
    call("thread/list", {})  # waits for the thread index
    ms, r = call("thread/turns/list", {"threadId": tid, "limit": 25})
    print(f"first thread/turns/list (builds the history index once): {ms:.0f} ms, {len(r['result']['data'])} turns")
    best = min(call("thread/turns/list", {"threadId": tid, "limit": 25})[0] for _ in range(10))
    print(f"newest page, 25 turns (summary), best of 10: {best:.1f} ms")
    times, cursor, pages, turns = [], None, 0, 0
    while True:
        params = {"threadId": tid, "limit": 100}
        if cursor:
            params["cursor"] = cursor
        ms, r = call("thread/turns/list", params)
        times.append(ms)
        pages += 1
        turns += len(r["result"]["data"])
        oldest = r["result"]["data"][-1]["id"]
        cursor = r["result"]["nextCursor"]
        if not cursor:
            break
    print(f"walk newest->oldest, pages of 100 turns: {pages} pages, {turns} turns; first {times[0]:.1f} ms, "
          f"deepest {times[-1]:.1f} ms, median {sorted(times)[len(times) // 2]:.1f} ms")
    ms, r = call("thread/items/list", {"threadId": tid, "turnId": oldest})
    print(f"items of the oldest turn: {ms:.1f} ms, {len(r['result']['data'])} items")
    full = min(call("thread/read", {"threadId": tid, "includeTurns": True})[0] for _ in range(3))
    print(f"thread/read includeTurns (whole history), best of 3: {full:.0f} ms")
    p.stdin.close()
    p.wait(timeout=20)

if __name__ == "__main__":
    main()
