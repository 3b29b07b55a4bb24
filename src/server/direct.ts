// A database server (ClickHouse) has readers beside its writers already: the dashboard reads it directly, no copy.
import type { Config } from '../config.ts';
import type { QueryExecutor } from './executor.ts';
import type { SnapshotState } from './snapshot.ts';

/** Which open copy a request reads (`generation`), and under which key its answers are cached. */
export interface Lease { generation: number; cacheKey: string }

/** Where the dashboard's answers come from: a private copy of a DuckDB file, or a database server read live. */
export interface DataSource {
  start(): Promise<void>;
  use<T>(fn: (lease: Lease) => Promise<T>): Promise<T>;
  state(): SnapshotState;
  close(): Promise<void>;
}

/** Read live, answers are cached for at most this long. */
const LIVE_ANSWER_MS = 60_000;

export class DirectSource implements DataSource {
  constructor(private readonly config: Config, private readonly executor: QueryExecutor) {}

  async start(): Promise<void> {
    await this.executor.openCopy(1, this.config.db);
  }

  use<T>(fn: (lease: Lease) => Promise<T>): Promise<T> {
    return fn({ generation: 1, cacheKey: `live-${Math.floor(Date.now() / LIVE_ANSWER_MS)}` });
  }

  state(): SnapshotState {
    return { generation: 1, takenAt: null, sourceModifiedAt: null, writerActive: false, waiting: null, ready: true };
  }

  async close(): Promise<void> {
    await this.executor.closeCopy(1);
  }
}
