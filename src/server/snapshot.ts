// The dashboard's view of the census database: a private copy, refreshed when the file changed and no writer holds it.
// An ingest therefore never waits for the dashboard, and the dashboard keeps answering (from the last copy) during one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import type { DataSource, Lease } from './direct.ts';
import type { QueryExecutor } from './executor.ts';
import { copyQuiescent, fileSignature, prepareCopy, removeCopy } from '../store/duckdb-snapshot.ts';

interface Generation {
  number: number;
  path: string;
  signature: string;
  takenAt: Date;
  sourceModifiedAt: Date;
  leases: number;
  retired: boolean;
  /** Warming is over: the default views' answers are computed on this copy (or failed, with a warning). */
  warm: boolean;
}

export interface SnapshotState {
  generation: number;
  takenAt: string | null;
  sourceModifiedAt: string | null;
  /** A writer (an ingest, a rebuild) holds the database now; answers come from the copy taken before it. */
  writerActive: boolean;
  /** Set until the first copy exists: why there is nothing to show yet. */
  waiting: string | null;
  /** The answers the dashboard asks first (DEFAULT_QUESTIONS, the footer, the filters) are computed: views load at once. */
  ready: boolean;
}

export interface SnapshotOptions {
  pollMs: number;
  /** Where copies live (default: a fresh folder under the system temp dir, removed on close). */
  dir?: string;
  log: Logger;
  /** Warms the answers of a new copy: before it replaces the previous one, or beside it when it is the first. */
  prepare?(lease: Lease): Promise<void>;
}

export class SnapshotSource implements DataSource {
  private current: Generation | null = null;
  private writerActive = false;
  private waiting: string | null = 'the first copy of the database is being taken';
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<boolean> | null = null;
  private closed = false;
  private readonly dir: string;

  constructor(private readonly config: Config, private readonly executor: QueryExecutor, private readonly opts: SnapshotOptions) {
    this.dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'census-serve-'));
  }

  /** Takes the first copy (when it can) and keeps checking every pollMs. */
  async start(): Promise<void> {
    if (fileSignature(this.config.db) === null) {
      throw new CensusError(`no census database at ${this.config.db}`, { hint: 'run `census scan ...` first, or give --db', exitCode: ExitCode.notFound });
    }
    await this.refresh();
    const tick = () => {
      this.timer = setTimeout(() => { void this.refresh().finally(() => { if (!this.closed) tick(); }); }, this.opts.pollMs);
    };
    tick();
  }

  state(): SnapshotState {
    const g = this.current;
    return {
      generation: g?.number ?? 0, takenAt: g?.takenAt.toISOString() ?? null, sourceModifiedAt: g?.sourceModifiedAt.toISOString() ?? null,
      writerActive: this.writerActive, waiting: g ? null : this.waiting, ready: g?.warm ?? false,
    };
  }

  /** Runs fn on the current copy; the copy is not closed under it even if a newer one arrives meanwhile. */
  async use<T>(fn: (lease: Lease) => Promise<T>): Promise<T> {
    const g = this.current;
    if (!g) throw new CensusError(`no data to show yet: ${this.waiting ?? 'starting'}`, { hint: 'the dashboard retries by itself', exitCode: ExitCode.busy });
    g.leases++;
    try {
      return await fn({ generation: g.number, cacheKey: String(g.number) });
    } finally {
      g.leases--;
      if (g.retired && g.leases === 0) await this.dispose(g);
    }
  }

  /** Copies the database if it changed and is quiet; true when a new copy is now served. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.tryRefresh().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  private async tryRefresh(): Promise<boolean> {
    const signature = fileSignature(this.config.db);
    if (signature === null) {
      this.waiting = `${this.config.db} is gone`;
      return false;
    }
    if (this.current?.signature === signature) {
      this.writerActive = false;
      return false;
    }
    const number = (this.current?.number ?? 0) + 1;
    const path = join(this.dir, `snapshot-${number}.duckdb`);
    const copy = await copyQuiescent(this.config.db, path);
    this.writerActive = !copy.copied && copy.reason === 'writer';
    if (!copy.copied) {
      if (!this.current) this.waiting = copy.reason === 'writer' ? 'an ingest holds the database; the dashboard starts when it ends' : 'the database is changing';
      return false;
    }
    try {
      await prepareCopy(path, this.config.memoryLimit);
      await this.executor.openCopy(number, path, true);
    } catch (err) {
      removeCopy(path);
      // Without a first copy there is nothing to serve: say why and stop. Later, the previous copy stays in service.
      if (!this.current) throw err;
      this.opts.log.warn(`could not open a copy of ${this.config.db}: ${(err as Error).message}`);
      return false;
    }
    const g: Generation = { number, path, signature: copy.signature, takenAt: new Date(), sourceModifiedAt: copy.modifiedAt, leases: 0, retired: false, warm: false };
    const started = performance.now();
    const warm = (this.opts.prepare?.({ generation: number, cacheKey: String(number) }) ?? Promise.resolve())
      .then(
        () => this.opts.log.info(`copy ${number}: the default views' answers are ready (${Math.round(performance.now() - started)} ms)`),
        (err: unknown) => this.opts.log.warn(`warming the dashboard's answers failed: ${(err as Error).message}`),
      )
      .finally(() => { g.warm = true; });
    // The first copy is served at once (requests share the warming answers, /api/status says when they are all in);
    // a later one only once warm, so that a refresh never makes a visitor wait.
    if (this.current) await warm;
    const old = this.current;
    this.current = g;
    this.waiting = null;
    if (old) {
      old.retired = true;
      if (old.leases === 0) await this.dispose(old);
    }
    return true;
  }

  private async dispose(g: Generation): Promise<void> {
    await this.executor.closeCopy(g.number).catch(() => {});
    removeCopy(g.path);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.refreshing;
    const g = this.current;
    this.current = null;
    if (g) {
      g.retired = true;
      if (g.leases === 0) await this.dispose(g);
    }
    if (!this.opts.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
