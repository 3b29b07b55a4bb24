// `census migrate --from census.duckdb --to clickhouse://...`: every table copied across backends, row counts checked.
import { resolve } from 'node:path';
import { isServerLocation, type Config } from '../config.ts';
import type { Context, Logger } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { tableNames, tables, type TableName } from '../store/tables.ts';
import { loadOptOutLists, optOutMatcher } from '../identity/optout.ts';
import { rebuild } from '../pipeline.ts';

export interface MigrateFlags { from: string; to: string; replace?: boolean; rebuild?: boolean }
export interface Copied { table: TableName; read: number; stored: number; ms: number }


async function copyTable(from: Store, to: Store, table: TableName): Promise<Copied> {
  const t0 = performance.now();
  const w = await to.writer(table);
  try {
    for await (const rows of from.scan(table)) for (const r of rows) w.append(r);
  } finally {
    await w.close();
  }
  return { table, read: w.count, stored: await to.count(table), ms: Math.round(performance.now() - t0) };
}

/**
 * Raw and bookkeeping tables are copied; derived tables are copied too (the same numbers, even if data/ has changed
 * since), or recomputed on the target with --rebuild. A target that already holds data is refused unless --replace.
 */
export async function migrate(config: Config, flags: MigrateFlags, log: Logger): Promise<Copied[]> {
  const fromLoc = isServerLocation(flags.from) ? flags.from : resolve(flags.from);
  const toLoc = isServerLocation(flags.to) ? flags.to : resolve(flags.to);
  if (fromLoc === toLoc) throw new CensusError('--from and --to are the same database', { exitCode: ExitCode.usage });
  const from = await openStore(fromLoc, { memoryLimit: config.memoryLimit });
  let to: Store | null = null;
  try {
    to = await openStore(toLoc, { memoryLimit: config.memoryLimit, cluster: config.cluster });
    const held: TableName[] = [];
    for (const t of tableNames) if ((await to.count(t)) > 0) held.push(t);
    if (held.length > 0 && !flags.replace) {
      throw new CensusError(`${to.location} already holds data (${held.join(', ')})`, {
        hint: '--replace empties those tables first', exitCode: ExitCode.usage,
      });
    }
    for (const t of held) await to.truncate(t);
    const copied: Copied[] = [];
    for (const t of tableNames) {
      if (flags.rebuild && tables[t].role === 'derived') continue;
      const c = await copyTable(from, to, t);
      const folded = c.stored < c.read ? ` (${c.read - c.stored} repeated by key, counted once)` : '';
      log.info(`  ${t.padEnd(24)} ${c.stored.toLocaleString('en-US').padStart(12)} rows${folded} (${c.ms} ms)`);
      copied.push(c);
    }
    if (flags.rebuild) {
      const ctx: Context = {
        store: to, config, log, optout: optOutMatcher(loadOptOutLists(config.optOutFiles)), progress: () => ({ update() {}, stop() {} }),
      };
      for (const r of await rebuild(ctx)) log.info(`  ${r.table.padEnd(24)} rebuilt: ${r.detail} (${r.ms} ms)`);
    }
    // Only raw tables fold rows repeated by key (ReplacingMergeTree); anywhere else a count that differs is a failed copy.
    const short = copied.filter((c) => c.stored !== c.read && tables[c.table].role !== 'raw');
    if (short.length > 0) throw new Error(`copy incomplete: ${short.map((c) => `${c.table} ${c.stored} of ${c.read}`).join(', ')}`);
    return copied;
  } finally {
    await to?.close();
    await from.close();
  }
}
