// One chat: the current thread, its running turn, pending approvals, and the bridge between daemon events and
// the webview. Methods a daemon may lack (model/list, thread/resume, ...) degrade to a message or a VS Code
// fallback on -32601.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { AppServerClient, FollowUpQueue, RpcError, steerOrQueue } from '../client';
import type { ServerNotification, ThreadItem, ThreadItemFileChange, UserInput } from '../protocol';
import { ChangeDiffs } from './diffs';
import { EFFORTS, MODES, modeById, sandboxPolicyOf, type Mode } from './modes';

export type ToWebview = Record<string, unknown> & { type: string };
type Decision = 'accept' | 'acceptForSession' | 'decline' | 'cancel';

interface PendingApproval {
  resolve(decision: Decision): void;
  threadId: string;
}

export class ChatSession implements vscode.Disposable {
  threadId: string | undefined;
  threadName: string | undefined;
  turnId: string | undefined;
  model: string | undefined;
  models: string[] = [];
  effort: string;
  mode: Mode;
  autoContext: boolean;
  private readonly items = new Map<string, ThreadItem>();
  private readonly approvals = new Map<string, PendingApproval>();
  private readonly followUps = new FollowUpQueue();
  private post: (m: ToWebview) => void = () => {};
  private readonly disposables: vscode.Disposable[] = [];
  private readonly stateListeners: Array<() => void> = [];

  constructor(private readonly client: AppServerClient, private readonly diffs: ChangeDiffs, private readonly cfg: vscode.WorkspaceConfiguration) {
    this.model = cfg.get<string>('model') || undefined;
    this.effort = cfg.get<string>('reasoningEffort') || 'medium';
    this.mode = modeById(cfg.get<string>('approvalMode'));
    this.autoContext = cfg.get<boolean>('autoContext') ?? true;
    const onNotification = (n: ServerNotification) => this.onNotification(n);
    client.on('notification', onNotification);
    this.disposables.push({ dispose: () => client.off('notification', onNotification) });
    client.handle('item/commandExecution/requestApproval', (params, id) =>
      this.ask(String(id), params.threadId ?? '', { kind: 'command', command: params.command, cwd: params.cwd, reason: params.reason, itemId: params.itemId }).then((decision) => ({ decision })),
    );
    client.handle('item/fileChange/requestApproval', (params, id) => {
      const item = params.itemId ? this.items.get(params.itemId) : undefined;
      return this.ask(String(id), params.threadId ?? '', { kind: 'fileChange', reason: params.reason, itemId: params.itemId, changes: item?.type === 'fileChange' ? item.changes : [] }).then((decision) => ({ decision }));
    });
  }

  attach(post: (m: ToWebview) => void): void {
    this.post = post;
  }

  onStateChange(fn: () => void): void {
    this.stateListeners.push(fn);
  }

  get turnActive(): boolean {
    return this.turnId !== undefined;
  }

  /** Everything the webview's toolbar and pickers show. */
  pushState(): void {
    this.post({
      type: 'state',
      daemon: this.client.state,
      threadId: this.threadId ?? null,
      threadName: this.threadName ?? null,
      turnActive: this.turnActive,
      model: this.model ?? '',
      models: this.models,
      effort: this.effort,
      efforts: [...EFFORTS],
      mode: this.mode.id,
      modes: MODES.map((m) => ({ id: m.id, label: m.label })),
      autoContext: this.autoContext,
      root: this.workspaceRoot() ?? null,
    });
    for (const l of this.stateListeners) l();
  }

  async loadModels(): Promise<void> {
    try {
      const res = await this.client.request('model/list', {});
      const visible = (res.data ?? []).filter((m) => !m.hidden);
      this.models = visible.map((m) => m.model ?? m.id ?? '').filter(Boolean);
      if (!this.model) this.model = visible.find((m) => m.isDefault)?.model ?? undefined;
    } catch (e) {
      if (!(e instanceof RpcError && e.isMethodNotFound)) throw e;
      this.models = []; // the picker falls back to the thread's model and free text
    }
    this.pushState();
  }

  private workspaceRoot(): string | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  }

  async newThread(): Promise<void> {
    this.threadId = undefined;
    this.threadName = undefined;
    this.turnId = undefined;
    this.items.clear();
    this.post({ type: 'reset' });
    this.pushState();
  }

  private async ensureThread(): Promise<string> {
    if (this.threadId) return this.threadId;
    const res = await this.client.request('thread/start', {
      cwd: this.workspaceRoot() ?? null,
      model: this.model ?? null,
      approvalPolicy: this.mode.approvalPolicy,
      sandbox: this.mode.sandbox,
    });
    this.threadId = res.thread?.id ?? undefined;
    if (!this.threadId) throw new Error('thread/start returned no thread id');
    this.model = res.model ?? this.model;
    if (this.model && !this.models.includes(this.model)) this.models = [this.model, ...this.models];
    this.pushState();
    return this.threadId;
  }

  async send(text: string, mentions: string[]): Promise<void> {
    const input: UserInput[] = [{ type: 'text', text: text + this.contextBlock(mentions) }];
    if (this.turnActive && this.threadId && this.turnId) {
      // typed while the agent works: fold it into the running turn, or keep it for the next one
      const r = await steerOrQueue(this.client, this.threadId, this.turnId, input, this.followUps);
      this.post({ type: 'notice', level: 'info', text: r.kind === 'steered'
        ? 'Added to the running turn.'
        : `Queued (${this.followUps.size}); it is sent when the current turn ends.` });
      return;
    }
    await this.startTurn(input);
  }

  private async startTurn(input: UserInput[]): Promise<void> {
    const threadId = await this.ensureThread();
    const res = await this.client.request('turn/start', {
      threadId,
      input,
      model: this.model ?? null,
      effort: this.effort,
      approvalPolicy: this.mode.approvalPolicy,
      sandboxPolicy: sandboxPolicyOf(this.mode),
    });
    this.turnId = res.turn?.id ?? undefined;
    this.pushState();
  }

  private returnQueued(): void {
    const texts = this.followUps.take().map((i) => (i.type === 'text' ? i.text : '')).filter((t) => t);
    if (texts.length) {
      this.post({ type: 'notice', level: 'warning',
        text: `The turn was interrupted, so your queued message was not sent:\n${texts.join('\n\n')}` });
    }
  }

  /** After a turn ends: what the user typed meanwhile (and could not steer in) starts the next turn. */
  private sendQueued(): void {
    const queued = this.followUps.take();
    if (!queued.length) return;
    this.startTurn(queued).catch((e) => this.post({ type: 'notice', level: 'error',
      text: `Could not send the queued message: ${e instanceof Error ? e.message : String(e)}` }));
  }

  /** Editor context (active file, selection) and @file mentions, as text the model reads after the prompt. */
  private contextBlock(mentions: string[]): string {
    const parts: string[] = [];
    const root = this.workspaceRoot();
    const ed = vscode.window.activeTextEditor;
    if (this.autoContext && ed && ed.document.uri.scheme === 'file') {
      const rel = root ? path.relative(root, ed.document.uri.fsPath) : ed.document.uri.fsPath;
      parts.push(`Active file: ${rel}`);
      if (!ed.selection.isEmpty) {
        const s = ed.selection;
        parts.push(`Selection (lines ${s.start.line + 1}-${s.end.line + 1}):\n\`\`\`\n${ed.document.getText(s)}\n\`\`\``);
      }
    }
    for (const m of mentions) parts.push(`Mentioned file: ${root ? path.join(root, m) : m}`);
    return parts.length ? `\n\n<editor_context>\n${parts.join('\n')}\n</editor_context>` : '';
  }

  async interrupt(): Promise<void> {
    if (!this.threadId || !this.turnId) return;
    await this.client.request('turn/interrupt', { threadId: this.threadId, turnId: this.turnId });
  }

  answer(requestId: string, decision: Decision): void {
    const p = this.approvals.get(requestId);
    if (!p) return;
    this.approvals.delete(requestId);
    p.resolve(decision);
    this.post({ type: 'approvalResolved', requestId, decision });
  }

  private ask(requestId: string, threadId: string, card: Record<string, unknown>): Promise<Decision> {
    return new Promise<Decision>((resolve) => {
      this.approvals.set(requestId, { resolve, threadId });
      this.post({ type: 'approval', requestId, ...card });
      void vscode.commands.executeCommand('jcodex.chat.focus');
    });
  }

  /** Cards whose request the daemon withdrew (interrupt, restart) are closed; their promises settle as cancel. */
  private dropApprovals(pred: (id: string, p: PendingApproval) => boolean): void {
    for (const [id, p] of [...this.approvals]) {
      if (!pred(id, p)) continue;
      this.approvals.delete(id);
      p.resolve('cancel');
      this.post({ type: 'approvalResolved', requestId: id, decision: 'withdrawn' });
    }
  }

  async openDiff(itemId: string, index: number): Promise<void> {
    const item = this.items.get(itemId);
    if (item?.type === 'fileChange') await this.diffs.open(item, index);
  }

  async rejectChange(itemId: string, index: number): Promise<void> {
    const item = this.items.get(itemId);
    if (item?.type !== 'fileChange') return;
    const file = await this.diffs.reject(item as ThreadItemFileChange, index);
    this.post({ type: 'changeReviewed', itemId, index, verdict: 'rejected' });
    vscode.window.showInformationMessage(`jcodex: reverted ${path.basename(file)}`);
  }

  acceptChange(itemId: string, index: number): void {
    this.post({ type: 'changeReviewed', itemId, index, verdict: 'accepted' });
  }

  /** After the daemon restarts: pending cards are void; the thread is resumed when the daemon can. */
  async onDaemonRestarted(): Promise<void> {
    this.dropApprovals(() => true);
    this.turnId = undefined;
    const old = this.threadId;
    if (old) {
      try {
        await this.resume(old);
        return;
      } catch {
        this.post({ type: 'notice', level: 'warning', text: 'The daemon restarted; the next message starts a new thread.' });
        this.threadId = undefined;
      }
    }
    this.pushState();
  }

  async resume(threadId: string): Promise<void> {
    const res = await this.client.request('thread/resume', { threadId });
    this.threadId = res.thread?.id ?? threadId;
    this.threadName = res.thread?.name ?? undefined;
    this.turnId = undefined;
    this.items.clear();
    this.post({ type: 'reset' });
    for (const turn of res.thread?.turns ?? []) {
      for (const item of turn.items ?? []) {
        if (item.id) this.items.set(item.id, item);
        this.post({ type: 'item', phase: 'completed', item });
      }
    }
    if (res.model) this.model = res.model;
    this.pushState();
  }

  private onNotification(n: ServerNotification): void {
    const p = n.params as { threadId?: string | null };
    if (n.method === 'thread/started' || n.method === 'configWarning') return;
    if (p?.threadId && p.threadId !== this.threadId) return;
    switch (n.method) {
      case 'turn/started':
        this.turnId = n.params.turn?.id ?? this.turnId;
        this.post({ type: 'turn', status: 'started' });
        this.pushState();
        break;
      case 'turn/completed':
        if (n.params.turn?.id === this.turnId) this.turnId = undefined;
        this.dropApprovals((_, a) => a.threadId === this.threadId);
        this.post({ type: 'turn', status: n.params.turn?.status, error: n.params.turn?.error?.message ?? null });
        this.pushState();
        // an interrupt means "stop": queued follow-ups are not sent on their own, but shown so nothing typed is lost
        if (n.params.turn?.status === 'interrupted') this.returnQueued();
        else this.sendQueued();
        break;
      case 'item/started':
      case 'item/completed':
        if (n.params.item?.id) this.items.set(n.params.item.id, n.params.item);
        this.post({ type: 'item', phase: n.method === 'item/started' ? 'started' : 'completed', item: n.params.item });
        break;
      case 'item/agentMessage/delta':
        this.post({ type: 'delta', kind: 'agent', itemId: n.params.itemId, text: n.params.delta });
        break;
      case 'item/reasoning/summaryTextDelta':
      case 'item/reasoning/textDelta':
        this.post({ type: 'delta', kind: 'reasoning', itemId: n.params.itemId, text: n.params.delta });
        break;
      case 'item/commandExecution/outputDelta':
      case 'item/fileChange/outputDelta':
        this.post({ type: 'delta', kind: 'output', itemId: n.params.itemId, text: n.params.delta });
        break;
      case 'turn/plan/updated':
        this.post({ type: 'plan', explanation: n.params.explanation, plan: n.params.plan });
        break;
      case 'serverRequest/resolved':
        this.dropApprovals((id) => id === String(n.params.requestId));
        break;
      case 'error':
        this.post({ type: 'notice', level: n.params.willRetry ? 'warning' : 'error', text: n.params.error?.message ?? 'error' });
        break;
      case 'warning':
        this.post({ type: 'notice', level: 'warning', text: n.params.message ?? '' });
        break;
      case 'thread/tokenUsage/updated':
        this.post({ type: 'usage', total: n.params.tokenUsage?.total?.totalTokens ?? null, window: n.params.tokenUsage?.modelContextWindow ?? null });
        break;
      case 'thread/name/updated':
        this.threadName = n.params.threadName ?? undefined;
        this.pushState();
        break;
    }
  }

  dispose(): void {
    this.dropApprovals(() => true);
    for (const d of this.disposables) d.dispose();
  }
}
