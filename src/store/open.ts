// The one place that picks a backend from the configured location; an unknown kind is an error, not a fallback.
import { CensusError, ExitCode } from '../errors.ts';
import type { Store } from './store.ts';

export interface StoreOptions {
  memoryLimit: string;
  /** ClickHouse only: create and use tables ON CLUSTER (replicated local tables + Distributed tables). */
  cluster?: string;
  /** DuckDB only: read-only, tables taken as they are (another open made them current). */
  readOnly?: boolean;
}

/** Schemes of a ClickHouse server (`clickhouses` over TLS) or of embedded ClickHouse (chDB) in a directory. */
const clickhouseSchemes = new Set(['clickhouse', 'clickhouses', 'chdb']);

export async function openStore(location: string, opts: StoreOptions): Promise<Store> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1]?.toLowerCase();
  let store: Store;
  if (scheme === undefined) {
    if (opts.cluster) throw new CensusError('--cluster needs a ClickHouse --db (clickhouse://user@host:8123/db)', { exitCode: ExitCode.usage });
    const { DuckDBStore } = await import('./duckdb.ts');
    store = await DuckDBStore.open(location, opts.memoryLimit, opts.readOnly ?? false);
  } else if (clickhouseSchemes.has(scheme)) {
    const { ClickHouseStore } = await import('./clickhouse.ts');
    store = await ClickHouseStore.open(location, { cluster: opts.cluster });
  } else {
    throw new CensusError(`no store backend for "${scheme}://"`, {
      hint: 'a DuckDB file path (--db census.duckdb), clickhouse://user@host:8123/db, or chdb:///path/to/dir',
      exitCode: ExitCode.usage,
    });
  }
  try {
    await store.init();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
