// GH Archive ingest speed and memory, as ratios to `zcat` of the same hour file in the same run. No real hour files
// are shipped (../shared/data has none), so the repository's generator writes them at real size: ~150k events,
// ~200 MB of JSON per hour, the 2024 event mix, ~1.2% of events in the community's orgs.
//   node --import tsx bench/ingest-gharchive.ts [--events N] [--day] [--dir DIR]
// --day also ingests 24 distinct hours in one process and prints the resident memory after each (growth check).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openContext } from '../src/session.ts';
import { ingestHour } from '../src/ingest/gharchive.ts';
import { hourOf } from '../src/ingest/gharchive-files.ts';
import { compileScope, everything } from '../src/ingest/gharchive-scope.ts';
import { renderTable } from '../src/output.ts';
import { sqlFile } from '../src/store/store.ts';
import { writeHour } from '../test/fixtures/gharchive/hour.ts';

const args = process.argv.slice(2);
const opt = (name: string) => args[args.indexOf(name) + 1];
const events = args.includes('--events') ? Number(opt('--events')) : 150_000;
const dir = args.includes('--dir') ? opt('--dir')! : join(tmpdir(), `census-bench-gharchive-${events}`);
const ORGS = ['kubernetes', 'kubernetes-sigs'];
const quiet = { info() {}, warn() {} };
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

function seconds(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/** Hour files are generated once per size and kept in a temp folder between runs (generation is slower than ingest). */
async function hourFile(i: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const at = Date.UTC(2024, 5, 3, i) / 1000;
  const path = join(dir, `2024-06-03-${i}.json.gz`);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path} ...\n`);
    await writeHour(`${path}.part`, { events, seed: 100 + i, at, orgs: ORGS, communityShare: 0.012 });
    execFileSync('mv', [`${path}.part`, path]);
  }
  return path;
}

/** One scenario in a child process, so its peak memory is its own: `--child <scope> <files...>`. */
async function child(scopeName: string, files: string[]): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'census-bench-'));
  const ctx = await openContext(loadConfig({ db: join(work, 'bench.duckdb') }), { log: quiet });
  const scope = scopeName === 'everything' ? everything : compileScope({ orgs: ORGS, repos: [] });
  const hours = [];
  for (const f of files) {
    const h = hourOf(f.split('/').at(-1)!)!;
    const t = process.hrtime.bigint();
    const o = await ingestHour(ctx, { path: f, ...h, size: statSync(f).size }, scope);
    const duck = Number((await ctx.store.query(sqlFile(import.meta.url, 'duckdb-memory')))[0]!.mb);
    hours.push({ s: Number(process.hrtime.bigint() - t) / 1e9, lines: o.lines, inScope: o.inScope, added: o.added, rss: rssMb(), heap: Math.round(process.memoryUsage().heapUsed / 2 ** 20), duck });
  }
  await ctx.store.close();
  rmSync(work, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ hours, peak: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function runChild(scope: string, files: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', scope, ...files], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { hours: { s: number; lines: number; inScope: number; added: number; rss: number; heap: number; duck: number }[]; peak: number };
}

if (args[0] === '--child') {
  await child(args[1]!, args.slice(2));
} else {
  const first = await hourFile(12);
  const jsonBytes = Number(execFileSync('sh', ['-c', `zcat '${first}' | wc -c`], { encoding: 'utf8' }).trim());
  const rows: Record<string, unknown>[] = [];
  for (const scope of ['community', 'everything']) {
    const zcat = seconds(() => execFileSync('sh', ['-c', `zcat '${first}' > /dev/null`]));
    const r = runChild(scope, [first]);
    const h = r.hours[0]!;
    rows.push({
      scope: scope === 'community' ? `orgs ${ORGS.join(', ')}` : 'every event (worst case)',
      'JSON MB': +(jsonBytes / 1e6).toFixed(0), events: h.lines, stored: h.added, 'events/s': Math.round(h.lines / h.s),
      'MB/s': +(jsonBytes / 1e6 / h.s).toFixed(0), 'zcat s': +zcat.toFixed(2), 'ingest s': +h.s.toFixed(2), 'ingest x zcat': +(h.s / zcat).toFixed(2),
      'peak RSS MB': r.peak,
    });
  }
  process.stdout.write(`${renderTable(Object.keys(rows[0]!), rows)}\n`);
  if (args.includes('--day')) {
    const files: string[] = [];
    for (let i = 0; i < 24; i++) files.push(await hourFile(i));
    const zcat = seconds(() => execFileSync('sh', ['-c', `zcat ${files.map((f) => `'${f}'`).join(' ')} > /dev/null`]));
    const r = runChild('community', files);
    const total = r.hours.reduce((s, h) => s + h.s, 0);
    process.stdout.write(`\na day (24 hours, ${r.hours.reduce((s, h) => s + h.lines, 0).toLocaleString('en-US')} events) in one process, orgs ${ORGS.join(', ')}: ` +
      `ingest ${total.toFixed(1)} s, zcat ${zcat.toFixed(1)} s (x${(total / zcat).toFixed(2)}); peak RSS ${r.peak} MB\n` +
      `after each hour, MB: RSS ${r.hours.map((h) => h.rss).join(' ')}\n` +
      `  V8 heap ${r.hours.map((h) => h.heap).join(' ')}\n  DuckDB ${r.hours.map((h) => h.duck).join(' ')}\n`);
  }
}
