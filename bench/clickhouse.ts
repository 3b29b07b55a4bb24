// DuckDB against ClickHouse (embedded chDB) on the same work in the same run: ingest speed, rebuild and report times as
// ratios between the two (and to `zcat` of the same input), peak memory, and whether every report gives the same rows.
//   node --import tsx bench/clickhouse.ts [--logs N] [--hours N] [--scope community|everything] [--skip-git] [--skip-gharchive]
// Git: the exported logs, gitdm and cncf/people profiles of ../shared/data. GH Archive: a synthetic day at real size
// (test/fixtures/gharchive/hour.ts; 24 hours of ~150k events), kept in a temp folder between runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../src/config.ts';
import type { Context } from '../src/context.ts';
import { openContext } from '../src/session.ts';
import { ingestGitlog } from '../src/commands/ingest.ts';
import { importGitdmFiles, importProfileFiles } from '../src/commands/import.ts';
import { rebuild } from '../src/pipeline.ts';
import { getReport, reportNames } from '../src/reports/registry.ts';
import { defaultReportOptions, type ReportOptions } from '../src/reports/options.ts';
import { renderTable } from '../src/output.ts';
import { derivedTables } from '../src/store/tables.ts';
import { canonical, firstDifference } from '../test/parity-support.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : dflt);
const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data');
const ORGS = ['kubernetes', 'kubernetes-sigs'];
const quiet = { info() {}, warn() {} };
const now = () => performance.now() / 1000;

interface Variant { name: string; opts: Partial<ReportOptions>; config?: Partial<Config> }
const variants: Variant[] = [
  { name: 'default', opts: {} },
  { name: 'by-year-known-only', opts: { by: 'year', knownOnly: true } },
  { name: 'by-quarter-window', opts: { by: 'quarter', since: '2022-01-01', until: '2024-07-01' } },
  { name: 'kubernetes-by-month-roll-up', opts: { by: 'month', repos: ['kubernetes/*', 'kubernetes-sigs/*'], rollUpAcquisitions: true } },
  { name: 'bots-strict-opt-out-folded', opts: {}, config: { includeBots: true, strictOptOut: true, regions: 'fold-into-cn' } },
];

/** Median of three warm runs of a report, in seconds. */
async function reportSeconds(ctx: Context, name: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = now();
    await getReport(name).run(ctx, defaultReportOptions);
    times.push(now() - t);
  }
  return times.sort((a, b) => a - b)[1]!;
}

/** Every report under every variant, for the parity check in the parent. */
async function allReports(ctx: Context): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of reportNames) {
    for (const v of variants) {
      try {
        out[`${name} ${v.name}`] = canonical(await getReport(name).run({ ...ctx, config: { ...ctx.config, ...v.config } }, { ...defaultReportOptions, ...v.opts }));
      } catch (err) {
        out[`${name} ${v.name}`] = { error: (err as Error).message.split('\n')[0] };
      }
    }
  }
  return out;
}

/** Every derived table as a count and an order-free digest (a sum of row hashes, in constant memory): equal digests, equal tables. */
async function derivedDigests(ctx: Context): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of derivedTables) {
    let rows = 0;
    let sum = 0n;
    for await (const batch of ctx.store.scan(t)) {
      for (const r of batch) {
        rows++;
        sum = (sum + createHash('sha256').update(JSON.stringify(canonical(r))).digest().readBigUInt64BE(0)) & 0xffffffffffffffffn;
      }
    }
    out[`table ${t}`] = { rows, digest: sum.toString(16) };
  }
  return out;
}

/** One backend, one workload, in a child process: its own peak memory, no chDB engine shared with the other run. */
async function child(workload: string, location: string, resultFile: string, files: string[]): Promise<void> {
  // DuckDB's default 128 MB pool is too small for the GH Archive contribution stage on all 40 logs; chDB sets no limit.
  const ctx = await openContext(loadConfig({ db: location, memoryLimit: '1GB' }), { log: quiet });
  const m: Record<string, number> = {};
  let t = now();
  if (workload === 'git') {
    const outcomes = await ingestGitlog(ctx, files, {});
    m.ingest = now() - t;
    m.units = outcomes.reduce((n, o) => n + o.records, 0);
    t = now();
    await importGitdmFiles(ctx, readdirSync(join(DATA, 'gitdm')).filter((f) => f.startsWith('developers_affiliations')).map((f) => join(DATA, 'gitdm', f)));
    await importProfileFiles(ctx, [join(DATA, 'labels', 'cncf-people.json')]);
    m.import = now() - t;
  } else {
    const { ingestGharchive } = await import('../src/commands/gharchive.ts');
    const scope = opt('--scope', 'community');
    const r = await ingestGharchive(ctx, files, scope === 'everything' ? {} : { org: ORGS },
      scope === 'everything' ? (await import('../src/ingest/gharchive-scope.ts')).everything : undefined);
    m.ingest = now() - t;
    m.units = r.outcomes.reduce((n, o) => n + o.lines, 0);
    m.stored = r.outcomes.reduce((n, o) => n + o.added, 0);
  }
  const say = (what: string) => process.stderr.write(`  ${location.startsWith('chdb') ? 'chDB' : 'DuckDB'}: ${what}\n`);
  say(`ingest ${m.ingest!.toFixed(1)} s`);
  t = now();
  for (const r of await rebuild(ctx)) say(`  ${r.table} ${(r.ms / 1000).toFixed(1)} s`);
  m.rebuild = now() - t;
  m.countryReport = await reportSeconds(ctx, workload === 'git' ? 'contributors-by-country' : 'contributions-by-country');
  m.companyReport = await reportSeconds(ctx, workload === 'git' ? 'contributors-by-company' : 'contributions-by-company');
  say(JSON.stringify(m));
  writeFileSync(resultFile, JSON.stringify({ ...(await allReports(ctx)), ...(await derivedDigests(ctx)) }));
  await ctx.store.close();
  m.peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify(m));
}

function runChild(workload: string, location: string, files: string[]): { m: Record<string, number>; reports: Record<string, unknown> } {
  const resultFile = join(work, `${workload}-${location.startsWith('chdb') ? 'ch' : 'duck'}.json`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', workload, location, resultFile, ...args, '--', ...files],
    { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${workload} on ${location} failed`);
  return { m: JSON.parse(r.stdout) as Record<string, number>, reports: JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, unknown> };
}

function zcatSeconds(files: string[]): number {
  const t = now();
  execFileSync('sh', ['-c', `zcat ${files.map((f) => `'${f}'`).join(' ')} > /dev/null`]);
  return now() - t;
}

function compare(duck: Record<string, unknown>, ch: Record<string, unknown>): string {
  const keys = Object.keys(duck);
  const differ = keys.map((k) => [k, firstDifference(duck[k], ch[k])] as const).filter(([, d]) => d !== null);
  const failed = keys.filter((k) => (duck[k] as { error?: string }).error);
  const runs = keys.filter((k) => !k.startsWith('table '));
  const same = (ks: string[]) => ks.filter((k) => !differ.some(([d]) => d === k)).length;
  const tablesSame = keys.length - runs.length;
  return `${same(runs)} of ${runs.length} report runs identical (${reportNames.length} reports x ${variants.length} variants); ` +
    `${same(keys.filter((k) => k.startsWith('table ')))} of ${tablesSame} derived tables identical` +
    (failed.length ? `; ${failed.length} failed on DuckDB itself` : '') +
    differ.slice(0, 12).map(([k, d]) => `\n  differs: ${k}: ${d}`).join('');
}

function measure(workload: string, files: string[], unit: string): void {
  const zcat = zcatSeconds(files);
  const runs = { DuckDB: runChild(workload, join(work, `${workload}.duckdb`), files), 'ClickHouse (chDB)': runChild(workload, `chdb://${join(work, `${workload}-chdb`)}`, files) };
  const rows: Record<string, unknown>[] = Object.entries(runs).map(([backend, { m }]) => ({
    backend, [unit]: m.units, ...(m.stored !== undefined ? { stored: m.stored } : {}),
    [`${unit}/s`]: Math.round(m.units! / m.ingest!), 'ingest s': +m.ingest!.toFixed(1), 'ingest x zcat': +(m.ingest! / zcat).toFixed(1),
    'rebuild s': +m.rebuild!.toFixed(1), 'country report s': +m.countryReport!.toFixed(3), 'company report s': +m.companyReport!.toFixed(3),
    'peak RSS MB': m.peakMb,
  }));
  const [d, c] = [runs.DuckDB.m, runs['ClickHouse (chDB)'].m];
  rows.push({
    backend: 'ClickHouse / DuckDB', [unit]: c.units, [`${unit}/s`]: +((c.units! / c.ingest!) / (d.units! / d.ingest!)).toFixed(2),
    'ingest s': +(c.ingest! / d.ingest!).toFixed(2), 'ingest x zcat': '', 'rebuild s': +(c.rebuild! / d.rebuild!).toFixed(2),
    'country report s': +(c.countryReport! / d.countryReport!).toFixed(2), 'company report s': +(c.companyReport! / d.companyReport!).toFixed(2),
    'peak RSS MB': +(c.peakMb! / d.peakMb!).toFixed(2),
  });
  console.log(`\n${workload}: ${files.length} files, zcat ${zcat.toFixed(1)} s (same run)\n${renderTable(Object.keys(rows[0]!), rows)}`);
  console.log(compare(runs.DuckDB.reports, runs['ClickHouse (chDB)'].reports));
}

async function gharchiveDay(hours: number): Promise<string[]> {
  const { writeHour } = await import('../test/fixtures/gharchive/hour.ts');
  const dir = join(tmpdir(), 'census-bench-gharchive-150000');
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < hours; i++) {
    const path = join(dir, `2024-06-03-${i}.json.gz`);
    if (!existsSync(path)) {
      process.stderr.write(`generating ${path} ...\n`);
      await writeHour(`${path}.part`, { events: 150_000, seed: 100 + i, at: Date.UTC(2024, 5, 3, i) / 1000, orgs: ORGS, communityShare: 0.012 });
      execFileSync('mv', [`${path}.part`, path]);
    }
    files.push(path);
  }
  return files;
}

const work = args[0] === '--child' ? '' : mkdtempSync(join(tmpdir(), 'census-bench-ch-'));
if (args[0] === '--child') {
  await child(args[1]!, args[2]!, args[3]!, args.slice(args.indexOf('--') + 1));
} else {
  try {
    if (!args.includes('--skip-git')) {
      const dir = join(DATA, 'gitlog');
      if (!existsSync(dir)) console.log(`${dir} not found: skipping git`);
      else {
        const logs = readdirSync(dir).filter((f) => f.endsWith('.log.gz')).map((f) => join(dir, f)).sort((a, b) => statSync(a).size - statSync(b).size);
        measure('git', logs.slice(0, Number(opt('--logs', String(logs.length)))), 'commits');
      }
    }
    if (!args.includes('--skip-gharchive')) {
      measure('gharchive', await gharchiveDay(Number(opt('--hours', '24'))), 'events');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
