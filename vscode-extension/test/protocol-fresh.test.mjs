// Fails when src/protocol/index.ts is not what the committed schema generates (run scripts/generate-protocol).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate } from '../scripts/gen-protocol.mjs';

test('generated TypeScript protocol types are fresh', async () => {
  const fresh = await generate(new URL('../../schema/json/jcodex-protocol.schema.json', import.meta.url).pathname);
  const committed = readFileSync(new URL('../src/protocol/index.ts', import.meta.url), 'utf8');
  assert.equal(committed, fresh, 'vscode-extension/src/protocol is stale: run scripts/generate-protocol');
});
