// The one place that picks a backend from the configured location; an unknown kind is an error, not a fallback.
import { CensusError, ExitCode } from '../errors.ts';
import type { Store } from './store.ts';

export async function openStore(location: string, opts: { memoryLimit: string }): Promise<Store> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const { DuckDBStore } = await import('./duckdb.ts');
    const store = await DuckDBStore.open(location, opts.memoryLimit);
    await store.init();
    return store;
  }
  throw new CensusError(`no store backend for "${scheme}://"`, {
    hint: 'the embedded default is a DuckDB file path (--db census.duckdb)',
    exitCode: ExitCode.usage,
  });
}
