// Connects to the jcodex bridge with the `ws` package as a Node front end would, and checks:
// a foreign Origin is refused, a missing token is refused, and with the token JSON-RPC works frame by frame.
// Usage: node ws-client.mjs PORT TOKEN  — prints one JSON summary line, exits non-zero on failure.
import WebSocket from 'ws';

const [port, token] = process.argv.slice(2);
const url = `ws://127.0.0.1:${port}/`;

function refusedStatus(opts) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, opts);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
    ws.on('open', () => { ws.close(); resolve(101); });
    ws.on('error', () => {});
  });
}

function session() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    const got = {};
    ws.on('open', () => {
      ws.send(JSON.stringify({ id: 1, method: 'initialize', params: { clientInfo: { name: 'node-ws', version: '1' } } }));
    });
    ws.on('message', (data, isBinary) => {
      const msg = JSON.parse(data.toString());
      if (msg.id === 1) {
        got.initialize = msg.result.userAgent;
        ws.send(JSON.stringify({ id: 'two', method: 'command/exec', params: { command: ['echo', 'from node'], sandboxPolicy: { type: 'dangerFullAccess' } } }));
      } else if (msg.id === 'two') {
        got.exec = msg.result;
        ws.send(JSON.stringify({ id: 3, method: 'no/such' }));
      } else if (msg.id === 3) {
        got.unknownCode = msg.error.code;
        got.binary = isBinary;
        ws.close();
        resolve(got);
      }
    });
    ws.on('error', reject);
    setTimeout(() => reject(new Error('timeout')), 20000);
  });
}

const originStatus = await refusedStatus({ origin: 'https://evil.example', headers: { Authorization: `Bearer ${token}` } });
const noTokenStatus = await refusedStatus({});
const got = await session();
console.log(JSON.stringify({ originStatus, noTokenStatus, ...got }));
const ok = originStatus === 403 && noTokenStatus === 401 && got.exec.stdout === 'from node\n' && got.unknownCode === -32601 && !got.binary;
process.exit(ok ? 0 : 1);
