import subprocess, sys, time, os, tempfile, collections
home = tempfile.mkdtemp(dir=os.path.expanduser("~/.cache/codex-harness"))
tick = os.sysconf("SC_CLK_TCK")
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=dict(os.environ, CODEX_HOME=home))
p.stdin.write(b'{"id":1,"method":"initialize","params":{"clientInfo":{"name":"b","version":"1"}}}\n'); p.stdin.flush(); p.stdout.readline()
agg = collections.Counter()
for t in os.listdir(f"/proc/{p.pid}/task"):
    try:
        st = open(f"/proc/{p.pid}/task/{t}/stat").read()
        name = st[st.index("(")+1:st.rindex(")")]; f = st[st.rfind(")")+2:].split()
        agg[name] += (int(f[11]) + int(f[12])) * 1000 // tick
    except OSError: pass
print(sorted(agg.items(), key=lambda x: -x[1])[:12])
p.stdin.close(); p.wait()
