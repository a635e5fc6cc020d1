# A stand-in "app-server" that answers the stream benchmark's requests and then writes 20,000
# pre-built delta notifications as fast as the pipe takes them: the harness's own ceiling.
import sys, json
out = sys.stdout.buffer
def send(o): out.write(json.dumps(o).encode() + b"\n"); out.flush()
for line in sys.stdin:
    m = json.loads(line)
    meth, mid = m.get("method"), m.get("id")
    if meth == "initialize": send({"id": mid, "result": {"userAgent": "x/0.171.0"}})
    elif meth == "thread/start": send({"id": mid, "result": {"thread": {"id": "t1"}}})
    elif meth == "turn/start":
        send({"id": mid, "result": {"turn": {"id": "u1", "status": "inProgress", "items": []}}})
        buf = b"".join(json.dumps({"method": "item/agentMessage/delta", "params": {"threadId": "t1", "turnId": "u1", "itemId": "m", "delta": f"w{i%10} "}, "emittedAtMs": 0}).encode() + b"\n" for i in range(20000))
        out.write(buf); out.flush()
        send({"method": "turn/completed", "params": {"threadId": "t1", "turn": {"id": "u1", "status": "completed", "items": []}}})
