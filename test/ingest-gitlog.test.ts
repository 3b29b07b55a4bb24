// End to end: `census ingest gitlog` on fixtures: idempotence, bad input, corrupt gzip, resume after SIGKILL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { census, censusAsync, scratch, sql, FIX } from './cli-harness.ts';

const log = (name: string) => join(FIX, 'gitlog', name);
const counts = async (dir: string) =>
  (await sql(dir, `SELECT (SELECT count(*) FROM commits) AS commits, (SELECT count(*) FROM commit_files) AS files,
                          (SELECT count(*) FROM commit_coauthors) AS coauthors, (SELECT count(*) FROM credits) AS credits`))[0];

test('ingest is idempotent: the same file twice, or its uncompressed twin, adds nothing', async () => {
  const dir = scratch();
  const first = census(dir, ['ingest', 'gitlog', log('demo__app.log.gz')]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /10 commits read, 10 new/);
  const before = await counts(dir);
  assert.deepEqual(before, { commits: 10, files: 12, coauthors: 2, credits: 12 });
  const again = census(dir, ['ingest', 'gitlog', log('demo__app.log.gz')]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /already ingested/);
  const twin = census(dir, ['ingest', 'gitlog', '--repo', 'demo/app', log('demo__app.log')]);
  assert.equal(twin.code, 0, twin.stderr);
  assert.match(twin.stderr, /10 commits read, 0 new/);
  assert.deepEqual(await counts(dir), before);
});

test('the author offset is kept beside the UTC instant; renames and quoted paths are decoded', async () => {
  const dir = scratch();
  assert.equal(census(dir, ['ingest', 'gitlog', log('demo__app.log.gz')]).code, 0);
  const [c] = await sql(dir, `SELECT strftime(author_at, '%Y-%m-%dT%H:%M:%S') AS at, author_tz FROM commits WHERE sha LIKE '%1' AND sha = '${'1'.padStart(40, 'a')}'`);
  assert.deepEqual(c, { at: '2024-03-01T02:00:00', author_tz: 480 });
  const files = await sql(dir, `SELECT path, old_path, is_binary FROM commit_files ORDER BY path`);
  assert.ok(files.some((f) => f.path === 'docs/new/guide.md' && f.old_path === 'docs/old/guide.md'));
  assert.ok(files.some((f) => f.path === 'docs/café "menu".md'));
  assert.ok(files.some((f) => f.path === 'assets/logo.png' && f.is_binary === true));
});

test('a truncated gzip fails with the file and byte offset, and stores nothing from it', async () => {
  const dir = scratch();
  const r = census(dir, ['ingest', 'gitlog', log('demo__truncated.log.gz')]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /demo__truncated\.log\.gz: truncated or corrupt gzip near compressed byte \d+/);
  const [n] = await sql(dir, `SELECT count(*) AS n FROM commits`);
  assert.equal(n!.n, 0);
  const [s] = await sql(dir, `SELECT count(*) AS n FROM ingest_sources`);
  assert.equal(s!.n, 0);
});

test('bad records are counted with file and line; the good ones are kept; exit is non-zero', async () => {
  const dir = scratch();
  const r = census(dir, ['ingest', 'gitlog', log('demo__bad.log')]);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /demo__bad\.log:\d+ \(byte \d+\): header has 4 fields, expected 9/);
  assert.match(r.stderr, /bad date "yesterday"/);
  const kept = await sql(dir, `SELECT right(sha, 3) AS s, subject FROM commits ORDER BY sha`);
  assert.deepEqual(kept.map((k) => k.s), ['a65', 'a67', 'a68', 'a6a']);
  assert.equal(kept.find((k) => k.s === 'a68')!.subject, 'subject with a stray  in it');
  const problems = await sql(dir, `SELECT line, reason FROM ingest_problems ORDER BY line`);
  assert.equal(problems.length, 4);
  assert.ok(problems.every((p) => Number(p.line) > 0));
  const status = census(dir, ['status', '--problems', '--format', 'json']);
  assert.equal(JSON.parse(status.stdout).length, 4);
});

test('missing paths and non-repositories are clear errors', () => {
  const dir = scratch();
  const missing = census(dir, ['ingest', 'gitlog', join(dir, 'nope.log.gz')]);
  assert.equal(missing.code, 4);
  assert.match(missing.stderr, /nope\.log\.gz: no such file/);
  const notRepo = census(dir, ['ingest', 'git', dir]);
  assert.equal(notRepo.code, 3);
  assert.match(notRepo.stderr, /not a git repository/);
  const noName = census(dir, ['ingest', 'gitlog', log('app.mailmap')]);
  assert.equal(noName.code, 2);
  assert.match(noName.stderr, /cannot tell the repository/);
});

test('killed with SIGKILL mid-ingest, a second run ends with the same tables as a clean run', async () => {
  const dir = scratch();
  // A log big enough to be mid-way when the kill lands.
  const big = join(dir, 'big__repo.log');
  const rec = (i: number) => `\x1e${i.toString(16).padStart(40, '0')}\x1fDev ${i % 97}\x1fdev${i % 97}@example.org\x1f2024-01-01T00:00:00+02:00\x1fDev\x1fdev@example.org\x1f2024-01-01T00:00:00+02:00\x1fcommit ${i}\x1f\n\n1\t1\tsrc/f${i % 13}.go\n2\t0\tdocs/d${i}.md\n`;
  writeFileSync(big, Array.from({ length: 60000 }, (_, i) => rec(i)).join(''));
  const child = censusAsync(dir, ['ingest', 'gitlog', big]);
  await new Promise((r) => setTimeout(r, 1500));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const resumed = census(dir, ['ingest', 'gitlog', big]);
  assert.equal(resumed.code, 0, resumed.stderr);
  const clean = scratch();
  assert.equal(census(clean, ['ingest', 'gitlog', big]).code, 0);
  const q = `SELECT (SELECT count(*) FROM commits) c, (SELECT count(DISTINCT sha) FROM commits) d, (SELECT count(*) FROM commit_files) f, (SELECT count(*) FROM credits) k, (SELECT count(*) FROM ingest_sources) s`;
  const [a] = await sql(dir, q);
  const [b] = await sql(clean, q);
  assert.deepEqual(a, b);
  assert.equal(a!.c, 60000);
  assert.equal(a!.d, 60000);
});
