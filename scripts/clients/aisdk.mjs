// ai-sdk-provider-codex-cli@2.2.1 (AI SDK v7) against jcodex: listModels, then generateText and streamText
// with the app-server provider, each turn running a command that needs the client's approval.
// Usage: node aisdk.mjs <jcodex launcher> <workdir>   (CODEX_HOME set by the caller)
import { generateText, streamText } from 'ai';
import { createCodexAppServer, listModels } from 'ai-sdk-provider-codex-cli';

const [codexPath, cwd] = process.argv.slice(2);
const fail = (msg) => { console.error('FAIL: ' + msg); process.exitCode = 1; };
const env = { ...process.env };

const lm = await listModels({ codexPath, cwd, env, connectionTimeoutMs: 60000, requestTimeoutMs: 60000 });
console.log(`listModels ok: ${lm.models.length} models; default = ${lm.defaultModel?.id ?? lm.defaultModel?.model}`);
if (lm.models.length === 0) fail('listModels returned no models');

const approvals = [];
const provider = createCodexAppServer({
  defaultSettings: {
    codexPath, cwd, env,
    approvalPolicy: 'untrusted',
    sandboxPolicy: 'workspace-write',
    connectionTimeoutMs: 60000, requestTimeoutMs: 120000,
    serverRequests: {
      onCommandExecutionApproval: async (req) => {
        approvals.push(req.params.command ?? req.params);
        return { decision: 'accept' };
      },
    },
  },
});
try {
  const model = provider('jcodex-offline');
  const g = await generateText({ model, prompt: 'please run `printf from-generate-text`' });
  console.log(`generateText ok: finishReason=${g.finishReason} text=${JSON.stringify(g.text)}`);
  if (!g.text.includes('from-generate-text')) fail('generateText: the command output is not in the reply');

  const s = streamText({ model, prompt: 'please run `printf from-stream-text`' });
  let chunks = 0;
  let text = '';
  for await (const delta of s.textStream) { chunks++; text += delta; }
  console.log(`streamText ok: ${chunks} text chunks, finishReason=${await s.finishReason} text=${JSON.stringify(text)}`);
  if (!text.includes('from-stream-text')) fail('streamText: the command output is not in the reply');
  console.log(`approvals answered: ${approvals.length} ${JSON.stringify(approvals)}`);
  if (approvals.length < 2) fail('expected an approval request per turn');
} finally {
  await provider.close();
}
