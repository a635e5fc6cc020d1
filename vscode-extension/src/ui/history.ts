// Thread history: pick a past thread, then resume / rename / fork / archive it. Each action tells the user
// plainly when the running daemon does not implement the method (-32601) instead of failing silently.
import * as vscode from 'vscode';
import { AppServerClient, RpcError } from '../client';
import type { Thread, ThreadListResponse, ThreadStartResponse } from '../protocol';
import type { ChatSession } from './session';

export async function callOrExplain(feature: string, run: () => Promise<unknown>): Promise<unknown | undefined> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof RpcError && e.isMethodNotFound) {
      vscode.window.showInformationMessage(`jcodex: this daemon does not support ${feature} yet (${e.message}).`);
      return undefined;
    }
    vscode.window.showErrorMessage(`jcodex: ${feature} failed: ${e instanceof Error ? e.message : e}`);
    return undefined;
  }
}

export async function showHistory(client: AppServerClient, session: ChatSession): Promise<void> {
  const res = (await callOrExplain('thread history (thread/list)', () =>
    client.request('thread/list', { limit: 50, sortKey: 'updated_at' }),
  )) as ThreadListResponse | undefined;
  if (!res) return;
  const threads = (res.data ?? []).filter((t): t is Thread & { id: string } => !!t.id);
  if (threads.length === 0) {
    vscode.window.showInformationMessage('jcodex: no saved threads yet.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    threads.map((t) => ({
      label: t.name || t.preview || '(empty thread)',
      description: t.updatedAt ? new Date(t.updatedAt * 1000).toLocaleString() : undefined,
      detail: `${t.id}${t.model ? ` · ${t.model}` : ''}${t.id === session.threadId ? ' · current' : ''}`,
      thread: t,
    })),
    { placeHolder: 'jcodex threads', matchOnDetail: true },
  );
  if (!picked) return;
  const action = await vscode.window.showQuickPick(['Resume', 'Rename', 'Fork', 'Archive'], { placeHolder: picked.label });
  const id = picked.thread.id;
  switch (action) {
    case 'Resume':
      await callOrExplain('resuming threads (thread/resume)', () => session.resume(id));
      break;
    case 'Rename': {
      const name = await vscode.window.showInputBox({ prompt: 'Thread name', value: picked.thread.name ?? '' });
      if (name !== undefined) await callOrExplain('renaming threads (thread/name/set)', () => client.request('thread/name/set', { threadId: id, name }));
      if (name !== undefined && id === session.threadId) {
        session.threadName = name;
        session.pushState();
      }
      break;
    }
    case 'Fork': {
      const forked = (await callOrExplain('forking threads (thread/fork)', () => client.request('thread/fork', { threadId: id }))) as
        | ThreadStartResponse
        | undefined;
      if (forked?.thread?.id) await callOrExplain('resuming threads (thread/resume)', () => session.resume(forked.thread!.id!));
      break;
    }
    case 'Archive':
      if ((await callOrExplain('archiving threads (thread/archive)', () => client.request('thread/archive', { threadId: id }))) !== undefined && id === session.threadId) {
        await session.newThread();
      }
      break;
  }
}

/** @file completion: the daemon's fuzzyFileSearch, or VS Code's file search when the daemon lacks it. */
export async function searchFiles(client: AppServerClient, query: string): Promise<string[]> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) return [];
  try {
    const res = await client.request('fuzzyFileSearch', { query, roots: [root], cancellationToken: null });
    return (res.files ?? []).map((f) => f.path ?? '').filter(Boolean).slice(0, 12);
  } catch (e) {
    if (!(e instanceof RpcError && e.isMethodNotFound)) throw e;
    const glob = `**/*${query.replace(/[*?{}[\]]/g, '')}*`;
    const uris = await vscode.workspace.findFiles(glob, '**/{node_modules,.git}/**', 12);
    return uris.map((u) => vscode.workspace.asRelativePath(u, false));
  }
}
