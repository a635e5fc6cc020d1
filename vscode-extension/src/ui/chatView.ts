// The sidebar chat webview: static HTML + media/chat.js; all state lives in ChatSession.
import * as vscode from 'vscode';
import { AppServerClient } from '../client';
import { searchFiles, showHistory } from './history';
import { modeById } from './modes';
import type { ChatSession, ToWebview } from './session';

export class ChatViewProvider implements vscode.WebviewViewProvider {
  static readonly viewId = 'jcodex.chat';
  private view: vscode.WebviewView | undefined;
  private backlog: ToWebview[] = [];

  constructor(private readonly extUri: vscode.Uri, private readonly client: AppServerClient, private readonly session: ChatSession) {
    session.attach((m) => this.post(m));
  }

  private post(m: ToWebview): void {
    if (this.view) void this.view.webview.postMessage(m);
    else this.backlog.push(m);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    const js = view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'chat.js'));
    const css = view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'chat.css'));
    const nonce = Math.random().toString(36).slice(2) + Date.now().toString(36);
    view.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${view.webview.cspSource}; script-src 'nonce-${nonce}';">
<link rel="stylesheet" href="${css}"></head><body>
<div id="toolbar">
  <span id="title">New thread</span>
  <button id="new" title="New thread">New</button><button id="history" title="Thread history">History</button>
  <button id="stop" title="Interrupt the running turn" disabled>Stop</button>
</div>
<div id="log" aria-live="polite"></div>
<div id="composer">
  <div id="mentions" hidden></div>
  <textarea id="prompt" rows="3" placeholder="Ask jcodex… (@ to mention a file, Enter to send)"></textarea>
  <div id="controls">
    <select id="model" title="Model"></select>
    <select id="effort" title="Reasoning effort"></select>
    <select id="mode" title="Approvals and sandbox"></select>
    <label title="Send the active file and selection"><input type="checkbox" id="autoContext"> context</label>
    <button id="send">Send</button>
  </div>
</div>
<div id="status"></div>
<script nonce="${nonce}" src="${js}"></script></body></html>`;
    view.webview.onDidReceiveMessage((m) => this.onMessage(m).catch((e) => this.post({ type: 'notice', level: 'error', text: String(e?.message ?? e) })));
    view.onDidDispose(() => (this.view = undefined));
  }

  private async onMessage(m: any): Promise<void> {
    const s = this.session;
    switch (m.type) {
      case 'ready': {
        const pending = this.backlog;
        this.backlog = [];
        for (const b of pending) this.post(b);
        s.pushState();
        break;
      }
      case 'send':
        await s.send(String(m.text ?? ''), Array.isArray(m.mentions) ? m.mentions.map(String) : []);
        break;
      case 'interrupt':
        await s.interrupt();
        break;
      case 'newThread':
        await s.newThread();
        break;
      case 'history':
        await showHistory(this.client, s);
        break;
      case 'approve':
        s.answer(String(m.requestId), m.decision);
        break;
      case 'openDiff':
        await s.openDiff(String(m.itemId), Number(m.index));
        break;
      case 'acceptChange':
        s.acceptChange(String(m.itemId), Number(m.index));
        break;
      case 'rejectChange':
        await s.rejectChange(String(m.itemId), Number(m.index));
        break;
      case 'setModel':
        s.model = String(m.value) || undefined;
        s.pushState();
        break;
      case 'setEffort':
        s.effort = String(m.value);
        s.pushState();
        break;
      case 'setMode':
        s.mode = modeById(String(m.value));
        s.pushState();
        break;
      case 'setAutoContext':
        s.autoContext = !!m.value;
        s.pushState();
        break;
      case 'mentionQuery':
        this.post({ type: 'mentionResults', query: m.query, files: await searchFiles(this.client, String(m.query ?? '')) });
        break;
    }
  }
}
