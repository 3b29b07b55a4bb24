// End to end: sigs.yaml, OWNERS and an areas file imported; SIG, segment and factor reports; a roster with unknown and opted-out handles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { census, scratch, sql, FIX } from './cli-harness.ts';
import { openContext } from '../src/session.ts';
import { loadConfig } from '../src/config.ts';
import { ingestGitlog } from '../src/commands/ingest.ts';
import { importAreaSet, importOwners } from '../src/ingest/areas.ts';
import { parseSigsYaml } from '../src/areas/sigs-yaml.ts';
import { parseAreasFile } from '../src/areas/areas-file.ts';
import { rebuild } from '../src/pipeline.ts';
import { getReport } from '../src/reports/registry.ts';
import { defaultReportOptions, type ReportOptions } from '../src/reports/options.ts';
import { renderSigSection, sigView } from '../src/reports/sig-section.ts';
import { freshContext } from './lens-store.ts';

const C = join(FIX, 'community');
const logs = readdirSync(join(C, 'gitlog')).map((f) => join(C, 'gitlog', f));
const OPTOUT = [join(FIX, 'optout', 'forbidden-sha256.csv'), join(C, 'optout.csv')];
const optout = OPTOUT.flatMap((f) => ['--opt-out', f]);
const run = (dir: string, args: string[]) => census(dir, [...optout, ...args]);
const open = (dir: string) => openContext(loadConfig({ db: join(dir, 'census.duckdb'), optOut: OPTOUT }), { log: { info() {}, warn() {} } });

/** Built in-process once (spawning the CLI for every step would cost seconds each); the CLI is exercised below. */
let prepared: Promise<{ dir: string; said: string[] }> | undefined;
function community() {
  prepared ??= (async () => {
    const dir = scratch();
    const ctx = await open(dir);
    await ingestGitlog(ctx, logs, {});
    const said = [
      (await importOwners(ctx, join(C, 'owners.jsonl'))).summary,
      (await importAreaSet(ctx, 'sigs', join(C, 'sigs.yaml'), parseSigsYaml)).summary,
      (await importAreaSet(ctx, 'sigs', join(C, 'sigs.yaml'), parseSigsYaml)).summary,
      (await importAreaSet(ctx, 'areas', join(C, 'areas.yaml'), parseAreasFile)).summary,
    ];
    await rebuild(ctx);
    await ctx.store.close();
    return { dir, said };
  })();
  return prepared;
}

type Rep = { header: Record<string, string>; rows: Record<string, unknown>[] };
async function report(name: string, o: Partial<ReportOptions> = {}): Promise<Rep> {
  const ctx = await open((await community()).dir);
  try {
    return await getReport(name).run(ctx, { ...defaultReportOptions, ...o });
  } finally {
    await ctx.store.close();
  }
}
const byArea = (rep: Rep) => Object.fromEntries(rep.rows.map((r) => [String(r.area), r]));

test('imports say what they stored; a re-import of the same file is a no-op; opt-out applies at import', async () => {
  const { said } = await community();
  assert.deepEqual(said, [
    '2 OWNERS files in 1 repositories, 1 logins withheld (opt-out), 1 problem(s)',
    '3 groups, 4 directories, 2 lead entries, 1 lead entries withheld (opt-out)',
    'already imported with this content',
    '1 groups, 1 directories, 1 lead entries',
  ]);
  const { dir } = await community();
  const leads = await sql(dir, "SELECT count(*) AS n FROM area_leads WHERE lower(login) = 'optedoutlead' OR name = 'Opted Lead'");
  const owners = await sql(dir, "SELECT count(*) AS n FROM owners_files WHERE list_contains(approvers, 'optedoutlead')");
  assert.deepEqual([leads[0]!.n, owners[0]!.n], [0, 0]);
});

test('contributors-by-sig: nested OWNERS, shared repositories, an areas file, and the contributions in no area', async () => {
  const rep = await report('contributors-by-sig');
  const a = byArea(rep);
  assert.deepEqual(Object.keys(a), ['sig-core', 'sig-network', 'libraries', 'wg-tools', '(no area)']);
  assert.deepEqual([a['sig-network']!.contributors, a['sig-network']!.contributions], [2, 6], 'pkg/net: alice 3, bob 3 (a rename inside the area counts once)');
  assert.deepEqual([a['sig-core']!.contributors, a['sig-core']!.contributions], [3, 4]);
  assert.deepEqual([a['wg-tools']!.contributions, a.libraries!.contributions, a['(no area)']!.contributions], [1, 1, 1]);
  assert.equal(a['(no area)']!.rank, null, 'the unmapped row is never ranked away');
  assert.match(rep.header['in an area']!, /^11 of 12 contributions \(91\.7%\)/);
});

test('segments as a report dimension and as a filter', async () => {
  const seg = Object.fromEntries((await report('segments')).rows.map((r) => [String(r.segment), r]));
  assert.deepEqual([seg.core!.contributors, seg.regular!.contributors, seg.casual!.contributors], [3, 1, 0]);
  assert.equal(seg.new!.contributors, 4, 'everyone is new over the whole history');
  assert.equal(seg.chair!.contributors, 2, 'alice (sigs.yaml) and dee (areas file); the opted-out chair was never stored');
  const y2024 = Object.fromEntries((await report('segments', { since: '2024-01-01' })).rows.map((r) => [String(r.segment), r]));
  assert.equal(y2024.new!.contributors, 3, 'alice first contributed in 2022');
  assert.equal(y2024.episodic!.contributors, 1, 'alice came back after two years');
  const core = byArea(await report('contributors-by-sig', { segment: 'core' }));
  assert.deepEqual([core['sig-network']!.contributors, core['sig-network']!.contributions], [2, 6]);
  const back = byArea(await report('contributors-by-sig', { segment: 'episodic', since: '2024-01-01' }));
  assert.deepEqual(Object.keys(back), ['sig-network'], 'only alice, and only her 2024 work');
});

test('bus factor, elephant factor, new contributors and kinds of work run on the same scope', async () => {
  const bus = byArea(await report('bus-factor'));
  assert.equal(bus['sig-network']!.bus_factor, 2, 'alice 3 and bob 3 of 6: one is not over half');
  assert.equal(bus['wg-tools']!.bus_factor, 1);
  const elephant = byArea(await report('elephant-factor'));
  assert.equal(elephant['sig-network']!.attributed_pct, 0, 'no employer is known here, and the report says so');
  const kinds = Object.fromEntries((await report('contributors-by-kind')).rows.map((r) => [String(r.kind), r.contributions]));
  assert.deepEqual(kinds, { code: 8, docs: 3, tests: 1, build: 1, community: 1 });
  const docs = byArea(await report('contributors-by-sig', { kind: 'docs' }));
  assert.deepEqual(Object.keys(docs), ['sig-core', '(no area)']);
  const fresh = (await report('new-contributors', { by: 'year' })).rows.filter((r) => r.dimension === 'company');
  assert.deepEqual(fresh.map((r) => [r.period, r.label, r.new_contributors]), [['2022', 'Unknown', 1], ['2024', 'Unknown', 3]]);
});

test('the CLI: report --segment, roster cards for known handles, unknown and opted-out ones listed together', async () => {
  const { dir } = await community();
  const rep = run(dir, ['report', 'contributors-by-sig', '--segment', 'core', '--kind', 'code', '--format', 'json']);
  assert.equal(rep.code, 0, rep.stderr);
  assert.match(JSON.parse(rep.stdout).header.segment, /only core contributors/);
  assert.equal(run(dir, ['report', 'segments', '--segment', 'nobody']).code, 2);
  const refused = run(dir, ['report', 'contributors-by-company', '--kind', 'docs']);
  assert.equal(refused.code, 2, 'a report that does not apply a filter refuses it');
  assert.match(refused.stderr, /does not take --kind/);
  const r = run(dir, ['roster', join(C, 'handles.txt'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { cards: { handle: string; roles: { role: string; area: string }[]; segment: string }[]; not_shown: { handles: string[] }; invalid: unknown[] };
  assert.deepEqual(out.cards.map((c) => c.handle), ['alice', 'bob', 'lead-only']);
  assert.deepEqual(out.not_shown.handles, ['ghost', 'optedoutlead', 'cy-not-a-login']);
  assert.equal(out.invalid.length, 1);
  assert.deepEqual(out.cards[0]!.roles.map((x) => `${x.role} ${x.area}`), ['chair sig-core', 'approver sig-core']);
  assert.deepEqual(out.cards[1]!.roles.map((x) => `${x.role} ${x.area}`), ['approver sig-network']);
  assert.deepEqual(out.cards.map((c) => c.segment), ['core, episodic', 'new, core', 'no contributions found']);
  assert.match(r.stderr, /^7 handles: 3 on cards, 3 not shown/m);
  assert.ok(!/Opted Lead|Secret Co/.test(r.stdout));
  const html = run(dir, ['roster', join(C, 'handles.txt'), '--format', 'html', '--title', 'Demo summit']);
  assert.equal(html.code, 0, html.stderr);
  assert.match(html.stdout, /<title>Demo summit<\/title>/);
  assert.ok(!/Opted Lead|Secret Co|optedoutlead/.test(html.stdout));
});

test('the CLI: a broken OWNERS line is listed and the rest kept (exit 3); a wrong areas file stores nothing', () => {
  const dir = scratch();
  const owners = run(dir, ['import', 'owners', join(C, 'owners.jsonl')]);
  assert.equal(owners.code, 3);
  assert.match(owners.stderr, /owners\.jsonl:4: expected \{path, content, repo/);
  const r = run(dir, ['import', 'areas', join(C, 'sigs.yaml')]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /top level: must be a mapping with an `areas` list/);
  assert.match(r.stderr, /docs\/areas\.md/);
});

test('the SIG view for the dashboard and the static report: one row per SIG with both factors', async () => {
  const ctx = await open((await community()).dir);
  try {
    const view = await sigView(ctx, defaultReportOptions);
    const net = view.rows.find((r) => r.area === 'sig-network')!;
    assert.deepEqual([net.contributors, net.bus_factor, net.elephant_factor], [2, 2, null]);
    const html = renderSigSection(view);
    assert.match(html, /^<section id="sigs">/);
    assert.match(html, /<td>sig-network<\/td><td>Network<\/td><td>2<\/td><td>6<\/td><td>2<\/td>/);
    assert.ok(!/<script|src=/.test(html));
  } finally {
    await ctx.store.close();
  }
});

test('OWNERS from a checked-out tree: aliases from the root, vendor/ skipped, the repository from --repo or the folder name', async () => {
  const root = join(scratch(), 'demo__tree');
  const put = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  put('OWNERS_ALIASES', 'aliases:\n  leads: [Ann, ben]\n');
  put('OWNERS', 'approvers: [leads]\n');
  put('pkg/net/OWNERS', 'reviewers: [cat]\nlabels: [sig/network]\n');
  put('vendor/x/OWNERS', 'approvers: [someone-else]\n');
  const { ctx, dir } = await freshContext();
  const o = await importOwners(ctx, root);
  assert.equal(o.summary, '2 OWNERS files in 1 repositories');
  await assert.rejects(() => importOwners(ctx, join(root, 'pkg')), /which repository is this\?/);
  await ctx.store.close();
  const rows = await sql(dir, 'SELECT repo, dir, labels, approvers, reviewers FROM owners_files ORDER BY dir');
  assert.deepEqual(rows.map((r) => [r.repo, r.dir, r.labels, r.approvers, r.reviewers]), [
    ['demo/tree', '', [], ['ann', 'ben'], []],
    ['demo/tree', 'pkg/net', ['sig/network'], [], ['cat']],
  ]);
});
