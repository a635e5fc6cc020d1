// @openai/codex-sdk@0.163.0 against `jcodex exec --experimental-json`: run() returns the final response,
// a second run() on the same Thread object resumes it, and resumeThread(id) continues it from a new Codex.
// Usage: node codexsdk.mjs <jcodex launcher> <workdir>   (CODEX_HOME set by the caller)
import { Codex } from '@openai/codex-sdk';

const [codexPathOverride, workingDirectory] = process.argv.slice(2);
const fail = (msg) => { console.error('FAIL: ' + msg); process.exitCode = 1; };
const opts = { workingDirectory, skipGitRepoCheck: true, sandboxMode: 'workspace-write', approvalPolicy: 'never' };

const codex = new Codex({ codexPathOverride });
const thread = codex.startThread(opts);
const t1 = await thread.run('please run `echo from-codex-sdk`');
console.log(`run 1: thread ${thread.id} | final: ${JSON.stringify(t1.finalResponse)} | items: ${t1.items.map((i) => i.type).join(',')} | usage: ${JSON.stringify(t1.usage)}`);
if (!thread.id) fail('no thread id');
if (!t1.finalResponse.includes('from-codex-sdk')) fail('run 1: command output missing from the final response');
if (!t1.items.some((i) => i.type === 'command_execution' && i.status === 'completed')) fail('run 1: no completed command_execution');

const t2 = await thread.run('say again');
console.log(`run 2 (same thread): final: ${JSON.stringify(t2.finalResponse)} | items: ${t2.items.map((i) => i.type).join(',')}`);
if (!t2.finalResponse) fail('run 2: empty final response');

const resumed = new Codex({ codexPathOverride }).resumeThread(thread.id, opts);
const { events } = await resumed.runStreamed('one more');
const types = [];
for await (const e of events) types.push(e.type);
console.log(`resumeThread + runStreamed: ${types.join(' ')}`);
if (resumed.id !== thread.id) fail('resumed thread id differs');
if (types[types.length - 1] !== 'turn.completed') fail('streamed turn did not complete');

// A failing turn makes run() throw with the error message.
try {
  await new Codex({ codexPathOverride, config: { model_provider: 'no-such-provider' } }).startThread(opts).run('x');
  fail('run() against a broken config should throw');
} catch (e) {
  console.log(`failing run throws: ${String(e.message).split('\n')[0].slice(0, 160)}`);
}
