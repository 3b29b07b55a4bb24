// Test helper for the community lens: a fresh store and rows written by column name (missing columns get a neutral value).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openContext } from '../src/session.ts';
import { loadConfig } from '../src/config.ts';
import type { Context } from '../src/context.ts';
import { tables, type ColumnType, type TableName } from '../src/store/tables.ts';

const NEUTRAL: Record<ColumnType, unknown> = { string: '', int: 0, bigint: 0, double: 0, bool: false, timestamp: 0, date: null, strings: [] };

/** A context on a new database `<dir>/census.duckdb`; read it back with cli-harness `sql(dir, ...)` after `ctx.store.close()`. */
export async function freshContext(optOut: string[] = []): Promise<{ ctx: Context; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'census-lens-'));
  const ctx = await openContext(loadConfig({ db: join(dir, 'census.duckdb'), optOut }), { log: { info() {}, warn() {} } });
  return { ctx, dir };
}

/** Appends rows given as {column: value}; a column left out is null when nullable, else a neutral value of its type. */
export async function insert(ctx: Context, table: TableName, rows: Record<string, unknown>[]): Promise<void> {
  const w = await ctx.store.writer(table);
  const cols = tables[table].columns;
  for (const r of rows) w.append(cols.map(([name, type, nul]) => (name in r ? r[name] : nul ? null : NEUTRAL[type])));
  await w.close();
}

/** Epoch seconds of a UTC date, as writers take timestamps. */
export const at = (iso: string) => Math.floor(Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso) / 1000);
