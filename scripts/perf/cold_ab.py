# Interleaved cold start (spawn -> initialize reply) of two servers, fresh CODEX_HOME each run.
import subprocess, sys, time, os, tempfile, statistics, shutil
a, b = sys.argv[1], sys.argv[2]
N = int(os.environ.get("N", "15"))
res = {a: [], b: []}
for i in range(N):
    for cmd in (a, b) if i % 2 == 0 else (b, a):
        home = tempfile.mkdtemp(dir=os.path.expanduser("~/.cache/codex-harness"))
        if os.environ.get("CFG"):
            sys.path.insert(0, os.environ.get("JCODEX_CONFORMANCE", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/conformance"))); import mock_responses
            open(home + "/config.toml", "w").write(mock_responses.config_toml(1))
        env = dict(os.environ, CODEX_HOME=home)
        t0 = time.monotonic()
        p = subprocess.Popen(cmd.split() + ["app-server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        p.stdin.write(b'{"id":1,"method":"initialize","params":{"clientInfo":{"name":"b","version":"1"},"capabilities":{"experimentalApi":true}}}\n'); p.stdin.flush()
        p.stdout.readline()
        res[cmd].append(time.monotonic() - t0)
        p.stdin.close(); p.wait(); shutil.rmtree(home, ignore_errors=True)
        time.sleep(0.3)
ma, mb = statistics.median(res[a]), statistics.median(res[b])
print(f"A {a}: median {ma*1000:.0f} ms min {min(res[a])*1000:.0f}")
print(f"B {b}: median {mb*1000:.0f} ms min {min(res[b])*1000:.0f}")
print(f"ratio A/B = {ma/mb:.2f}")
