// End to end: `census ingest git` on real repositories made at test time, including the awkward shapes of a clone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { census, scratch, sql } from './cli-harness.ts';
import { commit, git, init, sampleRepo } from './git-repos.ts';

test('a clone: no merges, offsets kept, renames and quoted paths decoded, co-authors credited', async () => {
  const dir = scratch();
  const repo = sampleRepo(join(dir, 'repo'));
  git(repo, ['add', '.mailmap']);
  commit(repo, 'Ada Lovelace <ada.old@example.org>', '2024-04-01T09:00:00+08:00', 'with mailmap', []);
  const r = census(dir, ['ingest', 'git', '--repo', 'demo/live', repo]);
  assert.equal(r.code, 0, r.stderr);
  const commits = await sql(dir, `SELECT subject, author_tz FROM commits ORDER BY author_at`);
  assert.deepEqual(commits.map((c) => c.subject), ['first', 'move and add binary', 'side work', 'with mailmap']);
  assert.deepEqual(commits.map((c) => c.author_tz), [480, -480, 330, 480]);
  const files = await sql(dir, `SELECT path, old_path, is_binary FROM commit_files ORDER BY path`);
  assert.ok(files.some((f) => f.path === 'pkg/b/core.go' && f.old_path === 'pkg/a/core.go'));
  assert.ok(files.some((f) => f.path === 'logo.bin' && f.is_binary === true));
  assert.ok(files.some((f) => f.path === 'café menu.txt'));
  const [co] = await sql(dir, `SELECT name, email FROM commit_coauthors`);
  assert.deepEqual(co, { name: 'Ada Lovelace', email: 'ada@example.org' });
  // .mailmap joins ada.old@ to ada@: one person with 3 credits (first, co-author, with mailmap).
  const people = await sql(dir, `SELECT p.display_name, count(*) AS n FROM credits c JOIN people p USING (person_id) GROUP BY ALL ORDER BY n DESC`);
  assert.deepEqual(people[0], { display_name: 'Ada Lovelace', n: 3 });
  const again = census(dir, ['ingest', 'git', '--repo', 'demo/live', repo]);
  assert.match(again.stderr, /already ingested/);
});

test('--since/--until/--branch select the window and the ref', async () => {
  const dir = scratch();
  const repo = sampleRepo(join(dir, 'repo'));
  assert.equal(census(dir, ['ingest', 'git', '--repo', 'demo/w', '--since', '2024-01-15', '--until', '2024-02-15', repo]).code, 0);
  assert.deepEqual((await sql(dir, `SELECT subject FROM commits`)).map((c) => c.subject), ['move and add binary']);
  const dir2 = scratch();
  assert.equal(census(dir2, ['ingest', 'git', '--repo', 'demo/s', '--branch', 'side', repo]).code, 0);
  assert.equal((await sql(dir2, `SELECT count(*) AS n FROM commits`))[0]!.n, 3);
  const bad = census(dir2, ['ingest', 'git', '--branch', 'nope', repo]);
  assert.equal(bad.code, 4);
  assert.match(bad.stderr, /branch "nope" not found/);
});

test('an empty repository, a detached HEAD, a submodule and alternates are read, not crashed on', async () => {
  const dir = scratch();
  const empty = init(join(dir, 'empty'));
  const r1 = census(dir, ['ingest', 'git', empty]);
  assert.equal(r1.code, 0, r1.stderr);
  assert.match(r1.stderr, /no commits/);

  const repo = sampleRepo(join(dir, 'repo'));
  const detached = join(dir, 'detached');
  git(dir, ['clone', '-q', repo, detached]);
  git(detached, ['checkout', '-q', '--detach', 'HEAD~1']);
  const r2 = census(dir, ['ingest', 'git', '--repo', 'demo/detached', detached]);
  assert.equal(r2.code, 0, r2.stderr);

  const shared = join(dir, 'shared');
  git(dir, ['clone', '-q', '--shared', repo, shared]); // objects/info/alternates
  const r3 = census(dir, ['ingest', 'git', shared]);
  assert.equal(r3.code, 0, r3.stderr);

  const sup = init(join(dir, 'super'));
  git(sup, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', repo, 'vendor/repo']);
  git(sup, ['commit', '-q', '-m', 'add submodule'], { GIT_AUTHOR_DATE: '2024-05-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-05-01T00:00:00Z' });
  const r4 = census(dir, ['ingest', 'git', '--repo', 'demo/super', sup]);
  assert.equal(r4.code, 0, r4.stderr);

  const bySource = await sql(dir, `SELECT repo, count(*) AS n FROM commits GROUP BY repo ORDER BY repo`);
  assert.deepEqual(bySource, [
    { repo: 'demo/detached', n: 2 },
    { repo: 'demo/super', n: 1 },
    { repo: 'local/shared', n: 3 },
  ]);
});

test('git failing mid-log (missing objects) stores nothing and says why', async () => {
  const dir = scratch();
  const repo = sampleRepo(join(dir, 'repo'));
  // Remove a blob the numstat of the first commit needs: what a partial clone without its blobs looks like.
  const blob = git(repo, ['rev-parse', 'HEAD~2:README.md']).trim();
  git(repo, ['repack', '-q', '-a', '-d']);
  git(repo, ['prune-packed']);
  const packs = git(repo, ['rev-parse', '--git-path', 'objects/pack']).trim();
  // Unpack everything, then drop the one blob.
  const { readdirSync, rmSync, readFileSync } = await import('node:fs');
  const packDir = join(repo, packs);
  for (const f of readdirSync(packDir).filter((f) => f.endsWith('.pack'))) {
    const data = readFileSync(join(packDir, f));
    rmSync(join(packDir, f));
    rmSync(join(packDir, f.replace(/\.pack$/, '.idx')));
    const { execFileSync } = await import('node:child_process');
    execFileSync('git', ['-C', repo, 'unpack-objects', '-q'], { input: data });
  }
  rmSync(join(repo, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
  writeFileSync(join(dir, 'marker'), '');
  const r = census(dir, ['ingest', 'git', '--repo', 'demo/broken', repo]);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /git log failed/);
  assert.equal((await sql(dir, `SELECT count(*) AS n FROM commits`))[0]!.n, 0);
});
