// The Store contract: named .sql files with bound parameters, bulk writers, transactions; callers never see the engine.
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
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
