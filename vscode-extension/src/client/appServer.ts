// The daemon as a typed object: spawns `jcodex app-server` over stdio, does the initialize handshake, sends
// typed requests (types from the GENERATED ../protocol), answers server→client requests through registered
// handlers, re-emits notifications as events, and restarts the daemon when it dies. No `vscode` import: the
// extension and the node tests use the same module.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type {
  ClientRequest,
  InitializeResponse,
  ResponsesByMethod,
  ServerNotification,
  ServerRequest,
} from '../protocol';
import { JsonRpcConnection, METHOD_NOT_FOUND, RpcError, type IncomingRequest } from './rpc';

export type ClientMethod = ClientRequest['method'];
export type ParamsOf<M extends ClientMethod> = Extract<ClientRequest, { method: M }>['params'];
export type ResultOf<M extends string> = M extends keyof ResponsesByMethod ? ResponsesByMethod[M] : unknown;
export type ServerRequestMethod = ServerRequest['method'];
export type ServerRequestParams<M extends ServerRequestMethod> = Extract<ServerRequest, { method: M }>['params'];
export type NotificationMethod = ServerNotification['method'];
type NotificationParamsByMethod = { [N in ServerNotification as N['method']]: N['params'] };
export type NotificationParams<M extends NotificationMethod> = NotificationParamsByMethod[M];

export type DaemonState = 'stopped' | 'starting' | 'ready' | 'restarting' | 'failed';

export interface AppServerOptions {
  /** Path of the jcodex launcher (or any Codex-compatible binary). */
  executable: string;
  /** Arguments before nothing else; default ["app-server"]. */
  args?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  clientName?: string;
  clientVersion?: string;
  /** Restarts allowed within restartWindowMs before giving up (state "failed"). */
  maxRestarts?: number;
  restartWindowMs?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Last lines the daemon wrote to stderr: what to show a user when it died. */
  stderrTail: string[];
  willRestart: boolean;
}

type ServerRequestHandler = (params: any, id: string | number) => Promise<unknown> | unknown;

export interface AppServerEvents {
  state: [DaemonState];
  notification: [ServerNotification];
  exit: [ExitInfo];
  restarted: [InitializeResponse];
  stderr: [string];
  protocolError: [string];
}

export class AppServerClient extends EventEmitter<AppServerEvents> {
  private proc: ChildProcessWithoutNullStreams | undefined;
  private rpc: JsonRpcConnection | undefined;
  private readonly handlers = new Map<string, ServerRequestHandler>();
  private readonly stderrTail: string[] = [];
  private restartTimes: number[] = [];
  private stopping = false;
  private _state: DaemonState = 'stopped';
  private _init: InitializeResponse | undefined;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: AppServerOptions) {
    super();
  }

  get state(): DaemonState {
    return this._state;
  }
  get initializeResult(): InitializeResponse | undefined {
    return this._init;
  }
  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** Spawns the daemon and completes the handshake. Rejects if it cannot be spawned or initialized. */
  async start(): Promise<InitializeResponse> {
    this.stopping = false;
    this.setState('starting');
    try {
      return await this.spawnAndInitialize();
    } catch (e) {
      this.setState('failed');
      throw e;
    }
  }

  /** Typed request for a method in the generated protocol. */
  request<M extends ClientMethod>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    return this.call(method, params) as Promise<ResultOf<M>>;
  }

  /**
   * Request for a method the generated protocol does not describe yet (thread/list, model/list, ...). The
   * result is `unknown` on purpose: callers check its shape, and an RpcError with isMethodNotFound means the
   * daemon lacks the feature.
   */
  call(method: string, params: unknown): Promise<unknown> {
    if (!this.rpc) return Promise.reject(new RpcError(-32099, `daemon not running; ${method} not sent`));
    return this.rpc.request(method, params ?? {});
  }

  /** Registers the answer to a server→client request (approvals). Unregistered methods get -32601. */
  handle<M extends ServerRequestMethod>(
    method: M,
    fn: (params: ServerRequestParams<M>, id: string | number) => Promise<ResultOf<M>> | ResultOf<M>,
  ): void {
    this.handlers.set(method, fn as ServerRequestHandler);
  }

  /** Waits for the next notification of `method` that satisfies `pred`. */
  waitFor<M extends NotificationMethod>(
    method: M,
    pred: (p: NotificationParams<M>) => boolean = () => true,
    timeoutMs = 30_000,
  ): Promise<NotificationParams<M>> {
    return new Promise<NotificationParams<M>>((resolve, reject) => {
      const t = setTimeout(() => {
        this.off('notification', on);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`));
      }, timeoutMs);
      const on = (n: ServerNotification) => {
        const params = n.params as unknown as NotificationParams<M>;
        if (n.method === method && pred(params)) {
          clearTimeout(t);
          this.off('notification', on);
          resolve(params);
        }
      };
      this.on('notification', on);
    });
  }

  /** Closes stdin (the daemon's cue to exit), then escalates to SIGTERM / SIGKILL if it lingers. */
  async stop(graceMs = 3000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) {
      this.setState('stopped');
      return;
    }
    const exited = new Promise<void>((r) => p.once('exit', () => r()));
    p.stdin.end();
    const timer = setTimeout(() => p.kill('SIGTERM'), graceMs);
    const killer = setTimeout(() => p.kill('SIGKILL'), graceMs * 2);
    await exited;
    clearTimeout(timer);
    clearTimeout(killer);
    this.setState('stopped');
  }

  /** Stops and starts again (the user's "Restart daemon" command). */
  async restart(): Promise<InitializeResponse> {
    await this.stop();
    const init = await this.start();
    this.emit('restarted', init);
    return init;
  }

  private setState(s: DaemonState): void {
    if (this._state !== s) {
      this._state = s;
      this.emit('state', s);
    }
  }

  private async spawnAndInitialize(): Promise<InitializeResponse> {
    const proc = spawn(this.opts.executable, this.opts.args ?? ['app-server'], {
      cwd: this.opts.cwd,
      env: this.opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc = proc;
    const spawned = new Promise<void>((resolve, reject) => {
      proc.once('spawn', resolve);
      proc.once('error', reject);
    });
    const rpc = new JsonRpcConnection(proc.stdout, proc.stdin, {
      onNotification: (method, params) => this.emit('notification', { method, params } as ServerNotification),
      onRequest: (req) => this.onServerRequest(req),
      onProtocolError: (m) => this.emit('protocolError', m),
    });
    this.rpc = rpc;
    proc.stdin.on('error', () => {}); // EPIPE when the daemon dies mid-write; 'exit' reports it
    let partial = '';
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => {
      partial += chunk;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) {
        this.stderrTail.push(l);
        if (this.stderrTail.length > 40) this.stderrTail.shift();
        this.emit('stderr', l);
      }
    });
    proc.once('exit', (code, signal) => this.onExit(proc, rpc, code, signal));
    await spawned;
    const init = (await rpc.request('initialize', {
      clientInfo: { name: this.opts.clientName ?? 'jcodex_vscode', title: 'jcodex for VS Code', version: this.opts.clientVersion ?? '0.1.0' },
      capabilities: { experimentalApi: true },
    })) as InitializeResponse;
    rpc.notify('initialized');
    this._init = init;
    this.setState('ready');
    return init;
  }

  private async onServerRequest(req: IncomingRequest): Promise<unknown> {
    const h = this.handlers.get(req.method);
    if (!h) throw new RpcError(METHOD_NOT_FOUND, `client does not handle ${req.method}`);
    return h(req.params, req.id);
  }

  private onExit(proc: ChildProcessWithoutNullStreams, rpc: JsonRpcConnection, code: number | null, signal: NodeJS.Signals | null): void {
    rpc.close(`daemon exited (code ${code}, signal ${signal})`);
    if (this.proc !== proc) return;
    this.proc = undefined;
    this.rpc = undefined;
    const now = Date.now();
    const window = this.opts.restartWindowMs ?? 60_000;
    this.restartTimes = this.restartTimes.filter((t) => now - t < window);
    const willRestart = !this.stopping && this.restartTimes.length < (this.opts.maxRestarts ?? 5);
    this.emit('exit', { code, signal, stderrTail: [...this.stderrTail], willRestart });
    if (this.stopping) return;
    if (!willRestart) {
      this.setState('failed');
      return;
    }
    this.restartTimes.push(now);
    this.setState('restarting');
    // Back off so a daemon that dies at start-up does not spin the CPU.
    const delay = Math.min(250 * 2 ** (this.restartTimes.length - 1), 5000);
    this.restartTimer = setTimeout(() => {
      this.spawnAndInitialize().then(
        (init) => this.emit('restarted', init),
        (e) => {
          this.emit('protocolError', `restart failed: ${e instanceof Error ? e.message : e}`);
          if (!this.proc) this.setState('failed');
        },
      );
    }, delay);
  }
}
