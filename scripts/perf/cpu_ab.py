# CPU time (user+sys, all threads) spent by each server from spawn to its initialize reply; interleaved.
import subprocess, sys, time, os, tempfile, statistics, shutil
cmds = sys.argv[1:]
N = int(os.environ.get("N", "9")); tick = os.sysconf("SC_CLK_TCK")
res = {c: [] for c in cmds}; wall = {c: [] for c in cmds}
for i in range(N):
    for cmd in (cmds if i % 2 == 0 else cmds[::-1]):
        home = tempfile.mkdtemp(dir=os.path.expanduser("~/.cache/codex-harness"))
        t0 = time.monotonic()
        p = subprocess.Popen(cmd.split() + ["app-server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=dict(os.environ, CODEX_HOME=home))
        p.stdin.write(b'{"id":1,"method":"initialize","params":{"clientInfo":{"name":"b","version":"1"}}}\n'); p.stdin.flush(); p.stdout.readline()
        wall[cmd].append(time.monotonic() - t0)
        # the launcher execs java, so the pid is the JVM's
        st = open(f"/proc/{p.pid}/stat").read(); f = st[st.rfind(")") + 2:].split()
        res[cmd].append((int(f[11]) + int(f[12])) / tick)
        p.stdin.close(); p.wait(); shutil.rmtree(home, ignore_errors=True); time.sleep(0.3)
for c in cmds:
    print(f"{c}: cpu median {statistics.median(res[c])*1000:.0f} ms, wall median {statistics.median(wall[c])*1000:.0f} ms")
