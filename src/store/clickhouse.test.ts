// ClickHouse without a server: the DDL and cluster statements generated, parameter rewriting, value decoding, locations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStage, createTable, exchangeTables, routeStatement, stagedNames, truncateTable, type ChLayout } from './clickhouse-ddl.ts';
import { bindStatement, decodeRows, decodeValue } from './clickhouse-sql.ts';
import { parseTarget, PASSWORD_ENV } from './clickhouse-session.ts';
import { jsonRowsWriter } from './clickhouse-writer.ts';
import type { ChSession } from './clickhouse-session.ts';
import { tables, type TableDecl } from './tables.ts';
import { CensusError } from '../errors.ts';

const one: ChLayout = { database: 'census' };
const cluster: ChLayout = { database: 'census', cluster: 'oss' };

test('raw tables are ReplacingMergeTree on their declared key; derived ones MergeTree; nullable keys allowed', () => {
  const [commits] = createTable(tables.commits, one, 'commits');
  assert.match(commits!, /^CREATE TABLE IF NOT EXISTS `census`\.`commits` \(`repo` String, `sha` String, .*`author_at` DateTime64\(0, 'UTC'\), `author_tz` Int32, /);
  assert.match(commits!, /ENGINE = ReplacingMergeTree ORDER BY \(`repo`, `sha`\)$/);
  assert.match(createTable(tables.credits, one, 'credits')[0]!, /ENGINE = MergeTree ORDER BY \(`repo`, `sha`, `person_id`\)$/);
  const [aff] = createTable(tables.affiliations, one, 'affiliations');
  assert.match(aff!, /`from_date` Nullable\(Date32\).*SETTINGS allow_nullable_key = 1$/);
  assert.match(createTable(tables.people, one, 'people')[0]!, /`logins` Array\(String\)/);
});

test('an event table declared with partitionByMonth is partitioned by month', () => {
  const events: TableDecl = { role: 'raw', key: ['repo', 'id'], partitionByMonth: 'created_at', columns: [['id', 'bigint'], ['repo', 'string'], ['created_at', 'timestamp']] };
  assert.match(createTable(events, one, 'events')[0]!, /ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM\(`created_at`\) ORDER BY \(`repo`, `id`\)$/);
});

test('cluster mode: replicated local tables ON CLUSTER and a Distributed table over them, sharded by the first key column', () => {
  const [local, dist] = createTable(tables.commits, cluster, 'commits');
  assert.match(local!, /^CREATE TABLE IF NOT EXISTS `census`\.`commits_local` ON CLUSTER `oss` \(/);
  assert.match(local!, /ENGINE = ReplicatedReplacingMergeTree\('\/clickhouse\/tables\/\{uuid\}\/\{shard\}', '\{replica\}'\) ORDER BY \(`repo`, `sha`\)$/);
  assert.equal(dist, 'CREATE TABLE IF NOT EXISTS `census`.`commits` ON CLUSTER `oss` AS `census`.`commits_local` ' +
    'ENGINE = Distributed(`oss`, `census`, `commits_local`, cityHash64(`repo`))');
  assert.match(createTable(tables.people, cluster, 'people')[0]!, /ReplicatedMergeTree\(/);
  assert.equal(truncateTable(cluster, 'credits'), 'TRUNCATE TABLE IF EXISTS `census`.`credits_local` ON CLUSTER `oss`');
  assert.equal(exchangeTables(cluster, { database: 'census__rebuild', cluster: 'oss' }, 'credits'),
    'EXCHANGE TABLES `census`.`credits_local` AND `census__rebuild`.`credits_local` ON CLUSTER `oss`');
});

test('cluster mode: a DELETE goes to the local tables of every shard; other statements are left alone', () => {
  const del = '-- A re-imported file replaces itself.\nDELETE FROM gitdm_affiliations WHERE source = {source:String}';
  assert.equal(routeStatement(del, cluster),
    '-- A re-imported file replaces itself.\nDELETE FROM `census`.`gitdm_affiliations_local` ON CLUSTER `oss` WHERE source = {source:String}');
  assert.equal(routeStatement(del, one), del);
  const ins = 'INSERT INTO commits SELECT * FROM stage_commits';
  assert.equal(routeStatement(ins, cluster), ins);
});

test('staging tables are private to one store: named with its suffix, in statements too', () => {
  assert.deepEqual(createStage('profiles', cluster, 'abc').map((s) => s.split(' (')[0]),
    ['DROP TABLE IF EXISTS `census`.`stage_profiles__abc`', 'CREATE TABLE `census`.`stage_profiles__abc`']);
  assert.equal(stagedNames('INSERT INTO profiles SELECT * FROM stage_profiles -- stage_nothing', 'abc'),
    'INSERT INTO profiles SELECT * FROM stage_profiles__abc -- stage_nothing');
});

test('$name becomes {name:Type} from the bound value; text, comments and explicit {name:Type} are left alone', () => {
  const sql = "-- uses $period\nSELECT '$not' AS s, $since, $n, $x, $flag, $repos, {unknown:String} WHERE a = $since";
  const b = bindStatement(sql, { since: null, n: 3, x: 0.5, flag: true, repos: ['a/*'], unknown: 'Unknown', unused: 1 });
  assert.equal(b.query, "-- uses $period\nSELECT '$not' AS s, {since:Nullable(Nothing)}, {n:Int64}, {x:Float64}, {flag:Bool}, {repos:Array(String)}, {unknown:String} WHERE a = {since:Nullable(Nothing)}");
  assert.deepEqual(Object.keys(b.params).sort(), ['flag', 'n', 'repos', 'since', 'unknown', 'x']);
  assert.throws(() => bindStatement('SELECT $missing', {}), /parameter missing is named by the statement but not bound/);
});

test('values come back as DuckDB gives them: exact 64-bit numbers, ISO instants, unqualified names', () => {
  assert.equal(decodeValue('UInt64', '12'), 12);
  assert.equal(decodeValue('Int64', '9007199254740993'), '9007199254740993');
  assert.deepEqual(decodeValue('Array(Nullable(Int64))', ['1', null]), [1, null]);
  assert.equal(decodeValue("DateTime64(0, 'UTC')", '2024-03-01 02:00:00'), '2024-03-01T02:00:00.000Z');
  assert.equal(decodeValue('Nullable(Date32)', '1999-12-31'), '1999-12-31T00:00:00.000Z');
  assert.equal(decodeValue('Float64', 0.25), 0.25);
  const rows = decodeRows([{ name: 'c.sha', type: 'String' }, { name: 'f.sha', type: 'String' }, { name: 'c.added', type: 'Int64' }],
    [{ 'c.sha': 'a', 'f.sha': 'b', 'c.added': '5' }]);
  assert.deepEqual(rows, [{ 'c.sha': 'a', 'f.sha': 'b', added: 5 }]);
});

test('locations: a server URL with the password from the environment only, or a chDB directory', () => {
  assert.deepEqual(parseTarget('clickhouse://census@ch.example:8123/oss'), {
    kind: 'server', url: 'http://ch.example:8123', username: 'census', database: 'oss', display: 'clickhouse://census@ch.example:8123/oss',
  });
  assert.equal((parseTarget('clickhouses://ch.example') as { url: string }).url, 'https://ch.example:8443');
  assert.equal(parseTarget('clickhouse://ch.example').database, 'census');
  assert.throws(() => parseTarget('clickhouse://u:secret@ch.example/db'), (e: unknown) => e instanceof CensusError && e.message.includes(PASSWORD_ENV));
  assert.throws(() => parseTarget('clickhouse://ch.example/bad-name'), CensusError);
  assert.deepEqual(parseTarget('chdb://./data/ch?database=k8s', '/work'), { kind: 'chdb', path: '/work/data/ch', database: 'k8s', display: 'chdb:///work/data/ch/k8s' });
  assert.equal((parseTarget('chdb:///var/lib/census') as { path: string }).path, '/var/lib/census');
});

test('a writer sends JSONEachRow in batches, in order, and says when a batch failed', async () => {
  const sent: string[][] = [];
  const session = { insert: async (_t: string, lines: readonly string[]) => { sent.push([...lines]); } } as unknown as ChSession;
  const w = jsonRowsWriter(session, 'commit_files', tables.commit_files.columns, 100);
  for (let i = 0; i < 3; i++) w.append(['demo/app', 'abc', `dir/file "${i}".md`, null, i, null, i === 1]);
  await w.close();
  assert.equal(w.count, 3);
  assert.ok(sent.length >= 2, 'more than one batch at 100 bytes each');
  assert.deepEqual(JSON.parse(sent.flat()[1]!), { repo: 'demo/app', sha: 'abc', path: 'dir/file "1".md', old_path: null, added: 1, deleted: null, is_binary: true });
  const failing = { insert: async () => { throw new Error('no space left'); } } as unknown as ChSession;
  const f = jsonRowsWriter(failing, 'email_companies', tables.email_companies.columns);
  f.append(['a@b.example', 'B']);
  await assert.rejects(() => f.close(), /no space left/);
});
