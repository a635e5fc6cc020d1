# A stand-in "app-server" for the stream benchmark that forwards deltas as promptly as a server can: it asks
# the harness's mock (base_url from CODEX_HOME/config.toml) for the response, and for every received chunk of
# SSE writes one ready-made item/agentMessage/delta line per output_text.delta in it (same length as a real one:
# UUID thread and turn ids, a 13-digit emittedAtMs) in a single write. Its own CPU is in its own process, so
# what bench.py measures with it is the harness's floor for a server that streams as the model streams
# (ceiling_server.py instead writes all 20,000 lines at once, before the harness has to serve the mock).
#   python3 bench.py --only stream --label prompt -- python3 scripts/perf/prompt_server.py
import json, os, re, socket, sys, time, uuid

out = sys.stdout.buffer
TID, UID = str(uuid.uuid4()), str(uuid.uuid4())


def send(o):
    out.write(json.dumps(o, separators=(",", ":")).encode() + b"\n")
    out.flush()


def base_url():
    cfg = open(os.path.join(os.environ["CODEX_HOME"], "config.toml")).read()
    return re.search(r'base_url = "http://([^:/]+):(\d+)(/[^"]*)"', cfg).groups()


def stream():
    host, port, path = base_url()
    body = json.dumps({"model": "m", "input": [], "stream": True}).encode()
    s = socket.create_connection((host, int(port)))
    s.sendall(b"POST " + path.encode() + b"/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    pending = b""
    head = True
    pre = ('{"method":"item/agentMessage/delta","params":{"threadId":"%s","turnId":"%s","itemId":"' % (TID, UID)).encode()
    while True:
        data = s.recv(1 << 16)
        if not data:
            return
        pending += data
        if head:
            i = pending.find(b"\r\n\r\n")
            if i < 0:
                continue
            pending, head = pending[i + 4:], False
        # Counting the delta events in each received chunk (not parsing them) keeps this process well ahead
        # of the mock, so the harness sees each chunk's deltas as soon as the mock has sent it.
        done = b'"type":"response.completed"' in pending
        cut = pending.rfind(b"\n\n")
        if cut >= 0:
            n = pending[:cut].count(b'"type":"response.output_text.delta"')
            pending = pending[cut + 2:]
        else:
            n = 0
        if n:
            line = pre + b'msg_mock_1_0","delta":"w1 "},"emittedAtMs":' + str(int(time.time() * 1000)).encode() + b"}\n"
            out.write(line * n)
            out.flush()
        if done:
            return


for line in sys.stdin:
    m = json.loads(line)
    meth, mid = m.get("method"), m.get("id")
    if meth == "initialize":
        send({"id": mid, "result": {"userAgent": "x/0.171.0"}})
    elif meth == "thread/start":
        send({"id": mid, "result": {"thread": {"id": TID}}})
    elif meth == "turn/start":
        send({"id": mid, "result": {"turn": {"id": UID, "status": "inProgress", "items": []}}})
        stream()
        send({"method": "turn/completed", "params": {"threadId": TID, "turn": {"id": UID, "status": "completed", "items": []}}})
