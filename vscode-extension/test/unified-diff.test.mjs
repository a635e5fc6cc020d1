import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUnifiedDiff, applyHunks, sidesOfChange } from '../dist/unifiedDiff.mjs';

const before = 'one\ntwo\nthree\nfour\nfive\n';
const after = 'one\ntwo\nTHREE\nfour\nfive\nsix\n';
const diff = '--- a/f\n+++ b/f\n@@ -2,4 +2,5 @@\n two\n-three\n+THREE\n four\n five\n+six\n';

test('a unified diff applies forwards and backwards', () => {
  const hunks = parseUnifiedDiff(diff);
  assert.equal(hunks.length, 1);
  assert.equal(applyHunks(before, hunks), after);
  assert.equal(applyHunks(after, hunks, true), before);
});

test('a hunk that does not match the file throws', () => {
  assert.throws(() => applyHunks('unrelated\n', parseUnifiedDiff(diff)), /does not match/);
});

test('sides of an update before and after it is written', () => {
  assert.deepEqual(sidesOfChange('update', diff, before, false), { before, after });
  assert.deepEqual(sidesOfChange('update', diff, after, true), { before, after });
});

test('sides of an added file from plain content or from a diff', () => {
  assert.deepEqual(sidesOfChange('add', 'hi\n', undefined, false), { before: '', after: 'hi\n' });
  assert.deepEqual(sidesOfChange('add', '@@ -0,0 +1,2 @@\n+hi\n+there\n', undefined, false), { before: '', after: 'hi\nthere\n' });
  assert.deepEqual(sidesOfChange('add', 'ignored', 'on disk\n', true), { before: '', after: 'on disk\n' });
});
