// A loopback OpenAI-compatible provider for scripts/proxy-e2e and scripts/bench-proxy.
// Prints "PORT <n>" on stdout once listening. Routes under /v1:
//   POST /chat/completions  JSON, or SSE when {"stream":true} (events 20 ms apart unless MOCK_SSE_GAP_MS)
//   POST /files             streams the body, answers {"id","bytes","content_length"} (nothing kept)
//   GET  /models            a tiny list (used by the latency benchmark)
// Every answer says which Authorization it saw, so the e2e checks what the proxy forwarded.
import http from 'node:http';

const gap = Number(process.env.MOCK_SSE_GAP_MS ?? 20);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = http.createServer(async (req, res) => {
  const auth = req.headers.authorization ?? null;
  const url = new URL(req.url, 'http://x');
  if (req.method === 'GET' && url.pathname === '/v1/models') {
    const body = JSON.stringify({ object: 'list', data: [{ id: 'mock-1', object: 'model', owned_by: 'mock' }] });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    return res.end(body);
  }
  if (req.method === 'POST' && url.pathname === '/v1/files') {
    let bytes = 0;
    for await (const chunk of req) bytes += chunk.length;
    const body = JSON.stringify({ id: 'file-mock', object: 'file', bytes,
      content_length: req.headers['content-length'] ? Number(req.headers['content-length']) : null,
      content_type: req.headers['content-type'] ?? null, auth });
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(body);
  }
  if (req.method === 'POST' && url.pathname === '/v1/chat/completions') {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body;
    try { body = JSON.parse(raw); } catch { body = null; }
    if (!body || !body.model) {
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'model is required', type: 'invalid_request_error' } }));
    }
    const words = ['Hello', ' from', ' the', ' mock', ` (auth: ${auth})`];
    const created = Math.floor(Date.now() / 1000);
    if (!body.stream) {
      const out = JSON.stringify({ id: 'chatcmpl-mock', object: 'chat.completion', created, model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: words.join('') }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 3, completion_tokens: words.length, total_tokens: 3 + words.length } });
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-mock' });
      return res.end(out);
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (let i = 0; i < words.length; i++) {
      const chunk = { id: 'chatcmpl-mock', object: 'chat.completion.chunk', created, model: body.model,
        choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: words[i] } : { content: words[i] },
          finish_reason: null }] };
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      // the send time of each event, so the client can tell whether events arrived one by one
      res.write(`: sent ${Date.now()}\n\n`);
      if (gap > 0) await sleep(gap);
    }
    res.write(`data: ${JSON.stringify({ id: 'chatcmpl-mock', object: 'chat.completion.chunk', created,
      model: body.model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
    return res.end('data: [DONE]\n\n');
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: `no route ${req.method} ${url.pathname}` } }));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));
