// The server's side of the query worker: one thread that holds the open copies of the database and answers
// questions on them, so a long computation never stalls the server's event loop. Replies come back by request id;
// a CensusError crosses over with its exit code. If the thread dies, pending questions fail and a new one reopens
// the copies.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { Logger } from '../context.ts';
import { CensusError, type ExitCode } from '../errors.ts';
import type { Answers, Question } from './compute.ts';

export type WorkerRequest =
  | { id: number; type: 'open'; generation: number; location: string }
  | { id: number; type: 'close'; generation: number }
  | { id: number; type: 'ask'; generation: number; question: Question };
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; hint?: string | undefined; exitCode?: ExitCode; census: boolean } };

type Pending = { resolve(v: unknown): void; reject(e: unknown): void };
type Without<T> = T extends unknown ? Omit<T, 'id'> : never;

// The worker runs TypeScript: register the same loader bin/census.js does, then load the worker module.
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./query-worker.ts', import.meta.url).href)}); })`;

export class QueryExecutor {
  private worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly open = new Map<number, string>();
  private stopping = false;
  /** A thread that answered once is worth replacing when it dies; one that never started would fail again. */
  private answered = false;

  constructor(private readonly config: Config, private readonly log: Logger) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(BOOT, { eval: true, workerData: { config: this.config } });
    w.on('message', (r: WorkerReply) => {
      this.answered = true;
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(r.error.census ? new CensusError(r.error.message, { hint: r.error.hint, exitCode: r.error.exitCode }) : new Error(r.error.message));
    });
    w.on('error', (err) => this.log.warn(`query worker failed: ${err.message}`));
    w.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`query worker stopped (exit ${code})`));
      this.pending.clear();
      if (this.stopping || !this.answered) return;
      this.answered = false;
      this.worker = this.spawn();
      for (const [generation, location] of this.open) void this.send({ type: 'open', generation, location }).catch(() => {});
    });
    return w;
  }

  private send(body: Without<WorkerRequest>): Promise<unknown> {
    const id = this.next++;
    if (this.worker.threadId === -1) return Promise.reject(new Error('the query worker is not running (see the warning above)'));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id });
    });
  }

  async openCopy(generation: number, location: string): Promise<void> {
    await this.send({ type: 'open', generation, location });
    this.open.set(generation, location);
  }

  async closeCopy(generation: number): Promise<void> {
    this.open.delete(generation);
    await this.send({ type: 'close', generation });
  }

  ask<Q extends Question>(generation: number, question: Q): Promise<Answers[Q['op']]> {
    return this.send({ type: 'ask', generation, question }) as Promise<Answers[Q['op']]>;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const generation of [...this.open.keys()]) await this.closeCopy(generation).catch(() => {});
    await this.worker.terminate();
  }
}
