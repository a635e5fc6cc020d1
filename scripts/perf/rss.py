import subprocess, sys, time, os, tempfile, json
home = tempfile.mkdtemp(dir=os.path.expanduser("~/.cache/codex-harness"))
env = dict(os.environ, CODEX_HOME=home)
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
p.stdin.write(b'{"id":1,"method":"initialize","params":{"clientInfo":{"name":"b","version":"1"}}}\n'); p.stdin.flush(); p.stdout.readline()
time.sleep(1.5)
print(open(f"/proc/{p.pid}/status").read().split("VmHWM")[1].split("\n")[0], "HWM")
for l in open(f"/proc/{p.pid}/status"):
    if l.startswith(("VmRSS","RssAnon","RssFile")): print(l.strip())
if os.environ.get("JCMD"):
    print(subprocess.run([os.environ["JCMD"], str(p.pid), "VM.native_memory", "summary"], capture_output=True, text=True).stdout[:6000])
p.stdin.close(); p.wait()
