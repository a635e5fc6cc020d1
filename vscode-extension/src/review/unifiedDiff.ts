// Rebuilds the two sides of a fileChange so VS Code can show its native diff editor. The daemon sends one
// unified diff per file (for an added file, the diff or the plain new content); the other side comes from
// the file on disk, applied forwards (change not yet written: approval time) or backwards (already written).
// Pure functions: unit-tested under node without VS Code.

export interface HunkLine {
  op: ' ' | '-' | '+';
  text: string;
}
export interface Hunk {
  oldStart: number;
  lines: HunkLine[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function isUnifiedDiff(diff: string): boolean {
  return /^@@ /m.test(diff);
}

export function parseUnifiedDiff(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  let cur: Hunk | undefined;
  for (const raw of diff.split('\n')) {
    const m = HUNK_HEADER.exec(raw);
    if (m) {
      cur = { oldStart: Number(m[1]), lines: [] };
      hunks.push(cur);
      continue;
    }
    if (!cur) continue; // ---/+++/diff --git headers
    if (raw.startsWith('\\')) continue; // "\ No newline at end of file"
    const op = raw[0];
    if (op === ' ' || op === '-' || op === '+') cur.lines.push({ op, text: raw.slice(1) });
    else if (raw === '') cur.lines.push({ op: ' ', text: '' });
  }
  // A trailing empty context line is the artefact of the diff's final newline, not content.
  for (const h of hunks) {
    const last = h.lines[h.lines.length - 1];
    if (last && last.op === ' ' && last.text === '') h.lines.pop();
  }
  return hunks;
}

/** Applies the hunks to `text` (or undoes them when `reverse`). Throws when a hunk's context is not found. */
export function applyHunks(text: string, hunks: Hunk[], reverse = false): string {
  const lines = text.split('\n');
  let offset = 0;
  for (const h of hunks) {
    const from = h.lines.filter((l) => l.op === ' ' || l.op === (reverse ? '+' : '-')).map((l) => l.text);
    const to = h.lines.filter((l) => l.op === ' ' || l.op === (reverse ? '-' : '+')).map((l) => l.text);
    const hint = Math.max(0, h.oldStart - 1 + offset);
    const at = findBlock(lines, from, hint);
    if (at < 0) throw new Error(`hunk at line ${h.oldStart} does not match the file`);
    lines.splice(at, from.length, ...to);
    offset += to.length - from.length;
  }
  return lines.join('\n');
}

function findBlock(lines: string[], block: string[], hint: number): number {
  if (block.length === 0) return Math.min(hint, lines.length);
  const matches = (i: number) => block.every((b, k) => lines[i + k] === b);
  // Nearest match to the header's line number first, searching outwards.
  for (let d = 0; d <= lines.length; d++) {
    if (hint - d >= 0 && hint - d + block.length <= lines.length && matches(hint - d)) return hint - d;
    if (d > 0 && hint + d + block.length <= lines.length && matches(hint + d)) return hint + d;
  }
  return -1;
}

export type ChangeKind = 'add' | 'delete' | 'update';

/**
 * The before/after texts of one change. `onDisk` is the file's current content (undefined if missing),
 * `applied` whether the daemon has already written the change.
 */
export function sidesOfChange(kind: ChangeKind, diff: string, onDisk: string | undefined, applied: boolean): { before: string; after: string } {
  const plain = (d: string) => (isUnifiedDiff(d) ? applyHunks('', parseUnifiedDiff(d)) : d);
  switch (kind) {
    case 'add':
      return { before: '', after: applied && onDisk !== undefined ? onDisk : plain(diff) };
    case 'delete':
      return { before: !applied && onDisk !== undefined ? onDisk : isUnifiedDiff(diff) ? applyHunks('', parseUnifiedDiff(diff), true) : diff, after: '' };
    case 'update': {
      const current = onDisk ?? '';
      const hunks = parseUnifiedDiff(diff);
      return applied ? { before: applyHunks(current, hunks, true), after: current } : { before: current, after: applyHunks(current, hunks) };
    }
  }
}
