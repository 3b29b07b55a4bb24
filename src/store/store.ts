// The Store contract: named .sql files with bound parameters, bulk writers, transactions; callers never see the engine.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableName } from './tables.ts';

export type StoreKind = 'duckdb' | 'clickhouse';

/** A scalar or list bound to a named parameter; never spliced into SQL text. */
export type Param = string | number | boolean | null | readonly string[];
export type Params = Readonly<Record<string, Param>>;
/** Rows come back with BIGINTs already turned into numbers (or strings past 2^53). */
export type Row = Record<string, unknown>;

/** A .sql file named by the module that runs it; a backend may prefer `<name>.<kind>.sql` beside it. */
export interface SqlFile {
  readonly dir: string;
  readonly name: string;
}
export function sqlFile(moduleUrl: string, name: string): SqlFile {
  return { dir: dirname(fileURLToPath(moduleUrl)), name };
}
export function sqlPath(file: SqlFile, kind?: StoreKind): string {
  return join(file.dir, kind ? `${file.name}.${kind}.sql` : `${file.name}.sql`);
}

const sqlCache = new Map<string, { path: string; text: string }>();
/** The statement a backend runs for `file`: its own `<name>.<kind>.sql` when there is one, else `<name>.sql`. */
export function readSql(file: SqlFile, kind: StoreKind): { path: string; text: string } {
  const key = `${kind}:${sqlPath(file)}`;
  let hit = sqlCache.get(key);
  if (hit === undefined) {
    const specific = sqlPath(file, kind);
    const path = existsSync(specific) ? specific : sqlPath(file);
    hit = { path, text: readFileSync(path, 'utf8') };
    sqlCache.set(key, hit);
  }
  return hit;
}

/** Rows go in as arrays in the table's declared column order; timestamps as epoch seconds, dates as YYYY-MM-DD. */
export interface TableWriter {
  append(row: readonly unknown[]): void;
  readonly count: number;
  close(): Promise<void>;
}

export interface Store {
  readonly kind: StoreKind;
  readonly location: string;
  /** Create missing tables; safe to call on every open. */
  init(): Promise<void>;
  query(file: SqlFile, params?: Params): Promise<Row[]>;
  run(file: SqlFile, params?: Params): Promise<void>;
  /** A writer into the table itself, or into an empty session-local staging copy (`stage_<table>`). */
  writer(table: TableName, target?: 'table' | 'stage'): Promise<TableWriter>;
  /** Empty a derived table before a rebuild. */
  truncate(table: TableName): Promise<void>;
  /** All or nothing on DuckDB; ClickHouse has no transactions and runs `fn` as it is (ingest is idempotent instead). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * `fn` refills derived tables, each emptied with truncate() first. Readers see the previous ones until it returns, and
   * keep them if it fails: one transaction on DuckDB; on ClickHouse, new tables swapped in (EXCHANGE TABLES) at the end.
   */
  rebuild<T>(fn: () => Promise<T>): Promise<T>;
  /** Resize the engine's memory pool where it has one (DuckDB): streaming ingest needs little, a rebuild more. */
  setMemoryLimit?(size: string): Promise<void>;
  /** Every row of a table as arrays in declared column order, in the shapes writers take (for `census migrate`). */
  scan(table: TableName): AsyncIterable<unknown[][]>;
  count(table: TableName): Promise<number>;
  close(): Promise<void>;
}
