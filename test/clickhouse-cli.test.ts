// End to end: a census database migrated from DuckDB to ClickHouse (chDB) answers the same; locations checked at the edge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { census, scratch, FIX } from './cli-harness.ts';
import { chdbUnavailable } from '../src/store/chdb-probe.ts';

const why = await chdbUnavailable();
const report = (dir: string, db: string[]) => {
  const r = census(dir, [...db, 'report', 'contributors-by-company', '--by', 'year', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as unknown;
};

test('census migrate copies every table to ClickHouse; the reports match; a filled target needs --replace', { skip: why ?? false }, () => {
  const dir = scratch();
  const scan = census(dir, ['scan', join(FIX, 'gitlog', 'demo__app.log.gz'), '--gitdm', join(FIX, 'gitdm', 'developers_affiliations.txt')]);
  assert.equal(scan.code, 0, scan.stderr);
  const to = `chdb://${join(dir, 'ch')}`;
  const m = census(dir, ['migrate', '--from', join(dir, 'census.duckdb'), '--to', to]);
  assert.equal(m.code, 0, m.stderr);
  assert.match(m.stderr, /commits +10 rows/);
  assert.match(m.stderr, /credits +12 rows/);
  assert.deepEqual(report(dir, ['--db', to]), report(dir, []));
  const again = census(dir, ['migrate', '--from', join(dir, 'census.duckdb'), '--to', to]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /already holds data .*\nhint: --replace/);
  const replaced = census(dir, ['migrate', '--from', join(dir, 'census.duckdb'), '--to', to, '--replace']);
  assert.equal(replaced.code, 0, replaced.stderr);
  assert.match(replaced.stderr, /commits +10 rows/);
});

test('a password in a ClickHouse URL, an unknown scheme and --cluster on DuckDB are usage errors', () => {
  const dir = scratch();
  const pw = census(dir, ['--db', 'clickhouse://census:secret@localhost:8123/oss', 'status']);
  assert.equal(pw.code, 2);
  assert.match(pw.stderr, /password in the URL .*CENSUS_CLICKHOUSE_PASSWORD/);
  const scheme = census(dir, ['--db', 'postgres://localhost/census', 'status']);
  assert.equal(scheme.code, 2);
  assert.match(scheme.stderr, /no store backend for "postgres:\/\/"/);
  const cluster = census(dir, ['--cluster', 'oss', 'status']);
  assert.equal(cluster.code, 2);
  assert.match(cluster.stderr, /--cluster needs a ClickHouse --db/);
});
