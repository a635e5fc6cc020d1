#!/usr/bin/env python3
"""Drives one real daemon session for AOT-cache training: handshake, thread, offline turns, turns against a
loopback Responses API (HTTP + SSE, long streams so the cache's method profiles cover the delta path),
thread listing and reading (SQLite), bad input.

    CODEX_HOME=... aot_training.py WORKDIR -- COMMAND...
"""
import json, os, subprocess, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

work = sys.argv[1]
cmd = sys.argv[sys.argv.index("--") + 1:]


class Sse(BaseHTTPRequestHandler):
    """POST /v1/responses: a reasoning item and a message streamed in many deltas."""
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", "0")))
        def ev(o):
            return ("event: %s\ndata: %s\n\n" % (o["type"], json.dumps(o))).encode()
        out = [ev({"type": "response.created", "response": {"id": "resp_t"}}),
               ev({"type": "response.output_item.added", "item": {"type": "reasoning", "id": "rs_t", "summary": []}}),
               ev({"type": "response.reasoning_summary_part.added", "item_id": "rs_t", "summary_index": 0}),
               ev({"type": "response.reasoning_summary_text.delta", "item_id": "rs_t", "delta": "thinking", "summary_index": 0}),
               ev({"type": "response.output_item.done", "item": {"type": "reasoning", "id": "rs_t",
                                                                  "summary": [{"type": "summary_text", "text": "thinking"}]}}),
               ev({"type": "response.output_item.added", "item": {"type": "message", "id": "msg_t", "role": "assistant", "content": []}})]
        out += [ev({"type": "response.output_text.delta", "item_id": "msg_t", "delta": "w%d " % (i % 10)}) for i in range(3000)]
        out += [ev({"type": "response.output_item.done", "item": {"type": "message", "id": "msg_t", "role": "assistant",
                                                                   "content": [{"type": "output_text", "text": "done"}]}}),
                ev({"type": "response.completed", "response": {"id": "resp_t", "usage": {
                    "input_tokens": 10, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 5,
                    "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 15}}})]
        body = b"".join(out)
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


srv = ThreadingHTTPServer(("127.0.0.1", 0), Sse)
threading.Thread(target=srv.serve_forever, daemon=True).start()
home = os.environ.get("CODEX_HOME")
if home:
    with open(os.path.join(home, "config.toml"), "a") as fh:
        fh.write('\n[model_providers.train]\nname = "train"\nbase_url = "http://127.0.0.1:%d/v1"\n'
                 'wire_api = "responses"\nrequest_max_retries = 0\nstream_max_retries = 0\n' % srv.server_address[1])
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

def send(obj):
    p.stdin.write((obj if isinstance(obj, str) else json.dumps(obj)) + "\n")
    p.stdin.flush()

def until(pred, limit=60):
    end = time.time() + limit
    while time.time() < end:
        line = p.stdout.readline()
        if not line:
            break
        msg = json.loads(line)
        if pred(msg):
            return msg
    raise SystemExit("aot training: daemon did not answer")

send({"id": 1, "method": "initialize", "params": {"clientInfo": {"name": "aot-training", "version": "0"}}})
until(lambda m: m.get("id") == 1)
send({"method": "initialized"})
send({"id": 2, "method": "thread/start", "params": {"cwd": work}})
tid = until(lambda m: m.get("id") == 2)["result"]["thread"]["id"]
for i in range(3):
    send({"id": 10 + i, "method": "turn/start", "params": {"threadId": tid, "input": [{"type": "text", "text": "hello"}]}})
    until(lambda m: m.get("method") == "turn/completed")
if home:
    send({"id": 3, "method": "thread/start", "params": {"cwd": work, "modelProvider": "train", "model": "gpt-5.5"}})
    tid2 = until(lambda m: m.get("id") == 3)["result"]["thread"]["id"]
    for i in range(4):
        send({"id": 30 + i, "method": "turn/start", "params": {"threadId": tid2, "input": [{"type": "text", "text": "stream"}]}})
        until(lambda m: m.get("method") == "turn/completed")
    send({"id": 40, "method": "thread/list", "params": {"limit": 10}})
    until(lambda m: m.get("id") == 40)
    send({"id": 41, "method": "thread/read", "params": {"threadId": tid2, "includeTurns": True}})
    until(lambda m: m.get("id") == 41)
    send({"id": 42, "method": "model/list", "params": {}})
    until(lambda m: m.get("id") == 42)
send("not json")
send({"id": 20, "method": "no/such/method", "params": {}})
send({"id": 21, "method": "turn/start", "params": {"threadId": 5}})
until(lambda m: m.get("id") == 21)
p.stdin.close()
p.wait(timeout=60)
