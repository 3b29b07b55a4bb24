// Every report in the registry, golden-tested on the fixtures, and identical on DuckDB and ClickHouse (embedded chDB).
// New reports are covered as they are registered; a difference names the .sql that needs a `.clickhouse.sql` sibling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIX, ROOT, scratch } from './cli-harness.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { Context } from '../src/context.ts';
import { openContext } from '../src/session.ts';
import { reportNames, getReport } from '../src/reports/registry.ts';
import { defaultReportOptions, type ReportOptions } from '../src/reports/options.ts';
import { chdbUnavailable } from '../src/store/chdb-probe.ts';
import { loadFixtureCommunity, recordingStore, siblingAdvice, canonical, firstDifference } from './parity-support.ts';
import { derivedTables, tableNames, tables } from '../src/store/tables.ts';

const GOLDEN = join(ROOT, 'test', 'golden', 'reports');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Variant { name: string; opts: Partial<ReportOptions>; config?: Partial<Config> }
/** Each variant reaches a different part of the report SQL (periods, windows, patterns, denominators, policies). */
const variants: Variant[] = [
  { name: 'default', opts: {} },
  { name: 'by-year-known-only', opts: { by: 'year', knownOnly: true } },
  { name: 'by-quarter-window', opts: { by: 'quarter', since: '2022-01-01', until: '2024-07-01' } },
  { name: 'by-month-repos-roll-up', opts: { by: 'month', repos: ['demo/ac*', 'demo/app'], rollUpAcquisitions: true } },
  { name: 'bots-strict-opt-out-folded', opts: {}, config: { includeBots: true, strictOptOut: true, regions: 'fold-into-cn' } },
];

const silent = { log: { info() {}, warn() {} }, progress: () => ({ update() {}, stop() {} }) };
const chdbWhy = await chdbUnavailable();
let duck: Context;
let click: Context | null = null;
let clickSetup: unknown = null;

before(async () => {
  const dir = scratch();
  const config = (db: string) => loadConfig({ db, optOut: [join(FIX, 'optout', 'forbidden-sha256.csv')] }, dir);
  duck = await openContext(config(join(dir, 'census.duckdb')), silent);
  await loadFixtureCommunity(duck);
  if (chdbWhy) return;
  click = await openContext(config(`chdb://${join(dir, 'chdb')}`), silent);
  click = { ...click, store: recordingStore(click.store) };
  try {
    await loadFixtureCommunity(click);
  } catch (err) {
    clickSetup = err;
  }
});
after(async () => {
  await duck?.store.close();
  await click?.store.close();
});

const within = (ctx: Context, v: Variant): Context => ({ ...ctx, config: { ...ctx.config, ...v.config } });
const optionsOf = (v: Variant): ReportOptions => ({ ...defaultReportOptions, ...v.opts });

for (const name of reportNames) {
  test(`report ${name}: golden on DuckDB, the same rows on ClickHouse`, async (t) => {
    for (const v of variants) {
      let got: unknown = null;
      await t.test(`${v.name}: golden (DuckDB)`, async () => {
        got = canonical(await getReport(name).run(within(duck, v), optionsOf(v)));
        const file = join(GOLDEN, `${name}.${v.name}.json`);
        if (UPDATE) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, `${JSON.stringify(got, null, 1)}\n`);
        }
        assert.ok(existsSync(file), `no golden file for ${name} (${v.name}): run \`UPDATE_GOLDEN=1 node --import tsx --test test/report-parity.test.ts\` and review ${file}`);
        assert.deepEqual(got, JSON.parse(readFileSync(file, 'utf8')), `${name} (${v.name}) differs from ${file}`);
      });
      await t.test(`${v.name}: the same on ClickHouse`, { skip: chdbWhy ?? false }, async () => {
        assert.ok(click && got, 'ClickHouse store did not open, or DuckDB did not answer');
        if (clickSetup) assert.fail(siblingAdvice(clickSetup, 'loading the fixtures (ingest and rebuild)'));
        const used = (click.store as ReturnType<typeof recordingStore>).used;
        used.clear();
        let other: unknown;
        try {
          other = canonical(await getReport(name).run(within(click, v), optionsOf(v)));
        } catch (err) {
          assert.fail(siblingAdvice(err, `report ${name}`));
        }
        const diff = firstDifference(got, other);
        assert.equal(diff, null, `${name} (${v.name}) differs between DuckDB and ClickHouse at ${diff}.\n${siblingAdvice(null, `report ${name}`, [...used])}`);
      });
    }
  });
}

test('derived tables hold the same rows on DuckDB and ClickHouse; the others as many', { skip: chdbWhy ?? false }, async () => {
  assert.ok(click);
  if (clickSetup) assert.fail(siblingAdvice(clickSetup, 'loading the fixtures (ingest and rebuild)'));
  for (const table of tableNames.filter((t) => tables[t].role !== 'derived')) {
    // Fewer rows on ClickHouse: the declared key is not a row's identity, and ReplacingMergeTree folded two rows.
    assert.equal(await click.store.count(table), await duck.store.count(table), `${table}: rows differ; is its declared key the identity of a row?`);
  }
  for (const table of derivedTables) {
    const rows = async (ctx: Context) => {
      const out: unknown[][] = [];
      for await (const batch of ctx.store.scan(table)) out.push(...batch);
      return canonical(out.map((r) => JSON.stringify(canonical(r))).sort());
    };
    const diff = firstDifference(await rows(duck), await rows(click));
    assert.equal(diff, null, `derived table ${table} differs between DuckDB and ClickHouse at ${diff}: its stage's .sql may need a .clickhouse.sql sibling`);
  }
});
