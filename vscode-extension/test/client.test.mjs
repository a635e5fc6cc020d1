// The extension's protocol client against the real daemon (offline model): handshake, a full streamed turn,
// interrupt, approvals, errors, and restart after the daemon dies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppServerClient, RpcError, FollowUpQueue, steerOrQueue } from '../dist/client.mjs';
import { JCODEX, startDaemon, runTurn, itemsOfTurn } from '../testlib/daemon.mjs';


test('initialize answers a userAgent whose version a Codex client accepts', { timeout: 90_000 }, async () => {
  const d = await startDaemon();
  try {
    assert.match(d.init.userAgent, /^jcodex_vscode_test\/\d+\.\d+\.\d+ /);
    assert.equal(d.init.codexHome, d.home);
    assert.equal(d.client.state, 'ready');
  } finally {
    await d.close();
  }
});

test('a full turn: streamed agent text equals the completed message, every item completes', { timeout: 90_000 }, async () => {
  const d = await startDaemon();
  try {
    const deltas = [];
    const { turnId, completed } = await runTurn(d, 'hello from the vscode test', {
      onNotification: (n) => { if (n.method === 'item/agentMessage/delta') deltas.push(n.params); },
    });
    assert.equal(completed.turn.status, 'completed');
    const { started, completed: done } = itemsOfTurn(d.notifications, turnId);
    assert.deepEqual([...started.keys()].sort(), [...done.keys()].sort(), 'every started item completed');
    const types = [...done.values()].map((i) => i.type);
    assert.ok(types.includes('userMessage') && types.includes('reasoning') && types.includes('agentMessage'), types.join());
    const agent = [...done.values()].find((i) => i.type === 'agentMessage');
    assert.ok(deltas.length > 1, 'the reply was streamed in several deltas');
    assert.equal(deltas.filter((x) => x.itemId === agent.id).map((x) => x.delta).join(''), agent.text);
    assert.match(agent.text, /hello from the vscode test/);
    const order = d.notifications.map((n) => n.method);
    assert.ok(order.indexOf('turn/started') < order.indexOf('item/agentMessage/delta'));
    assert.ok(order.lastIndexOf('item/completed') < order.indexOf('turn/completed'));
  } finally {
    await d.close();
  }
});

test('turn/interrupt ends a streaming turn as interrupted and closes its items', { timeout: 90_000 }, async () => {
  // Slow the offline model's deltas so the interrupt lands mid-stream.
  const d = await startDaemon({ env: { JCODEX_OFFLINE_DELTA_DELAY_MS: '150' } });
  try {
    const { thread } = await d.client.request('thread/start', { cwd: d.work });
    const firstDelta = d.client.waitFor('item/agentMessage/delta', (p) => p.threadId === thread.id);
    const done = d.client.waitFor('turn/completed', (p) => p.threadId === thread.id);
    const { turn } = await d.client.request('turn/start', {
      threadId: thread.id, input: [{ type: 'text', text: 'tell me a long story about interrupts' }],
    });
    await firstDelta;
    assert.deepEqual(await d.client.request('turn/interrupt', { threadId: thread.id, turnId: turn.id }), {});
    const completed = await done;
    assert.equal(completed.turn.status, 'interrupted');
    const { started, completed: closed } = itemsOfTurn(d.notifications, turn.id);
    for (const id of started.keys()) assert.ok(closed.has(id), `item ${id} completed after the interrupt`);
    const agent = [...closed.values()].find((i) => i.type === 'agentMessage');
    assert.ok(!agent || !agent.text.includes('I can run a command'), 'the reply was cut short');
  } finally {
    await d.close();
  }
});

test('a command approval is answered with accept and the command runs', { timeout: 90_000 }, async () => {
  const d = await startDaemon({ approvalPolicy: 'untrusted' });
  try {
    writeFileSync(path.join(d.work, 'marker-for-ls.txt'), 'x');
    const approvals = [];
    d.client.handle('item/commandExecution/requestApproval', (params) => {
      approvals.push(params);
      return { decision: 'accept' };
    });
    // `ls` alone is a known-safe command that untrusted runs without asking; `touch` is not.
    const { turnId, completed } = await runTurn(d, 'please run `touch approved.txt && ls`');
    assert.equal(completed.turn.status, 'completed');
    assert.equal(approvals.length, 1);
    assert.match(approvals[0].command, /touch approved\.txt/);
    assert.ok(existsSync(path.join(d.work, 'approved.txt')));
    assert.equal(approvals[0].turnId, turnId);
    const cmd = [...itemsOfTurn(d.notifications, turnId).completed.values()].find((i) => i.type === 'commandExecution');
    assert.equal(cmd.status, 'completed');
    assert.equal(cmd.exitCode, 0);
    assert.match(cmd.aggregatedOutput, /marker-for-ls\.txt/);
    assert.ok(d.notifications.some((n) => n.method === 'serverRequest/resolved'), 'serverRequest/resolved sent');
  } finally {
    await d.close();
  }
});

test('a declined command does not run', { timeout: 90_000 }, async () => {
  const d = await startDaemon({ approvalPolicy: 'untrusted' });
  try {
    d.client.handle('item/commandExecution/requestApproval', () => ({ decision: 'decline' }));
    const { turnId, completed } = await runTurn(d, 'run `touch should-not-exist`');
    assert.equal(completed.turn.status, 'completed');
    const cmd = [...itemsOfTurn(d.notifications, turnId).completed.values()].find((i) => i.type === 'commandExecution');
    assert.equal(cmd.status, 'declined');
    assert.ok(!existsSync(path.join(d.work, 'should-not-exist')));
  } finally {
    await d.close();
  }
});

test('a file change approval is answered and the file is written', { timeout: 90_000 }, async () => {
  const d = await startDaemon({ approvalPolicy: 'untrusted' });
  try {
    let asked = 0;
    d.client.handle('item/fileChange/requestApproval', () => { asked++; return { decision: 'accept' }; });
    const { turnId, completed } = await runTurn(d, 'create file `a.txt` with `hi`');
    assert.equal(completed.turn.status, 'completed');
    assert.equal(asked, 1);
    const fc = [...itemsOfTurn(d.notifications, turnId).completed.values()].find((i) => i.type === 'fileChange');
    assert.equal(fc.status, 'completed');
    assert.equal(fc.changes[0].kind.type, 'add');
    assert.equal(readFileSync(path.join(d.work, 'a.txt'), 'utf8').trim(), 'hi');
  } finally {
    await d.close();
  }
});

test('turn/interrupt while an approval is pending resolves the request and ends the turn', { timeout: 90_000 }, async () => {
  const d = await startDaemon({ approvalPolicy: 'untrusted' });
  try {
    let asked;
    const askedP = new Promise((r) => { asked = r; });
    d.client.handle('item/commandExecution/requestApproval', (params) => {
      asked(params);
      return new Promise(() => {}); // the user never answers
    });
    const { thread } = await d.client.request('thread/start', { cwd: d.work });
    const done = d.client.waitFor('turn/completed', (p) => p.threadId === thread.id);
    const resolved = d.client.waitFor('serverRequest/resolved', (p) => p.threadId === thread.id);
    const { turn } = await d.client.request('turn/start', { threadId: thread.id, input: [{ type: 'text', text: 'run `touch never-approved`' }] });
    await askedP;
    await d.client.request('turn/interrupt', { threadId: thread.id, turnId: turn.id });
    await resolved;
    assert.equal((await done).turn.status, 'interrupted');
    assert.ok(!existsSync(path.join(d.work, 'never-approved')));
  } finally {
    await d.close();
  }
});

test('unknown methods reject with -32601 so UI features can degrade', { timeout: 90_000 }, async () => {
  const d = await startDaemon();
  try {
    await assert.rejects(d.client.call('jcodex/noSuchMethod', {}), (e) => e instanceof RpcError && e.isMethodNotFound);
  } finally {
    await d.close();
  }
});

test('the client restarts the daemon when it dies and requests work again', { timeout: 90_000 }, async () => {
  const d = await startDaemon({ clientOpts: { maxRestarts: 2 } });
  try {
    const firstPid = d.client.pid;
    const exit = new Promise((r) => d.client.once('exit', r));
    const restarted = new Promise((r) => d.client.once('restarted', r));
    process.kill(firstPid, 'SIGKILL');
    const info = await exit;
    assert.equal(info.signal, 'SIGKILL');
    assert.equal(info.willRestart, true);
    assert.equal(d.client.state, 'restarting');
    const init = await restarted;
    assert.match(init.userAgent, /^jcodex_vscode_test\//);
    assert.equal(d.client.state, 'ready');
    assert.notEqual(d.client.pid, firstPid);
    const { thread } = await d.client.request('thread/start', { cwd: d.work });
    assert.ok(thread.id);
  } finally {
    await d.close();
  }
});

test('requests in flight fail when the daemon dies', { timeout: 90_000 }, async () => {
  const d = await startDaemon({ clientOpts: { maxRestarts: 0 } });
  try {
    const { thread } = await d.client.request('thread/start', { cwd: d.work });
    const failedState = new Promise((r) => d.client.on('state', (s) => s === 'failed' && r()));
    // A stopped daemon cannot answer; the request is still pending when it is killed.
    process.kill(d.client.pid, 'SIGSTOP');
    const pending = d.client.request('turn/start', { threadId: thread.id, input: [{ type: 'text', text: 'hi' }] });
    process.kill(d.client.pid, 'SIGKILL');
    await assert.rejects(pending, (e) => e instanceof RpcError && /daemon exited/.test(e.message));
    await failedState;
  } finally {
    await d.close();
  }
});

test('a missing executable fails start() and leaves the client in state failed', { timeout: 90_000 }, async () => {
  const c = new AppServerClient({ executable: path.join(path.dirname(JCODEX), 'no-such-jcodex') });
  await assert.rejects(c.start(), /ENOENT/);
  assert.equal(c.state, 'failed');
});

test('the history calls the UI makes: list, rename, fork, resume with turns', { timeout: 90_000 }, async () => {
  const d = await startDaemon();
  try {
    const { threadId } = await runTurn(d, 'hello history');
    const list = await d.client.request('thread/list', { limit: 50, sortKey: 'updated_at' });
    const listed = list.data.find((t) => t.id === threadId);
    assert.equal(listed.preview, 'hello history');
    assert.deepEqual(await d.client.request('thread/name/set', { threadId, name: 'renamed' }), {});
    const forked = await d.client.request('thread/fork', { threadId });
    assert.equal(forked.thread.forkedFromId, threadId);
    const resumed = await d.client.request('thread/resume', { threadId });
    assert.equal(resumed.thread.name, 'renamed');
    assert.equal(resumed.thread.turns.length, 1);
    assert.ok(resumed.thread.turns[0].items.some((i) => i.type === 'agentMessage'));
  } finally {
    await d.close();
  }
});

test('a message sent during a turn steers it; one the daemon cannot take waits in the queue', { timeout: 90_000 }, async () => {
  const d = await startDaemon({ env: { JCODEX_OFFLINE_DELTA_DELAY_MS: '150' } });
  try {
    const { thread } = await d.client.request('thread/start', { cwd: d.work });
    const firstDelta = d.client.waitFor('item/agentMessage/delta', (p) => p.threadId === thread.id);
    const done = d.client.waitFor('turn/completed', (p) => p.threadId === thread.id);
    const { turn } = await d.client.request('turn/start', {
      threadId: thread.id, input: [{ type: 'text', text: 'tell me a long story' }],
    });
    await firstDelta;
    const queue = new FollowUpQueue();
    const steered = await steerOrQueue(d.client, thread.id, turn.id, [{ type: 'text', text: 'and mention steering' }], queue);
    assert.equal(steered.kind, 'steered');
    assert.equal(steered.turnId, turn.id);
    assert.equal(queue.size, 0);
    // a turn id that is not the running one (the turn just ended, or another client started one): queued
    const stale = await steerOrQueue(d.client, thread.id, 'not-the-running-turn', [{ type: 'text', text: 'later' }], queue);
    assert.equal(stale.kind, 'queued');
    assert.ok(stale.reason.length > 0);
    assert.equal(queue.size, 1);
    assert.equal((await done).turn.status, 'completed');
    const read = await d.client.request('thread/read', { threadId: thread.id, includeTurns: true });
    const texts = JSON.stringify(read.thread.turns[0].items);
    assert.ok(texts.includes('and mention steering'), 'the steer is part of the running turn');
    assert.deepEqual(queue.take(), [{ type: 'text', text: 'later' }]);
    assert.equal(queue.size, 0);
  } finally {
    await d.close();
  }
});
