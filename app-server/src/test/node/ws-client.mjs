// Connects to the jcodex bridge with the `ws` package as a Node front end would, and checks:
// a foreign Origin is refused, a missing token is refused, and with the token JSON-RPC works frame by frame.
// Usage: node ws-client.mjs PORT TOKEN                          (--ws-auth capability-token)
//        node ws-client.mjs PORT --jwt SECRET_FILE ISS AUD      (--ws-auth signed-bearer-token: tokens are
//        minted here with node:crypto, so the daemon's verifier is checked against another implementation)
// Prints one JSON summary line, exits non-zero on failure.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

const [port, ...rest] = process.argv.slice(2);
const url = `ws://127.0.0.1:${port}/`;
const jwtMode = rest[0] === '--jwt';

function hs256(secret, claims) {
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

let token;
const extra = {};
if (jwtMode) {
  const [, secretFile, iss, aud] = rest;
  const secret = readFileSync(secretFile, 'utf8').trim();
  const now = Math.floor(Date.now() / 1000);
  token = hs256(secret, { iss, aud, exp: now + 600, iat: now });
  extra.expiredStatus = () => refusedStatus({ headers: { Authorization: `Bearer ${hs256(secret, { iss, aud, exp: now - 600 })}` } });
  extra.wrongSecretStatus = () => refusedStatus({ headers: { Authorization: `Bearer ${hs256(secret + 'x', { iss, aud, exp: now + 600 })}` } });
  extra.wrongAudienceStatus = () => refusedStatus({ headers: { Authorization: `Bearer ${hs256(secret, { iss, aud: 'other', exp: now + 600 })}` } });
} else {
  token = rest[0];
}

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
const refusals = {};
for (const [name, probe] of Object.entries(extra)) refusals[name] = await probe();
const got = await session();
console.log(JSON.stringify({ originStatus, noTokenStatus, ...refusals, ...got }));
const ok = originStatus === 403 && noTokenStatus === 401 && Object.values(refusals).every((s) => s === 401)
  && got.exec.stdout === 'from node\n' && got.unknownCode === -32601 && !got.binary;
process.exit(ok ? 0 : 1);
