// Latency through `jcodex proxy` vs straight to the mock: argv = directBase proxyBase [n].
// Small GETs on one keep-alive connection (p50/p99 per request), then time to the first SSE byte.
import http from 'node:http';

const [direct, proxied] = [process.argv[2], process.argv[3]];
const n = Number(process.argv[4] ?? 1000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function once(url, method = 'GET', body = null) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(url, { method, agent, headers: body ? { 'content-type': 'application/json',
      'authorization': 'Bearer sk-bench' } : { 'authorization': 'Bearer sk-bench' } }, (res) => {
      let first = null;
      res.on('data', () => { if (first === null) first = process.hrtime.bigint(); });
      res.on('end', () => resolve({ total: Number(process.hrtime.bigint() - t0) / 1e6,
        first: first === null ? null : Number(first - t0) / 1e6, status: res.statusCode }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const fmt = (x) => x.toFixed(3);

async function series(base, path, count, pick, method, body) {
  const xs = [];
  for (let i = 0; i < count; i++) {
    const r = await once(base + path, method, body);
    if (r.status !== 200) throw new Error(`${base}${path}: ${r.status}`);
    xs.push(pick(r));
  }
  return xs;
}

for (const base of [direct, proxied]) await series(base, '/models', 200, (r) => r.total); // warm up both paths
const rows = [];
for (const [label, base] of [['direct', direct], ['proxy', proxied]]) {
  const lat = await series(base, '/models', n, (r) => r.total);
  const sse = await series(base, '/chat/completions', Math.max(50, n / 10), (r) => r.first, 'POST',
    JSON.stringify({ model: 'mock-1', stream: true, messages: [] }));
  rows.push({ label, p50: pct(lat, 0.5), p99: pct(lat, 0.99), ttfb50: pct(sse, 0.5), ttfb99: pct(sse, 0.99) });
}
console.log(`requests: ${n} GET /v1/models (keep-alive), ${Math.max(50, n / 10)} streamed chat.completions`);
console.log('path    p50 ms  p99 ms  first-SSE-byte p50 ms  p99 ms');
for (const r of rows) console.log(`${r.label.padEnd(7)} ${fmt(r.p50)}  ${fmt(r.p99)}  ${fmt(r.ttfb50)}  ${fmt(r.ttfb99)}`);
const [d, p] = rows;
console.log(`added by the proxy: p50 ${fmt(p.p50 - d.p50)} ms, p99 ${fmt(p.p99 - d.p99)} ms; first SSE byte p50 ${fmt(p.ttfb50 - d.ttfb50)} ms`);
agent.destroy();
