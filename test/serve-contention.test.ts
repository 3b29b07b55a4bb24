// The contention case: DuckDB allows one writer per file and no reader beside it. The dashboard reads a private copy,
// so an ingest is never refused because of it, the dashboard keeps answering during the ingest, and the new data
// shows once the writer is gone (docs/dashboard.md).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { FIX, censusAsync } from './cli-harness.ts';
import { fixtureDb, getJson, serve, type Served } from './serve-harness.ts';

const countryReport = (url: string) => getJson(`${url}api/reports/contributors-by-country`);
const contributors = (body: Record<string, unknown>) => (body.coverage as { contributors: number }[])[0]!.contributors;

async function until<T>(what: string, probe: () => Promise<T | null>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// One dashboard for both cases, as a user would leave it running: first a real ingest, then a writer held open.
let dir: string;
let s: Served;
before(async () => {
  dir = fixtureDb();
  s = await serve(dir);
});
after(async () => { await s.stop(); });

test('an ingest beside a running dashboard is never refused; the dashboard answers throughout, then shows the new data', async () => {
  assert.equal(contributors((await countryReport(s.url)).body), 7);
  const ingest = censusAsync(dir, ['ingest', 'gitlog', join(FIX, 'gitlog', 'demo__acquired.log')]);
  const exit = new Promise<number | null>((resolve) => ingest.once('exit', (code) => resolve(code)));
  let running = true;
  void exit.then(() => { running = false; });
  const statuses: number[] = [];
  while (running) {
    const [a, b] = await Promise.all([countryReport(s.url), getJson(`${s.url}api/reports/contributors-by-company?since=2020-01-01`)]);
    statuses.push(a.status, b.status);
  }
  assert.equal(await exit, 0, 'the ingest ran to the end beside the dashboard');
  assert.ok(statuses.length >= 2);
  assert.deepEqual([...new Set(statuses)], [200], 'every request during the ingest was answered');
  await until('the new data', async () => (contributors((await countryReport(s.url)).body) === 8 ? true : null));
  const st = await getJson(`${s.url}api/status`);
  assert.ok((st.body.snapshot as { generation: number }).generation >= 2);
});

test('while a writer holds the database the last copy is served and the status says so; its changes show after it closes', async () => {
  const writer = await DuckDBInstance.create(join(dir, 'census.duckdb'));
  const conn = await writer.connect();
  await conn.run("DELETE FROM credits WHERE person_id IN (SELECT person_id FROM locations WHERE country = 'CN')");
  await until('writerActive', async () => ((await getJson(`${s.url}api/status`)).body.snapshot as { writerActive: boolean }).writerActive || null);
  const during = await countryReport(s.url);
  assert.equal(during.status, 200);
  assert.equal(during.body.rows!.find((r) => r.country === 'CN')!.contributors, 2, 'the copy from before the writer');
  conn.closeSync();
  writer.closeSync();
  const after = await until('the writer\'s changes', async () => {
    const r = await countryReport(s.url);
    const cn = r.body.rows!.find((x) => x.country === 'CN');
    return cn && Number(cn.contributors) >= 0.5 ? null : r;
  });
  assert.equal(contributors(after.body), 6, 'the 8 of the first case, less the 2 in China');
  assert.equal(((await getJson(`${s.url}api/status`)).body.snapshot as { writerActive: boolean }).writerActive, false);
});
