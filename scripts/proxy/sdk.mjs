// The real `openai` npm SDK against `jcodex proxy` (argv[2] = the proxy's /v1 URL).
import OpenAI from 'openai';
import assert from 'node:assert/strict';

const baseURL = process.argv[2];
const client = new OpenAI({ baseURL, apiKey: 'sk-from-the-client', maxRetries: 0, timeout: 30_000 });

const done = await client.chat.completions.create({ model: 'mock-1', messages: [{ role: 'user', content: 'hi' }] });
assert.equal(done.object, 'chat.completion');
assert.equal(done.choices[0].message.content, 'Hello from the mock (auth: Bearer sk-from-the-client)');
console.log('create: ok:', done.choices[0].message.content);

const t0 = Date.now();
const stream = await client.chat.completions.create({ model: 'mock-1', stream: true,
  messages: [{ role: 'user', content: 'hi' }] });
let text = '';
const arrivals = [];
for await (const chunk of stream) {
  const d = chunk.choices[0]?.delta?.content;
  if (d) { text += d; arrivals.push(Date.now() - t0); }
}
assert.equal(text, 'Hello from the mock (auth: Bearer sk-from-the-client)');
// the mock sends an event every 20 ms: delivered as sent, the first arrives well before the last
assert.ok(arrivals.length === 5 && arrivals[4] - arrivals[0] >= 60, `events arrived together: ${arrivals}`);
console.log(`stream: ok: ${arrivals.length} deltas at +${arrivals.join(', +')} ms`);

// a provider error comes back as the provider's status and message
await assert.rejects(client.chat.completions.create({ messages: [] }), (e) => {
  assert.equal(e.status, 400);
  assert.match(e.message, /model is required/);
  return true;
});
console.log('provider error: ok: 400 model is required');
