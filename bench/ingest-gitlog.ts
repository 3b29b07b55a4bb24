// Ingest speed and memory on real git history, as ratios to physical references measured in the same run:
// `zcat` of each exported log, and `git log` alone for a live clone. Reads ../shared/data/gitlog when present.
//   node --import tsx bench/ingest-gitlog.ts [gitlog-dir] [--clone PATH]...
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadConfig } from '../src/config.ts';
import { openContext } from '../src/session.ts';
import { ingestCommits } from '../src/ingest/commits.ts';
import { gitlogFileSource } from '../src/ingest/gitlog-file.ts';
import { gitCloneSource } from '../src/ingest/git-clone.ts';
import { GIT_LOG_FORMAT, parseRecord } from '../src/ingest/gitlog-record.ts';
import { splitRecords } from '../src/ingest/gitlog-stream.ts';
import { repoFromFileName } from '../src/commands/ingest.ts';
import { renderTable } from '../src/output.ts';

const args = process.argv.slice(2);
const clones = args.flatMap((a, i) => (args[i - 1] === '--clone' ? [resolve(a)] : []));
const dir = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--clone') ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'gitlog'));
const quiet = { info() {}, warn() {} };
const mb = (n: number) => n / 1e6;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

function seconds(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/**
 * The floor under any ingest into DuckDB: the engine alone writing the same rows into a fresh file, read from the
 * finished tables (no parsing, no crossing from JavaScript), with the ingest's own memory pool. Same run as zcat.
 */
async function storeFloor(stored: string, zcat: number, ingest: number): Promise<void> {
  const copy = join(work, 'floor.duckdb');
  const db = await DuckDBInstance.create(copy, { memory_limit: loadConfig({}).memoryLimit, preserve_insertion_order: 'false' });
  const con = await db.connect();
  await con.run(`ATTACH '${stored}' AS stored (READ_ONLY)`);
  const t = process.hrtime.bigint();
  for (const table of ['commits', 'commit_files', 'commit_coauthors']) await con.run(`CREATE TABLE ${table} AS SELECT * FROM stored.${table} WHERE repo NOT LIKE 'bench/%'`); // the logs' rows, not a --clone's
  await con.run('CHECKPOINT');
  const floor = Number(process.hrtime.bigint() - t) / 1e9;
  con.closeSync();
  db.closeSync();
  console.log(`DuckDB alone writing the same rows into a fresh file (commits, commit_files, commit_coauthors): ${floor.toFixed(2)} s = ${(floor / zcat).toFixed(1)}x zcat; ingest = ${(ingest / floor).toFixed(1)}x that floor`);
}

const work = mkdtempSync(join(tmpdir(), 'census-bench-'));
const ctx = await openContext(loadConfig({ db: join(work, 'bench.duckdb') }), { log: quiet });
const rows: Record<string, unknown>[] = [];
const total = { bytes: 0, commits: 0, zcat: 0, parse: 0, ingest: 0 };

/** The same read without the store: gunzip, split and parse only. What is left of ingest time is the database's. */
async function parseOnly(path: string): Promise<number> {
  const t = process.hrtime.bigint();
  const src = await gitlogFileSource(path, 'bench/parse');
  for await (const raw of splitRecords(src.open(() => {}))) parseRecord(raw.text);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

if (existsSync(dir)) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.log.gz')).sort((a, b) => statSync(join(dir, a)).size - statSync(join(dir, b)).size);
  for (const f of files) {
    const path = join(dir, f);
    const zcat = seconds(() => execFileSync('sh', ['-c', `zcat '${path}' > /dev/null`]));
    const bytes = Number(execFileSync('sh', ['-c', `zcat '${path}' | wc -c`], { encoding: 'utf8' }).trim());
    const parse = await parseOnly(path);
    let commits = 0;
    const t = process.hrtime.bigint();
    const outcome = await ingestCommits(ctx, await gitlogFileSource(path, repoFromFileName(f)!));
    const ingest = Number(process.hrtime.bigint() - t) / 1e9;
    commits = outcome.records;
    Object.assign(total, { bytes: total.bytes + bytes, commits: total.commits + commits, zcat: total.zcat + zcat, parse: total.parse + parse, ingest: total.ingest + ingest });
    rows.push({
      log: f.replace(/\.log\.gz$/, ''), MB: +mb(bytes).toFixed(1), commits, 'commits/s': Math.round(commits / ingest),
      'MB/s': +(mb(bytes) / ingest).toFixed(1), 'zcat s': +zcat.toFixed(3), 'parse s': +parse.toFixed(3), 'ingest s': +ingest.toFixed(3),
      'parse x zcat': +(parse / zcat).toFixed(1), 'ingest x zcat': +(ingest / zcat).toFixed(1), 'peak RSS MB': Math.round(peakMb()),
    });
  }
  rows.push({
    log: `ALL ${rows.length} logs`, MB: +mb(total.bytes).toFixed(1), commits: total.commits, 'commits/s': Math.round(total.commits / total.ingest),
    'MB/s': +(mb(total.bytes) / total.ingest).toFixed(1), 'zcat s': +total.zcat.toFixed(3), 'parse s': +total.parse.toFixed(3), 'ingest s': +total.ingest.toFixed(3),
    'parse x zcat': +(total.parse / total.zcat).toFixed(1), 'ingest x zcat': +(total.ingest / total.zcat).toFixed(1), 'peak RSS MB': Math.round(peakMb()),
  });
  console.log(`Exported logs in ${dir} (ingest = parse + store, one transaction per log, in one process; zcat of the same file, same run)\n`);
  console.log(renderTable(Object.keys(rows[0]!), rows));
} else {
  console.log(`${dir} not found: skipping the exported logs`);
}

for (const clone of clones) {
  const ref = ['-C', clone, 'log', '--no-merges', '--date=iso-strict', `--format=${GIT_LOG_FORMAT}`, '--numstat', 'HEAD'];
  const gitLog = seconds(() => spawnSync('git', ref, { stdio: ['ignore', 'ignore', 'ignore'] }));
  const t = process.hrtime.bigint();
  const outcome = await ingestCommits(ctx, await gitCloneSource(clone, { repo: `bench/${rows.length}-${clone.split('/').pop()}` }));
  const ingest = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`\nLive clone ${clone}: ${outcome.records} commits; git log alone ${gitLog.toFixed(3)} s, ingest ${ingest.toFixed(3)} s: ${(ingest / gitLog).toFixed(1)}x git log`);
}

console.log(`\nPeak RSS of the whole run: ${Math.round(peakMb())} MB (target: under 500 MB)`);
await ctx.store.close();
if (total.commits > 0) await storeFloor(join(work, 'bench.duckdb'), total.zcat, total.ingest);
rmSync(work, { recursive: true, force: true });
