#!/usr/bin/env python3
"""Drives one real daemon session for AOT-cache training: handshake, thread, an offline turn, bad input.

    aot_training.py WORKDIR -- COMMAND...
"""
import json, subprocess, sys, time

work = sys.argv[1]
cmd = sys.argv[sys.argv.index("--") + 1:]
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
send("not json")
send({"id": 20, "method": "no/such/method", "params": {}})
send({"id": 21, "method": "turn/start", "params": {"threadId": 5}})
until(lambda m: m.get("id") == 21)
p.stdin.close()
p.wait(timeout=60)
