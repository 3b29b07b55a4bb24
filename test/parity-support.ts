// Helpers for the DuckDB/ClickHouse parity test: the fixture community, which .sql ran, and readable differences.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../src/context.ts';
import { sqlPath, type Store, type SqlFile } from '../src/store/store.ts';
import { importGitdmFiles, importProfileFiles } from '../src/commands/import.ts';
import { ingestGitlog } from '../src/commands/ingest.ts';
import { rebuild } from '../src/pipeline.ts';
import { importAreaSet, importOwners } from '../src/ingest/areas.ts';
import { parseSigsYaml } from '../src/areas/sigs-yaml.ts';
import { parseAreasFile } from '../src/areas/areas-file.ts';
import { ingestGharchive } from '../src/commands/gharchive.ts';
import { FIX } from './cli-harness.ts';

/**
 * Every fixture a report can read: the demo histories (one with bad records), gitdm and profiles, the community's
 * histories with its OWNERS files, sigs.yaml and areas file, and GH Archive hours of both formats. Rebuilt.
 */
export async function loadFixtureCommunity(ctx: Context): Promise<void> {
  const C = join(FIX, 'community');
  await importGitdmFiles(ctx, [join(FIX, 'gitdm', 'developers_affiliations.txt')]);
  await importProfileFiles(ctx, [join(FIX, 'profiles', 'profiles.ndjson')]);
  await ingestGitlog(ctx, ['demo__app.log.gz', 'demo__acquired.log', 'demo__bad.log'].map((f) => join(FIX, 'gitlog', f)), {});
  await ingestGitlog(ctx, readdirSync(join(C, 'gitlog')).sort().map((f) => join(C, 'gitlog', f)), {});
  await importOwners(ctx, join(C, 'owners.jsonl'));
  await importAreaSet(ctx, 'sigs', join(C, 'sigs.yaml'), parseSigsYaml);
  await importAreaSet(ctx, 'areas', join(C, 'areas.yaml'), parseAreasFile);
  const gha = join(FIX, 'gharchive');
  await ingestGharchive(ctx, [join(gha, 'hours'), join(gha, 'timeline')], { org: ['demo', 'demo-sigs'], repo: ['demo-legacy/app'] });
  await rebuild(ctx);
}

/** A store that remembers which statements ran, to name them when ClickHouse answers differently. */
export function recordingStore(store: Store): Store & { used: Set<string> } {
  const used = new Set<string>();
  const noted = (fn: (file: SqlFile, ...rest: unknown[]) => unknown) => (file: SqlFile, ...rest: unknown[]) => {
    used.add(sqlPath(file));
    return fn.call(store, file, ...rest);
  };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'used') return used;
      const v: unknown = Reflect.get(target, prop, target);
      if (prop === 'query' || prop === 'run') return noted(v as (file: SqlFile, ...rest: unknown[]) => unknown);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }) as Store & { used: Set<string> };
}

const sibling = (path: string) => path.replace(/\.sql$/, '.clickhouse.sql');

/** What to do about a statement ClickHouse cannot run, or about reports that differ. */
export function siblingAdvice(err: unknown, what: string, used: string[] = []): string {
  if (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const path = /^(\S+\.sql): /.exec(msg)?.[1];
    const head = `${what} failed on ClickHouse: ${msg.split('\n')[0]}`;
    if (!path) return head;
    return path.endsWith('.clickhouse.sql')
      ? `${head}\n-> fix ${path} (it may have fallen behind ${path.replace(/\.clickhouse\.sql$/, '.sql')})`
      : `${head}\n-> ${path} does not run on ClickHouse: add ${sibling(path)} beside it (docs/clickhouse.md lists the usual rewrites)`;
  }
  const missing = used.filter((p) => !p.endsWith('.clickhouse.sql') && !existsSync(sibling(p)));
  return `${what} ran ${used.join(', ') || 'no .sql'}.\n-> ` + (missing.length
    ? `without a ClickHouse sibling: ${missing.join(', ')}; add ${missing.map(sibling).join(', ')} (docs/clickhouse.md)`
    : 'every statement has a ClickHouse sibling: the difference is in one of them, or in a derived table it reads');
}

/** Floats compared to 12 significant digits: sums in another order may differ in the last bits, never in a share. */
export function canonical<T>(value: T): T {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(12)) as T;
  if (Array.isArray(value)) return value.map(canonical) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)])) as T;
  }
  return value;
}

/** The path to the first difference (`rows[3].country: "CN" vs "TW"`), or null when equal. */
export function firstDifference(a: unknown, b: unknown, at = ''): string | null {
  if (a === b) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k);
      if (d) return d;
    }
    return null;
  }
  return `${at || '(top)'}: ${JSON.stringify(a)} (DuckDB) vs ${JSON.stringify(b)} (ClickHouse)`;
}
