#!/usr/bin/env python3
"""Approvals with two WebSocket clients on one thread, against any app-server (stdlib only).

    python3 scripts/conformance/multiclient_approvals.py [CASE...] -- ARGV...   ("{PORT}" in ARGV is replaced)
    e.g. -- "$(../shared/conformance/reference-codex.sh)" app-server --listen 'ws://127.0.0.1:{PORT}'
         -- bin/jcodex app-server --listen 'ws://127.0.0.1:{PORT}'

Client A starts a thread (approvalPolicy untrusted) and a turn whose first model reply (the conformance mock,
delayed 2.5 s) calls exec_command `echo hi > out.txt`. Cases:
  b-answers     B resumes during the turn; B answers accept
  both-answer   B answers accept, then A answers decline (who wins?)
  a-leaves      B resumes; A disconnects while the question waits; 10 s later B answers its copy
  late-resume   B resumes only after A was asked (is B asked too?)
  all-leave     A and B disconnect; C resumes 3 s later (asked? turn state?)
  ids           A alone answers one approval in a first turn; then B resumes; who gets which id in turn two?
Prints, per case, every message except deltas and noise, with times in seconds.
"""
import base64, json, os, queue, shutil, socket, struct, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("JCODEX_CONFORMANCE", os.path.join(HERE, "../../../shared/conformance")))
import mock_responses  # noqa: E402

APPROVAL = "item/commandExecution/requestApproval"
NOISE = ("thread/tokenUsage/updated", "account/rateLimits/updated", "mcpServer/startupStatus/updated",
         "remoteControl/status/changed", "thread/goal/cleared", "thread/readState/changed", "deprecationNotice")


class WS:
    """Minimal RFC 6455 client: masked text frames out, text frames in (recorded into a shared log)."""

    def __init__(self, port, name, log):
        self.name, self.log = name, log
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("handshake: connection closed")
            buf += chunk
        head, self.buf = buf.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(head.decode())
        self.sock.settimeout(None)
        threading.Thread(target=self._reader, daemon=True).start()

    def _recv(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _reader(self):
        frag = b""
        try:
            while True:
                b0, b1 = self._recv(2)
                op, n = b0 & 0x0F, b1 & 0x7F
                if n == 126:
                    n = struct.unpack(">H", self._recv(2))[0]
                elif n == 127:
                    n = struct.unpack(">Q", self._recv(8))[0]
                data = self._recv(n)
                if op == 8:
                    return
                if op == 9:
                    self._send(10, data)
                elif op in (0, 1, 2):
                    frag += data
                    if b0 & 0x80:
                        self.log(self.name, "<", json.loads(frag.decode()))
                        frag = b""
        except (EOFError, OSError):
            pass

    def _send(self, op, data):
        mask = os.urandom(4)
        n = len(data)
        head = bytes([0x80 | op]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n)
                                     if n < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", n))
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def send(self, obj):
        self.log(self.name, ">", obj)
        self._send(1, json.dumps(obj).encode())

    def close(self):
        try:
            self._send(8, struct.pack(">H", 1000))
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class Run:
    def __init__(self, argv_tpl, script):
        self.log, self.lock, self.t0 = [], threading.Lock(), time.monotonic()
        base = os.path.expanduser("~/.cache/codex-harness")  # codex refuses helper links under /tmp
        os.makedirs(base, exist_ok=True)
        self.root = tempfile.mkdtemp(prefix="multiclient-", dir=base)
        self.home, self.work = os.path.join(self.root, "home"), os.path.join(self.root, "work")
        os.makedirs(self.home)
        os.makedirs(self.work)
        self.mock = mock_responses.MockResponses(script, os.path.join(self.root, "requests.jsonl")).start()
        with open(os.path.join(self.home, "config.toml"), "w") as fh:
            fh.write(mock_responses.config_toml(self.mock.port))
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        env = dict(os.environ, CODEX_HOME=self.home, MOCK_API_KEY="dummy", RUST_LOG="warn", NO_COLOR="1")
        for k in ("OPENAI_API_KEY", "CODEX_API_KEY", "OPENAI_BASE_URL"):
            env.pop(k, None)
        self.stderr = open(os.path.join(self.root, "stderr.txt"), "wb")
        self.srv = subprocess.Popen([a.replace("{PORT}", str(self.port)) for a in argv_tpl], env=env, cwd=self.work,
                                    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self.stderr)
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.srv.poll() is not None:
                    raise RuntimeError("server did not listen")
                time.sleep(0.1)
        self.clients = []

    def record(self, name, direction, msg):
        with self.lock:
            self.log.append((time.monotonic() - self.t0, name, direction, msg))

    def until(self, pred, timeout=30):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self.lock:
                for e in self.log:
                    if pred(e):
                        return e
            time.sleep(0.05)
        return None

    def client(self, name):
        c = WS(self.port, name, self.record)
        self.clients.append(c)
        c.send({"id": 1, "method": "initialize",
                "params": {"clientInfo": {"name": name, "version": "0"}, "capabilities": {"experimentalApi": True}}})
        assert self.reply(name, 1), "no initialize reply"
        c.send({"method": "initialized"})
        return c

    def reply(self, name, rid, timeout=30):
        e = self.until(lambda e: e[1] == name and e[2] == "<" and e[3].get("id") == rid and "method" not in e[3], timeout)
        return e and e[3]

    def asked(self, name=None, timeout=30):
        e = self.until(lambda e: e[2] == "<" and e[3].get("method") == APPROVAL and "id" in e[3]
                       and (name is None or e[1] == name), timeout)
        return e and e[3]

    def turn_completed(self, name=None, timeout=30):
        return self.until(lambda e: e[2] == "<" and e[3].get("method") == "turn/completed"
                          and (name is None or e[1] == name), timeout)

    def close(self):
        for c in self.clients:
            c.close()
        try:
            self.srv.stdin.close()
            self.srv.wait(5)
        except subprocess.TimeoutExpired:
            self.srv.kill()
            self.srv.wait()
        self.mock.stop()
        self.stderr.close()

    def print(self):
        for t, who, d, m in self.log:
            method, p = m.get("method"), m.get("params") or {}
            if method and (method.endswith("elta") or method in NOISE):
                continue
            if method in ("item/started", "item/completed"):
                extra = f"{p['item']['type']} {p['item'].get('status') or ''}"
                if p["item"]["type"] == "userMessage":
                    continue
            elif method == "turn/completed":
                extra = p["turn"]["status"]
            elif method == "serverRequest/resolved":
                extra = f"requestId={p.get('requestId')}"
            elif method == "thread/status/changed":
                extra = json.dumps(p.get("status"))
            elif method and "id" in m:
                extra = f"id={m['id']} itemId={p.get('itemId')}"
            elif method:
                extra = ""
            else:
                body = m.get("result", m.get("error"))
                extra = f"id={m.get('id')} " + ("error " + json.dumps(body) if "error" in m else "ok")
            print(f"  {t:6.2f} {who} {d} {method or 'reply'} {extra}")
        print("  out.txt written:", os.path.exists(os.path.join(self.work, "out.txt")))
        warn = [l for l in open(os.path.join(self.root, "stderr.txt"), errors="replace").read().splitlines()
                if "callback" in l or "ignoring response" in l]
        if warn:
            print("  server stderr:", *warn, sep="\n    ")


def exec_call(call_id, cmd, delay_ms=0):
    return {"delay_ms": delay_ms, "items": [{"type": "function_call", "name": "exec_command", "call_id": call_id,
                                             "arguments": {"cmd": cmd, "yield_time_ms": 2000, "login": False}}]}


def case(name, argv):
    if name == "ids":
        script = {"responses": [exec_call("call_0", "echo a > a.txt"), {"items": [{"type": "message", "text": "one"}]},
                                exec_call("call_1", "echo hi > out.txt", 1500),
                                {"items": [{"type": "message", "text": "done"}]}]}
    else:
        script = {"responses": [exec_call("call_1", "echo hi > out.txt", 2500),
                                {"items": [{"type": "message", "text": "done"}]}]}
    r = Run(argv, script)
    try:
        a = r.client("A")
        a.send({"id": 2, "method": "thread/start",
                "params": {"cwd": r.work, "approvalPolicy": "untrusted", "sandbox": "workspace-write"}})
        tid = r.reply("A", 2)["result"]["thread"]["id"]
        b = r.client("B")
        resume = {"id": 2, "method": "thread/resume", "params": {"threadId": tid}}
        turn = {"id": 3, "method": "turn/start", "params": {"threadId": tid, "input": [{"type": "text", "text": "go"}]}}
        if name == "ids":
            a.send({**turn, "id": 9})
            q = r.asked("A")
            a.send({"id": q["id"], "result": {"decision": "accept"}})
            r.turn_completed("A")
            b.send(resume)
            r.reply("B", 2)
            with r.lock:
                r.log.clear()
            a.send(turn)
            qa, qb = r.asked("A"), r.asked("B")
            a.send({"id": qa["id"], "result": {"decision": "accept"}})
            r.turn_completed("B")
        else:
            a.send(turn)
            r.reply("A", 3)
            if name != "late-resume":
                b.send(resume)
                r.reply("B", 2)
            qa = r.asked("A")
            if name == "late-resume":
                time.sleep(1)  # A is asked; only then does B come
                b.send(resume)
                r.reply("B", 2)
            qb = r.asked("B", 10)
            if name in ("b-answers", "late-resume"):
                b.send({"id": qb["id"], "result": {"decision": "accept"}})
            elif name == "both-answer":
                b.send({"id": qb["id"], "result": {"decision": "accept"}})
                a.send({"id": qa["id"], "result": {"decision": "decline"}})
            elif name == "a-leaves":
                a.close()
                r.record("A", "#", {"method": "(disconnected)"})
                time.sleep(10)  # does anything happen to B meanwhile?
                b.send({"id": qb["id"], "result": {"decision": "accept"}})
            elif name == "all-leave":
                a.close()
                b.close()
                r.record("A,B", "#", {"method": "(disconnected)"})
                time.sleep(3)
                c = r.client("C")
                c.send(resume)
                resumed = r.reply("C", 2)
                turns = ((resumed or {}).get("result") or {}).get("thread", {}).get("turns") or []
                r.record("C", "#", {"method": "(resume shows last turn " + (turns[-1]["status"] if turns else "?") + ")"})
                qc = r.asked("C", 10)
                if qc:
                    c.send({"id": qc["id"], "result": {"decision": "accept"}})
            r.turn_completed(None, 20)
        time.sleep(1)
    finally:
        r.close()
    print(f"== {name}")
    r.print()
    shutil.rmtree(r.root, ignore_errors=True)


if __name__ == "__main__":
    if "--" not in sys.argv:
        sys.exit(__doc__)
    i = sys.argv.index("--")
    if os.path.exists(sys.argv[i + 1]):
        sys.argv[i + 1] = os.path.abspath(sys.argv[i + 1])  # the server runs in its own work dir
    cases = sys.argv[1:i] or ["b-answers", "both-answer", "a-leaves", "late-resume", "all-leave", "ids"]
    for n in cases:
        case(n, sys.argv[i + 1:])
