import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBStore } from './duckdb.ts';
import { sqlFile } from './store.ts';
import { CensusError } from '../errors.ts';
import { DuckDBInstance } from '@duckdb/node-api';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'census-store-')), 'db.duckdb');

async function tamper(path: string, table: string): Promise<void> {
  const inst = await DuckDBInstance.create(path);
  const c = await inst.connect();
  await c.run(`UPDATE census_schema SET ddl_hash = 'stale' WHERE table_name = '${table}'`);
  c.closeSync();
  inst.closeSync();
}

test('a derived table whose declaration changed is recreated; a raw one is refused', async () => {
  const path = fresh();
  let s = await DuckDBStore.open(path, '64MB');
  await s.init();
  const w = await s.writer('email_companies');
  w.append(['a@b.example', 'B']);
  await w.close();
  await s.close();
  await tamper(path, 'email_companies');
  s = await DuckDBStore.open(path, '64MB');
  await s.init();
  const rows = await s.query(sqlFile(import.meta.url, '../stages/email_companies'));
  assert.equal(rows.length, 0, 'recreated empty, to be rebuilt');
  await s.close();
  await tamper(path, 'commits');
  s = await DuckDBStore.open(path, '64MB');
  await assert.rejects(() => s.init(), (e: unknown) => e instanceof CensusError && /table commits differs/.test(e.message));
  await s.close();
});

test('BIGINT comes back as a number, lists as arrays; only the parameters a statement names are bound', async () => {
  const s = await DuckDBStore.open(fresh(), '64MB');
  await s.init();
  const w = await s.writer('people');
  w.append(['p1', 'Ada', ['ada'], ['a@x.example'], ['Ada'], null, null, false]);
  await w.close();
  const rows = await s.query(sqlFile(import.meta.url, '../stages/person_logins'), { unused: 'ignored' });
  assert.deepEqual(rows, [{ person_id: 'p1', login: 'ada' }]);
  await s.close();
});

test('a second writer on the same file is told the file is busy', async () => {
  const path = fresh();
  const a = await DuckDBStore.open(path, '64MB');
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', `
    const { DuckDBStore } = await import(${JSON.stringify(new URL('./duckdb.ts', import.meta.url).pathname)});
    try { await DuckDBStore.open(${JSON.stringify(path)}, '64MB'); console.log('opened'); }
    catch (e) { console.log(e.exitCode, e.message); }`], { encoding: 'utf8' });
  await a.close();
  assert.match(r.stdout, /^5 .*in use by another census process/m);
});

test('a read-only open reads what a read-write open wrote, leaves the schema as it is, and refuses writes', async () => {
  const path = fresh();
  const rw = await DuckDBStore.open(path, '64MB');
  await rw.init();
  const w = await rw.writer('email_companies');
  w.append(['a@b.example', 'B']);
  await w.close();
  await rw.close();
  await tamper(path, 'email_companies'); // a read-write init would drop and recreate it empty
  const ro = await DuckDBStore.open(path, '64MB', true);
  await ro.init();
  assert.equal(await ro.count('email_companies'), 1);
  await assert.rejects(() => ro.writer('email_companies'), /readonly|read-only/i);
  await ro.close();
});
