// A message the user sends while a turn is running. The daemon can fold it into that turn (turn/steer), which is
// what the user means most of the time ("also update the README"). When it cannot — the turn ended a moment ago, a
// review turn is not steerable — the message waits in a queue and starts the next turn once this one completes,
// so nothing the user typed is dropped or rejected with "busy".
import type { AppServerClient } from './appServer';
import type { UserInput } from '../protocol';
import { RpcError } from './rpc';

export type FollowUp = { kind: 'steered'; turnId: string } | { kind: 'queued'; reason: string };

export async function steerOrQueue(client: AppServerClient, threadId: string, turnId: string,
                                   input: UserInput[], queue: FollowUpQueue): Promise<FollowUp> {
  try {
    const res = await client.request('turn/steer', { threadId, input, expectedTurnId: turnId });
    return { kind: 'steered', turnId: (res as { turnId?: string }).turnId ?? turnId };
  } catch (e) {
    if (!(e instanceof RpcError)) throw e;
    queue.push(input);
    return { kind: 'queued', reason: e.message };
  }
}

/** Inputs waiting for the running turn to end; taken together as one turn, in the order they were typed. */
export class FollowUpQueue {
  private items: UserInput[][] = [];

  push(input: UserInput[]): void { this.items.push(input); }

  get size(): number { return this.items.length; }

  /** Everything queued, as the input of one turn (empty when nothing waits). */
  take(): UserInput[] {
    const all = this.items.flat();
    this.items = [];
    return all;
  }

  clear(): void { this.items = []; }
}
