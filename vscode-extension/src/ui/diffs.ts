// Native diff editors for the agent's file changes, and Accept (keep) / Reject (restore the before side).
import * as vscode from 'vscode';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { FileUpdateChange, ThreadItemFileChange } from '../protocol';
import { sidesOfChange, type ChangeKind } from '../review/unifiedDiff';

export const DIFF_SCHEME = 'jcodex-diff';

export class ChangeDiffs implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens VS Code's diff editor on one change of a fileChange item. */
  async open(item: ThreadItemFileChange, index: number): Promise<void> {
    const change = item.changes?.[index];
    if (!change?.path) return;
    const sides = await this.sides(item, change);
    const name = path.basename(change.path);
    const key = `${item.id}/${index}`;
    const before = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${key}/before/${name}` });
    const after = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${key}/after/${name}` });
    this.contents.set(before.toString(), sides.before);
    this.contents.set(after.toString(), sides.after);
    this.changed.fire(before);
    this.changed.fire(after);
    await vscode.commands.executeCommand('vscode.diff', before, after, `${name} (jcodex: ${kindOf(change)})`, { preview: true });
  }

  /** Undoes an applied change on disk: writes back the before side (or removes an added file). */
  async reject(item: ThreadItemFileChange, index: number): Promise<string> {
    const change = item.changes?.[index];
    if (!change?.path) throw new Error('no such change');
    if (item.status !== 'completed') throw new Error('the change was not applied');
    const { before } = await this.sides(item, change);
    const kind = kindOf(change);
    if (kind === 'add') await fs.rm(change.path, { force: true });
    else await fs.writeFile(change.path, before);
    return change.path;
  }

  private async sides(item: ThreadItemFileChange, change: FileUpdateChange): Promise<{ before: string; after: string }> {
    const onDisk = await fs.readFile(change.path!, 'utf8').catch(() => undefined);
    try {
      return sidesOfChange(kindOf(change), change.diff ?? '', onDisk, item.status === 'completed');
    } catch {
      // The file moved on since the change (edited again): show the raw diff rather than a wrong reconstruction.
      return { before: '', after: change.diff ?? '' };
    }
  }
}

function kindOf(c: FileUpdateChange): ChangeKind {
  return (c.kind?.type ?? 'update') as ChangeKind;
}
