// The server's side of the query workers: threads that each hold the open copies of the database (a DuckDB instance
// of their own per copy) and answer questions on them, so a long computation never stalls the server's event loop and
// two questions run on two cores. A question goes to the least busy thread; replies come back by request id; a
// CensusError crosses over with its exit code. If a thread dies, its pending questions fail and a new one reopens the
// copies.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { Logger } from '../context.ts';
import { CensusError, type ExitCode } from '../errors.ts';
import type { Answers, Question } from './compute.ts';

export type WorkerRequest =
  | { id: number; type: 'open'; generation: number; location: string; readOnly?: boolean }
  | { id: number; type: 'close'; generation: number }
  | { id: number; type: 'ask'; generation: number; question: Question };
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; hint?: string | undefined; exitCode?: ExitCode; census: boolean } };

/** A copy every thread holds open, as a respawned thread must open it again. */
type OpenCopy = { location: string; readOnly: boolean };
type Pending = { resolve(v: unknown): void; reject(e: unknown): void };
type Without<T> = T extends unknown ? Omit<T, 'id'> : never;

// The worker runs TypeScript: register the same loader bin/census.js does, then load the worker module.
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./query-worker.ts', import.meta.url).href)}); })`;

/** One thread and the questions it has not answered yet. */
class Lane {
  private worker: Worker;
  private next = 1;
  readonly pending = new Map<number, Pending>();
  /** A thread that answered once is worth replacing when it dies; one that never started would fail again. */
  private answered = false;

  constructor(private readonly config: Config, private readonly log: Logger, private readonly open: ReadonlyMap<number, OpenCopy>, private readonly stopping: () => boolean) {
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
      if (this.stopping() || !this.answered) return;
      this.answered = false;
      this.worker = this.spawn();
      for (const [generation, { location, readOnly }] of this.open) void this.send({ type: 'open', generation, location, readOnly }).catch(() => {});
    });
    return w;
  }

  send(body: Without<WorkerRequest>): Promise<unknown> {
    const id = this.next++;
    if (this.worker.threadId === -1) return Promise.reject(new Error('the query worker is not running (see the warning above)'));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export class QueryExecutor {
  private readonly lanes: Lane[];
  private readonly open = new Map<number, OpenCopy>();
  private stopping = false;

  /** @param workers threads to run (at least one): more answer more distinct questions at once, each with its own memory. */
  constructor(config: Config, log: Logger, workers = 1) {
    this.lanes = Array.from({ length: Math.max(1, workers) }, () => new Lane(config, log, this.open, () => this.stopping));
  }

  /** Opens a copy in every thread; `readOnly` for a DuckDB copy made current by `prepareCopy` (each thread has its own instance). */
  async openCopy(generation: number, location: string, readOnly = false): Promise<void> {
    try {
      await Promise.all(this.lanes.map((l) => l.send({ type: 'open', generation, location, readOnly })));
    } catch (err) {
      await Promise.all(this.lanes.map((l) => l.send({ type: 'close', generation }).catch(() => {})));
      throw err;
    }
    this.open.set(generation, { location, readOnly });
  }

  async closeCopy(generation: number): Promise<void> {
    this.open.delete(generation);
    await Promise.all(this.lanes.map((l) => l.send({ type: 'close', generation })));
  }

  ask<Q extends Question>(generation: number, question: Q): Promise<Answers[Q['op']]> {
    const lane = this.lanes.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return lane.send({ type: 'ask', generation, question }) as Promise<Answers[Q['op']]>;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const generation of [...this.open.keys()]) await this.closeCopy(generation).catch(() => {});
    await Promise.all(this.lanes.map((l) => l.terminate()));
  }
}
