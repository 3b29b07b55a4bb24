// Dashboard API under load on the real data: 200 concurrent requests at a time from a bounded Node client on loopback
// against `census serve`, p50/p99 and failures, as ratios to the same report query run directly on DuckDB in this run.
// The first bursts go as soon as /api/status says the default views' answers are computed (the time to that is printed).
//   node --import tsx bench/serve-load.ts [--db PATH] [--rounds N] [--concurrency N]
// Without --db it builds a scratch database from ../shared/data (40 git logs, gitdm, cncf/people profiles) first.
import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openContext } from '../src/session.ts';
import { getReport } from '../src/reports/registry.ts';
import { defaultReportOptions } from '../src/reports/options.ts';
import { renderTable } from '../src/output.ts';
import { BIN, realDb } from './real-db.ts';

const args = process.argv.slice(2);
const arg = (name: string) => args[args.indexOf(name) + 1] && args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const CONCURRENCY = Number(arg('--concurrency') ?? 200);
const ROUNDS = Number(arg('--rounds') ?? 5);
const quiet = { info() {}, warn() {} };

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
/** One GET; with `gzip` it asks for a compressed body as browsers do, and counts the bytes on the wire. */
const failures = new Map<string, number>();
function fetchTimed(url: string, gzip: boolean): Promise<{ ms: number; status: number; bytes: number }> {
  const t = performance.now();
  const failed = (why: string) => {
    const key = `${why} ${url.replace(/^http:\/\/[^/]+/, '')}`;
    failures.set(key, (failures.get(key) ?? 0) + 1);
  };
  return new Promise((resolve) => {
    get(url, { agent, headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => { bytes += d.length; });
      res.on('end', () => {
        if (res.statusCode !== 200) failed(String(res.statusCode));
        resolve({ ms: performance.now() - t, status: res.statusCode ?? 0, bytes });
      });
    }).on('error', (e: NodeJS.ErrnoException) => { failed(e.code ?? e.message); resolve({ ms: performance.now() - t, status: 0, bytes: 0 }); });
  });
}

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]!; };

async function round(urls: string[], gzip = true): Promise<{ ms: number[]; failures: number; bytes: number; wall: number }> {
  const t = performance.now();
  const res = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => fetchTimed(urls[i % urls.length]!, gzip)));
  return { ms: res.map((r) => r.ms), failures: res.filter((r) => r.status !== 200).length, bytes: res.reduce((n, r) => n + r.bytes, 0), wall: performance.now() - t };
}

const found = realDb(args);
if (!found) {
  process.stderr.write('no ../shared/data and no --db: nothing to measure\n');
  process.exit(0);
}
const db = resolve(found);

// The reference: the same report queries run directly on DuckDB in this process (no HTTP, no cache), median of 5.
const ctx = await openContext(loadConfig({ db }), { log: quiet });
const direct: Record<string, number> = {};
for (const [name, by] of [['contributors-by-country', 'all'], ['contributors-by-company', 'all'], ['contributors-by-company', 'year']] as const) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await getReport(name).run(ctx, { ...defaultReportOptions, by });
    times.push(performance.now() - t);
  }
  direct[`${name} by ${by}`] = quantile(times, 0.5);
}
await ctx.store.close();

const server = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => { out += d; const m = /census dashboard: (\S+)/.exec(out); if (m) resolve(m[1]!); });
});
const api = `${base}api`;
const json = async (path: string) => (await fetch(`${api}${path}`)).json() as Promise<Record<string, never>>;
// The server listens at once and computes what every first page asks right after; /api/status says when that is done.
const listening = performance.now();
while (!((await json('/status')) as { snapshot?: { ready?: boolean } }).snapshot?.ready) {
  if (performance.now() - listening > 300_000) throw new Error('the server did not say ready within 5 minutes');
  await new Promise((r) => setTimeout(r, 50));
}
const readyMs = performance.now() - listening;
const people = await json('/people?company=Google&limit=5') as { people?: { person_id: string }[] };
const k8s = 'repo=kubernetes/*&repo=kubernetes-sigs/*';
// What a first visit asks with the default filters (map, trends, tables, footer, filter bar): warmed at start.
const firstVisit = [
  '/reports/contributors-by-country', '/reports/contributors-by-company', '/status', '/meta', '/reports',
  '/reports/contributors-by-country?by=year&label=US&label=IN&label=CN&label=DE&label=CA&label=GB',
  '/reports/contributors-by-company?by=year&label=Google&label=Red%20Hat&label=VMware&label=Microsoft&label=IBM&label=Independent',
];
// What the dashboard's views ask (map, trends, tables, drill-down, person, footer), with and without a repository filter.
const dashboard = [
  ...firstVisit.filter((p) => p !== '/reports'),
  `/reports/contributors-by-country?${k8s}`, `/reports/contributors-by-company?${k8s}`, `/reports/contributors-by-company?${k8s}&by=quarter`,
  '/people?company=Google&limit=50', '/people?country=US&limit=50', ...(people.people ?? []).map((p) => `/people/${p.person_id}`),
].map((p) => `${api}${p}`);
// Questions nobody asked before: a distinct window each, so every request is a query.
const distinct = Array.from({ length: CONCURRENCY }, (_, i) => `${api}/reports/contributors-by-company?since=${new Date(Date.UTC(2014, 0, 1 + i)).toISOString().slice(0, 10)}`);

const table: Record<string, unknown>[] = [];
const ref = direct['contributors-by-company by all']!;
const add = (phase: string, r: { ms: number[]; failures: number; bytes: number; wall: number }) => table.push({
  phase, requests: r.ms.length, failures: r.failures, p50_ms: Math.round(quantile(r.ms, 0.5)), p99_ms: Math.round(quantile(r.ms, 0.99)),
  max_ms: Math.round(Math.max(...r.ms)), MB: Math.round(r.bytes / 1e5) / 10, p99_vs_query: Math.round((10 * quantile(r.ms, 0.99)) / ref) / 10,
});
add('first visit (default views), first burst once /api/status says ready', await round(firstVisit.map((p) => `${api}${p}`)));
add('dashboard mix (+ repository filter, people, person pages), its first burst', await round(dashboard));
const warm = { ms: [] as number[], failures: 0, bytes: 0, wall: 0 };
for (let i = 0; i < ROUNDS; i++) { const r = await round(dashboard); warm.ms.push(...r.ms); warm.failures += r.failures; warm.bytes += r.bytes; }
add(`dashboard mix, ${ROUNDS} more bursts (warm)`, warm);
add('dashboard mix, no gzip asked', await round(dashboard, false));
add('200 distinct uncached questions', await round(distinct));
server.kill('SIGTERM');
agent.destroy();

process.stdout.write(`database: ${db}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores\n`);
process.stdout.write(`direct DuckDB query, median of 5 (the reference): ${Object.entries(direct).map(([k, v]) => `${k} ${Math.round(v)} ms`).join('; ')}\n`);
process.stdout.write(`ready (default views' answers computed) ${Math.round(readyMs)} ms after the server listened\n\n`);
process.stdout.write(`${renderTable(Object.keys(table[0]!), table)}\n`);
if (failures.size) process.stdout.write(`\nfailures: ${[...failures].map(([k, n]) => `${k} x${n}`).join('; ')}\n`);
process.stdout.write(`\np99_vs_query: p99 of a request / one direct contributors-by-company query (${Math.round(ref)} ms). Target: p99 < 500 ms, no failures.\n`);
