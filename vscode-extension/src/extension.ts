// Entry point: starts the daemon client, the chat view, the diff provider, commands and the status bar item.
import * as vscode from 'vscode';
import { AppServerClient, type DaemonState } from './client';
import { ChatViewProvider } from './ui/chatView';
import { ChangeDiffs, DIFF_SCHEME } from './ui/diffs';
import { showHistory } from './ui/history';
import { MODES } from './ui/modes';
import { ChatSession } from './ui/session';

let client: AppServerClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('jcodex');
  const out = vscode.window.createOutputChannel('jcodex');
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const env = { ...process.env, ...(cfg.get<Record<string, string>>('environment') ?? {}) };
  client = new AppServerClient({
    executable: cfg.get<string>('executablePath') || 'jcodex',
    cwd,
    env,
    clientName: 'jcodex_vscode',
    clientVersion: String(context.extension.packageJSON.version ?? '0.0.0'),
  });
  const c = client;
  const diffs = new ChangeDiffs();
  const session = new ChatSession(c, diffs, cfg);
  const view = new ChatViewProvider(context.extensionUri, c, session);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  status.command = 'jcodex.chat.focus';
  const renderStatus = () => {
    const s: DaemonState = c.state;
    const icon = s === 'ready' ? (session.turnActive ? '$(sync~spin)' : '$(comment-discussion)') : s === 'failed' ? '$(error)' : '$(loading~spin)';
    const word = s === 'ready' ? (session.turnActive ? 'working' : 'ready') : s;
    status.text = `${icon} jcodex: ${word}`;
    status.tooltip = `jcodex daemon ${s}${c.initializeResult?.userAgent ? `\n${c.initializeResult.userAgent}` : ''}${session.threadId ? `\nthread ${session.threadId}` : ''}`;
    status.backgroundColor = s === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  };
  status.show();
  c.on('state', () => {
    renderStatus();
    session.pushState();
  });
  session.onStateChange(renderStatus);
  c.on('stderr', (l) => out.appendLine(l));
  c.on('protocolError', (m) => out.appendLine(`[protocol] ${m}`));
  c.on('exit', (info) => {
    out.appendLine(`[daemon] exited code=${info.code} signal=${info.signal}`);
    const why = info.signal ? `signal ${info.signal}` : `code ${info.code}`;
    if (info.willRestart) vscode.window.showWarningMessage(`jcodex daemon exited (${why}); restarting it.`);
    else if (c.state !== 'stopped')
      void vscode.window.showErrorMessage(`jcodex daemon exited (${why}) and keeps failing. ${info.stderrTail.slice(-3).join(' ')}`, 'Restart').then((a) => {
        if (a === 'Restart') void vscode.commands.executeCommand('jcodex.restartDaemon');
      });
  });
  c.on('restarted', () => {
    vscode.window.showInformationMessage('jcodex daemon restarted.');
    void session.onDaemonRestarted();
  });

  context.subscriptions.push(
    out,
    status,
    session,
    vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, diffs),
    vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, view, { webviewOptions: { retainContextWhenHidden: true } }),
    vscode.commands.registerCommand('jcodex.newThread', () => session.newThread()),
    vscode.commands.registerCommand('jcodex.history', () => showHistory(c, session)),
    vscode.commands.registerCommand('jcodex.interrupt', () => session.interrupt()),
    vscode.commands.registerCommand('jcodex.restartDaemon', async () => {
      await c.restart().catch((e) => vscode.window.showErrorMessage(`jcodex: restart failed: ${e.message}`));
    }),
    vscode.commands.registerCommand('jcodex.pickMode', async () => {
      const p = await vscode.window.showQuickPick(MODES.map((m) => ({ label: m.label, detail: m.detail, id: m.id })), { placeHolder: 'Approvals and sandbox' });
      if (p) {
        session.mode = MODES.find((m) => m.id === p.id)!;
        session.pushState();
      }
    }),
    vscode.commands.registerCommand('jcodex.addSelection', async () => {
      session.autoContext = true;
      session.pushState();
      await vscode.commands.executeCommand('jcodex.chat.focus');
    }),
    { dispose: () => void c.stop() },
  );
  renderStatus();
  try {
    await c.start();
    await session.loadModels().catch((e) => out.appendLine(`[model/list] ${e.message}`));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    out.appendLine(`[daemon] failed to start: ${msg}`);
    void vscode.window.showErrorMessage(`jcodex: cannot start the daemon (${msg}). Set jcodex.executablePath.`, 'Open Settings').then((a) => {
      if (a) void vscode.commands.executeCommand('workbench.action.openSettings', 'jcodex.executablePath');
    });
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
