// Starts the REAL jcodex daemon (bin/jcodex, or $JCODEX_BIN) through the extension's protocol client, in a
// private CODEX_HOME whose config.toml selects the embedded offline model, and a temp workspace.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppServerClient } from '../dist/client.mjs';

export const JCODEX = process.env.JCODEX_BIN ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/jcodex');

export async function startDaemon({ approvalPolicy = 'never', sandbox = 'workspace-write', env = {}, clientOpts = {} } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'jcodex-vscode-test-'));
  const home = path.join(root, 'home');
  const work = path.join(root, 'work');
  mkdirSync(home);
  mkdirSync(work);
  writeFileSync(path.join(home, 'config.toml'),
    `model_provider = "offline"\nmodel = "jcodex-offline"\napproval_policy = "${approvalPolicy}"\nsandbox_mode = "${sandbox}"\n`);
  const client = new AppServerClient({
    executable: JCODEX,
    cwd: work,
    env: { ...process.env, CODEX_HOME: home, ...env },
    clientName: 'jcodex_vscode_test',
    ...clientOpts,
  });
  const notifications = [];
  client.on('notification', (n) => notifications.push(n));
  const init = await client.start();
  return {
    client, init, home, work, notifications,
    async close() {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Starts a thread in the workspace and runs one turn; resolves with the turn/completed params. */
export async function runTurn(d, text, { onNotification } = {}) {
  const started = await d.client.request('thread/start', { cwd: d.work });
  const threadId = started.thread.id;
  if (onNotification) d.client.on('notification', onNotification);
  try {
    const done = d.client.waitFor('turn/completed', (p) => p.threadId === threadId, 60_000);
    const turn = await d.client.request('turn/start', { threadId, input: [{ type: 'text', text }] });
    const completed = await done;
    assert(completed.turn.id === turn.turn.id, 'turn/completed for the started turn');
    return { threadId, turnId: turn.turn.id, completed };
  } finally {
    if (onNotification) d.client.off('notification', onNotification);
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** item/started and item/completed of one turn, checked pairwise: every item that starts completes. */
export function itemsOfTurn(notifications, turnId) {
  const started = new Map();
  const completed = new Map();
  for (const n of notifications) {
    if (n.params?.turnId !== turnId) continue;
    if (n.method === 'item/started') started.set(n.params.item.id, n.params.item);
    if (n.method === 'item/completed') completed.set(n.params.item.id, n.params.item);
  }
  return { started, completed };
}
