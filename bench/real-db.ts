// A scratch census database built from ../shared/data (40 git logs, gitdm, cncf/people profiles), for the dashboard's
// bench and screenshots; `census scan` as a newcomer types it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'census.js');
export const DATA = join(ROOT, '..', 'shared', 'data');

/** The database to use: `--db PATH` when given, else a new one built from ../shared/data, else null (no data here). */
export function realDb(args: string[]): string | null {
  const i = args.indexOf('--db');
  if (i >= 0 && args[i + 1]) return args[i + 1]!;
  if (!existsSync(DATA)) return null;
  const db = join(mkdtempSync(join(tmpdir(), 'census-real-')), 'census.duckdb');
  const logs = readdirSync(join(DATA, 'gitlog')).filter((f) => f.endsWith('.log.gz')).map((f) => join(DATA, 'gitlog', f));
  const gitdm = readdirSync(join(DATA, 'gitdm')).filter((f) => /^developers_affiliations\d*\.txt$/.test(f)).map((f) => join(DATA, 'gitdm', f));
  process.stderr.write(`building ${db} from ${logs.length} logs, ${gitdm.length} gitdm files and the cncf/people profiles...\n`);
  // 512MB: the rebuild of all 40 logs ran out of DuckDB's default 128 MB pool on this machine.
  const r = spawnSync(process.execPath, [BIN, '--db', db, '--memory-limit', '512MB', 'scan', ...logs, '--gitdm', ...gitdm,
    '--profiles', join(DATA, 'labels', 'cncf-people.json'), '--top', '1', '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`census scan failed (exit ${r.status})`);
  return db;
}
