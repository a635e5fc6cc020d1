import subprocess, sys, time, os, tempfile, json, statistics
sys.path.insert(0, os.environ.get("JCODEX_CONFORMANCE", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/conformance"))); import mock_responses
home = tempfile.mkdtemp(dir=os.path.expanduser("~/.cache/codex-harness")); work = tempfile.mkdtemp(dir=home)
mode = os.environ.get("MODE", "mock")
if mode == "mock":
    m = mock_responses.MockResponses({"responses": [], "default": {"items": [{"type": "message", "text": "ok"}]}, "log_bodies": False}, None).start()
    open(home + "/config.toml", "w").write(mock_responses.config_toml(m.port))
else:
    open(home + "/config.toml", "w").write('model_provider="offline"\nmodel="jcodex-offline"\napproval_policy="never"\n')
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=dict(os.environ, CODEX_HOME=home, MOCK_API_KEY="x"))
def send(o): p.stdin.write((json.dumps(o) + "\n").encode()); p.stdin.flush()
def until(pred):
    while True:
        m = json.loads(p.stdout.readline())
        if pred(m): return m
send({"id": 1, "method": "initialize", "params": {"clientInfo": {"name": "b", "version": "1"}}}); until(lambda m: m.get("id") == 1)
send({"id": 2, "method": "thread/start", "params": {"cwd": work}}); tid = until(lambda m: m.get("id") == 2)["result"]["thread"]["id"]
lat = []
for i in range(25):
    t0 = time.monotonic(); send({"id": 10 + i, "method": "turn/start", "params": {"threadId": tid, "input": [{"type": "text", "text": "hi"}]}})
    until(lambda m: m.get("method") == "turn/completed"); lat.append(time.monotonic() - t0)
print(mode, "median %.1f ms" % (statistics.median(lat[5:]) * 1000), [round(x * 1000) for x in lat])
p.stdin.close(); p.wait()
