// End-to-end: the packaged .vsix in a real VS Code (code-server) in a real browser (Debian Chromium through
// playwright-core), talking to the real jcodex daemon with the offline model. Called by scripts/vscode-e2e.
// Steps: install the .vsix, open the jcodex view, chat, approve a command, see its output and the reply,
// approve a file creation, open its native diff. Screenshots go to e2e/out/.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: {
    'code-server': { type: 'string' }, vsix: { type: 'string' }, jcodex: { type: 'string' },
    port: { type: 'string', default: '18080' }, browser: { type: 'string', default: '/usr/bin/chromium' },
    keep: { type: 'boolean', default: false },
  },
});
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
mkdirSync(OUT, { recursive: true });
const t0 = Date.now();
const say = (m) => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const root = mkdtempSync(path.join(tmpdir(), 'jcodex-vscode-e2e-'));
const home = path.join(root, 'codex-home'), work = path.join(root, 'work'), data = path.join(root, 'data'), exts = path.join(root, 'exts');
for (const d of [home, work, path.join(data, 'User'), exts]) mkdirSync(d, { recursive: true });
// untrusted: the daemon asks before every command and edit, so the test sees approval cards.
writeFileSync(path.join(home, 'config.toml'), 'model_provider = "offline"\nmodel = "jcodex-offline"\napproval_policy = "untrusted"\nsandbox_mode = "workspace-write"\n');
writeFileSync(path.join(work, 'README.md'), '# e2e workspace\n');
writeFileSync(path.join(work, 'marker-e2e.txt'), 'listed by ls\n');
writeFileSync(path.join(data, 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'workbench.tips.enabled': false,
  'jcodex.executablePath': args.jcodex,
  'jcodex.environment': { CODEX_HOME: home },
  'jcodex.approvalMode': 'ask',
}, null, 2));
const csConfig = path.join(root, 'cs-config.yaml');
writeFileSync(csConfig, `bind-addr: 127.0.0.1:${args.port}\nauth: none\ncert: false\n`);
const csArgs = ['--config', csConfig, '--user-data-dir', data, '--extensions-dir', exts];

let server, browser, failed = false;
async function main() {
  say(`installing ${path.basename(args.vsix)}`);
  execFileSync(args['code-server'], [...csArgs, '--install-extension', args.vsix], { stdio: ['ignore', 'pipe', 'inherit'] });
  server = spawn(args['code-server'], [...csArgs, '--bind-addr', `127.0.0.1:${args.port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', work],
  { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const serverLog = [];
  server.stdout.on('data', (d) => serverLog.push(String(d)));
  server.stderr.on('data', (d) => serverLog.push(String(d)));
  const base = `http://127.0.0.1:${args.port}`;
  await until(async () => (await fetch(`${base}/healthz`).catch(() => null))?.ok, 60_000, () => 'code-server /healthz\n' + serverLog.join(''));
  say('code-server is up');

  browser = await chromium.launch({ executablePath: args.browser, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/?folder=${encodeURIComponent(work)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.locator('.statusbar-item', { hasText: 'jcodex: ready' }).waitFor({ timeout: 60_000 });
  say('extension activated, daemon ready (status bar)');

  await runCommand(page, 'jcodex: Focus on Chat View');
  const wv = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await wv.locator('#prompt').waitFor({ timeout: 30_000 });
  await wv.locator('#send:not([disabled])').waitFor();
  say('chat view open');

  // 1. A plain streamed reply.
  await ask(wv, 'hello from the browser');
  await wv.locator('.msg.agent', { hasText: 'hello from the browser' }).waitFor({ timeout: 30_000 });
  await idle(wv);
  await shot(page, '1-chat');

  // 2. A command that needs approval (`ls` alone is known-safe and would run without asking).
  await ask(wv, 'please run `touch e2e-approved.txt && ls`');
  const card = wv.locator('.approval:not(.resolved)');
  await card.waitFor({ timeout: 30_000 });
  expect((await card.innerText()).includes('touch e2e-approved.txt'), 'approval card names the command');
  await shot(page, '2-approval');
  await card.locator('button.approve').click();
  await wv.locator('.cmd .badge', { hasText: 'exit 0' }).waitFor({ timeout: 30_000 });
  await wv.locator('.cmd .output', { hasText: 'marker-e2e.txt' }).waitFor();
  await wv.locator('.msg.agent', { hasText: 'marker-e2e.txt' }).waitFor({ timeout: 30_000 });
  await idle(wv);
  expect(existsSync(path.join(work, 'e2e-approved.txt')), 'the approved command ran in the workspace');
  await shot(page, '3-command-approved');
  say('command approved, output and reply shown');

  // 3. A file creation, approved, then its native diff.
  await ask(wv, 'create file `a.txt` with `hi`');
  const fcard = wv.locator('.approval:not(.resolved)');
  await fcard.waitFor({ timeout: 30_000 });
  await fcard.locator('button.approve').click();
  const change = wv.locator('.change', { hasText: 'a.txt' });
  await change.locator('button.accept').waitFor({ timeout: 30_000 });
  await idle(wv);
  expect(readFileSync(path.join(work, 'a.txt'), 'utf8').trim() === 'hi', 'a.txt written with "hi"');
  await change.locator('button.open-diff').first().click();
  const diff = page.locator('.monaco-diff-editor');
  await diff.waitFor({ timeout: 30_000 });
  await page.locator('.tab', { hasText: 'a.txt (jcodex' }).waitFor();
  await diff.locator('.modified .view-lines', { hasText: 'hi' }).waitFor({ timeout: 15_000 });
  await shot(page, '4-diff');
  say('file change approved and shown in the diff editor');

  // 4. Thread history: a quick pick of saved threads, or a plain message if the daemon lacks thread/list.
  await wv.locator('#history').click();
  const listed = page.locator('.quick-input-list .monaco-list-row', { hasText: 'hello from the browser' });
  const unsupported = page.locator('.notifications-toasts', { hasText: 'does not support thread history' });
  await listed.or(unsupported).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(600); // let the toast or quick pick finish animating in
  await shot(page, '5-history');
  say((await listed.count()) > 0 ? 'history lists the thread' : 'history: daemon lacks thread/list, user told');
  await page.keyboard.press('Escape');
}

async function ask(wv, text) {
  await wv.locator('#send:not([disabled])').waitFor({ timeout: 30_000 });
  await wv.locator('#prompt').fill(text);
  await wv.locator('#prompt').press('Enter');
}
async function idle(wv) {
  await wv.locator('body[data-turn="idle"]').waitFor({ timeout: 30_000 });
}
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.split(': ')[1] }).first().waitFor();
  await page.keyboard.press('Enter');
}
async function shot(page, name) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  say(`screenshot ${path.relative(process.cwd(), file)}`);
}
function expect(cond, what) {
  if (!cond) throw new Error(`expected: ${what}`);
}
async function until(fn, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out: ${what()}`);
}

try {
  await main();
  say('PASS');
} catch (e) {
  failed = true;
  console.error(`[e2e] FAIL: ${e.stack ?? e}`);
  const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
  if (pages[0]) await pages[0].screenshot({ path: path.join(OUT, 'failure.png') }).catch(() => {});
} finally {
  await browser?.close().catch(() => {});
  if (server?.pid) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch {}
  }
  if (!args.keep) rmSync(root, { recursive: true, force: true });
  console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
  process.exit(failed ? 1 : 0);
}
