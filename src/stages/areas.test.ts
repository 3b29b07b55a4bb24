// OWNERS matching rules on a small invented community: nested OWNERS, renames across areas, files outside any OWNERS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, insert } from '../../test/lens-store.ts';
import { sql } from '../../test/cli-harness.ts';
import { buildAreaDirs, buildAreaRoles, buildCommitAreas } from './areas.ts';
import { buildCommitKinds } from './commit_kinds.ts';

const SRC = 'sigs:sigs.yaml';
type F = [path: string, oldPath?: string];
const commits: [repo: string, sha: string, files: F[]][] = [
  ['demo/platform', 'nested', [['pkg/net/dns.go']]],
  ['demo/platform', 'inherit', [['pkg/net/legacy/old.go']]],
  ['demo/platform', 'deeper', [['pkg/net/ipv6/addr.go']]],
  ['demo/platform', 'rename', [['pkg/net/a.go', 'pkg/net/ipv6/a.go']]],
  ['demo/platform', 'root', [['docs/readme.md']]],
  ['demo/platform', 'two', [['pkg/net/a.go'], ['pkg/net/ipv6/b.go']]],
  ['demo/platform', 'unlisted-label', [['pkg/gpu/x.go']]],
  ['demo/platform', 'area-label', [['pkg/misc/y.go']]],
  ['demo/platform', 'prefix', [['pkg/network/z.go']]],
  ['demo/tools', 'shared', [['main.go']]],
  ['demo/tools', 'empty', []],
  ['demo/unlisted', 'nowhere', [['main.go']]],
  ['other/lib', 'contrib', [['contrib/x.go']]],
  ['other/lib', 'outside', [['src/main.go']]],
  ['other/lib', 'empty', []],
];

async function build() {
  const { ctx, dir } = await freshContext();
  await insert(ctx, 'area_groups', [
    { source: SRC, area: 'sig-core', kind: 'sig', name: 'Core', label: 'sig/core' },
    { source: SRC, area: 'sig-network', kind: 'sig', name: 'Network', label: 'sig/network' },
    { source: SRC, area: 'wg-ipv6', kind: 'wg', name: 'IPv6', label: 'wg/ipv6' },
    { source: SRC, area: 'sig-storage', kind: 'sig', name: 'Storage', label: 'sig/storage' },
  ]);
  await insert(ctx, 'area_paths', [
    { source: SRC, area: 'sig-core', subproject: 'platform', repo: 'demo/platform', dir: '' },
    { source: SRC, area: 'sig-core', subproject: 'tools', repo: 'demo/tools', dir: '' },
    { source: SRC, area: 'wg-ipv6', subproject: 'ipv6-tools', repo: 'demo/tools', dir: '' },
    { source: SRC, area: 'sig-storage', subproject: 'contrib', repo: 'other/lib', dir: 'contrib' },
  ]);
  await insert(ctx, 'owners_files', [
    { repo: 'demo/platform', dir: '', approvers: ['alice'] },
    { repo: 'demo/platform', dir: 'pkg/net', labels: ['sig/network'], reviewers: ['bob'], approvers: ['carol'] },
    { repo: 'demo/platform', dir: 'pkg/net/legacy', approvers: ['dave'] },
    { repo: 'demo/platform', dir: 'pkg/net/ipv6', labels: ['wg/ipv6'] },
    { repo: 'demo/platform', dir: 'pkg/gpu', labels: ['sig/gpu'] },
    { repo: 'demo/platform', dir: 'pkg/misc', labels: ['area/misc', 'kind/cleanup'] },
    { repo: 'demo/unlisted', dir: '', reviewers: ['zed'] },
  ]);
  await insert(ctx, 'area_leads', [{ source: SRC, area: 'sig-core', login: 'Erin', role: 'chair', name: 'Erin Example' }]);
  await insert(ctx, 'people', [{ person_id: 'p-bob', display_name: 'Bob', logins: ['BoB'], opted_out: false }]);
  await insert(ctx, 'commits', commits.map(([repo, sha, files]) => ({ repo, sha, files: files.length })));
  await insert(ctx, 'commit_files', commits.flatMap(([repo, sha, files]) => files.map(([path, oldPath]) => ({ repo, sha, path, old_path: oldPath ?? null }))));
  await buildAreaDirs(ctx);
  await buildCommitAreas(ctx);
  await buildAreaRoles(ctx);
  await buildCommitKinds(ctx);
  await ctx.store.close();
  const areas = new Map<string, string[]>();
  for (const r of await sql(dir, 'SELECT repo, sha, area FROM commit_areas ORDER BY area')) {
    const key = `${r.repo}#${r.sha}`;
    areas.set(key, [...(areas.get(key) ?? []), String(r.area)]);
  }
  return { dir, areasOf: (repo: string, sha: string) => areas.get(`${repo}#${sha}`) ?? [] };
}
let built: ReturnType<typeof build> | undefined;
/** Built once, read by every test below. */
const community = () => (built ??= build());

test('the deepest OWNERS directory with an area wins; an unlabelled deeper OWNERS inherits', async () => {
  const { areasOf } = await community();
  assert.deepEqual(areasOf('demo/platform', 'nested'), ['sig-network'], 'pkg/net beats the repository root');
  assert.deepEqual(areasOf('demo/platform', 'inherit'), ['sig-network'], 'pkg/net/legacy/OWNERS names no area');
  assert.deepEqual(areasOf('demo/platform', 'deeper'), ['wg-ipv6'], 'pkg/net/ipv6 beats pkg/net: not both');
  assert.deepEqual(areasOf('demo/platform', 'root'), ['sig-core'], 'a file under no labelled OWNERS takes the root subproject');
  assert.deepEqual(areasOf('demo/platform', 'prefix'), ['sig-core'], 'pkg/network is not inside pkg/net');
});

test('a rename across areas, and a commit touching several areas, counts for each', async () => {
  const { areasOf } = await community();
  assert.deepEqual(areasOf('demo/platform', 'rename'), ['sig-network', 'wg-ipv6']);
  assert.deepEqual(areasOf('demo/platform', 'two'), ['sig-network', 'wg-ipv6']);
});

test('labels: an unknown group label names its folder; non-group labels name nothing', async () => {
  const { areasOf } = await community();
  assert.deepEqual(areasOf('demo/platform', 'unlisted-label'), ['sig-gpu']);
  assert.deepEqual(areasOf('demo/platform', 'area-label'), ['sig-core']);
});

test('whole repositories map to every subproject that lists them; files outside any OWNERS have no area', async () => {
  const { areasOf } = await community();
  assert.deepEqual(areasOf('demo/tools', 'shared'), ['sig-core', 'wg-ipv6']);
  assert.deepEqual(areasOf('demo/tools', 'empty'), ['sig-core', 'wg-ipv6'], 'a commit without files takes the root areas');
  assert.deepEqual(areasOf('demo/unlisted', 'nowhere'), []);
  assert.deepEqual(areasOf('other/lib', 'contrib'), ['sig-storage']);
  assert.deepEqual(areasOf('other/lib', 'outside'), [], 'only contrib/ is listed');
  assert.deepEqual(areasOf('other/lib', 'empty'), []);
});

test('OWNERS people serve the area of their directory; leads come from sigs.yaml; logins match people case-insensitively', async () => {
  const { dir } = await community();
  const rows = await sql(dir, "SELECT login, person_id, area, role FROM area_roles ORDER BY login, role");
  assert.deepEqual(rows.map((r) => [r.login, r.person_id, r.area, r.role]), [
    ['alice', null, 'sig-core', 'approver'],
    ['bob', 'p-bob', 'sig-network', 'reviewer'],
    ['carol', null, 'sig-network', 'approver'],
    ['dave', null, 'sig-network', 'approver'],
    ['erin', null, 'sig-core', 'chair'],
    ['zed', null, '', 'reviewer'],
  ]);
});

test('kinds of work: one row per kind a commit touched, with its file count', async () => {
  const { dir } = await community();
  const rows = await sql(dir, "SELECT repo, sha, kind, files FROM commit_kinds WHERE sha IN ('two', 'root') ORDER BY sha, kind");
  assert.deepEqual(rows.map((r) => [r.sha, r.kind, r.files]), [['root', 'docs', 1], ['two', 'code', 2]]);
});
