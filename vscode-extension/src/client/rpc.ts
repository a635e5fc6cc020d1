// JSON-RPC 2.0 over JSONL (one message per line), the app-server's stdio framing. Knows nothing about VS Code or
// about which methods exist: the AppServerClient on top gives it types.
import type { Readable, Writable } from 'node:stream';

export type RequestId = string | number;

/** A JSON-RPC error answered by the peer (or made locally when the connection dies). */
export class RpcError extends Error {
  constructor(readonly code: number, message: string, readonly data?: unknown) {
    super(message);
    this.name = 'RpcError';
  }
  /** -32601: the daemon does not implement this method (yet); UI features degrade on it. */
  get isMethodNotFound(): boolean {
    return this.code === METHOD_NOT_FOUND;
  }
}

export const METHOD_NOT_FOUND = -32601;
export const INTERNAL_ERROR = -32603;
/** Local code for requests cut off because the daemon exited. Outside the spec's reserved range on purpose. */
export const CONNECTION_CLOSED = -32099;

export interface IncomingRequest {
  id: RequestId;
  method: string;
  params: unknown;
}

export interface RpcHandlers {
  onNotification(method: string, params: unknown): void;
  /** Resolves to the result or throws (an RpcError keeps its code; anything else becomes -32603). */
  onRequest(req: IncomingRequest): Promise<unknown>;
  onProtocolError(message: string): void;
}

interface Pending {
  method: string;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

export class JsonRpcConnection {
  private nextId = 1;
  private readonly pending = new Map<RequestId, Pending>();
  private buffer = '';
  private closed = false;

  constructor(private readonly input: Readable, private readonly output: Writable, private readonly h: RpcHandlers) {
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => this.onData(chunk));
  }

  request(method: string, params: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new RpcError(CONNECTION_CLOSED, `connection closed; ${method} not sent`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject });
      this.send({ id, method, params: params ?? {} });
    });
  }

  notify(method: string, params?: unknown): void {
    if (!this.closed) this.send(params === undefined ? { method } : { method, params });
  }

  /** Fails every request still waiting; called when the process behind the streams is gone. */
  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const [, p] of this.pending) p.reject(new RpcError(CONNECTION_CLOSED, `${p.method}: ${reason}`));
    this.pending.clear();
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private send(msg: object): void {
    this.output.write(JSON.stringify(msg) + '\n');
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line) this.onLine(line);
    }
  }

  private onLine(line: string): void {
    let msg: any;
    try {
      msg = JSON.parse(line);
    } catch {
      this.h.onProtocolError(`unparsable line from daemon: ${line.slice(0, 200)}`);
      return;
    }
    if (msg === null || typeof msg !== 'object') {
      this.h.onProtocolError(`non-object message from daemon: ${line.slice(0, 200)}`);
      return;
    }
    const hasId = msg.id !== undefined && msg.id !== null;
    if (typeof msg.method === 'string') {
      if (hasId) void this.answer({ id: msg.id, method: msg.method, params: msg.params });
      else this.h.onNotification(msg.method, msg.params);
      return;
    }
    if (hasId && ('result' in msg || 'error' in msg)) {
      const p = this.pending.get(msg.id);
      if (!p) {
        this.h.onProtocolError(`response for unknown id ${JSON.stringify(msg.id)}`);
        return;
      }
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new RpcError(msg.error.code, msg.error.message ?? 'error', msg.error.data));
      else p.resolve(msg.result);
      return;
    }
    this.h.onProtocolError(`unrecognised message from daemon: ${line.slice(0, 200)}`);
  }

  private async answer(req: IncomingRequest): Promise<void> {
    try {
      const result = await this.h.onRequest(req);
      if (!this.closed) this.send({ id: req.id, result: result ?? {} });
    } catch (e) {
      const err = e instanceof RpcError ? e : new RpcError(INTERNAL_ERROR, e instanceof Error ? e.message : String(e));
      if (!this.closed) {
        this.send({ id: req.id, error: { code: err.code, message: err.message, ...(err.data === undefined ? {} : { data: err.data }) } });
      }
    }
  }
}
