// End to end: `census scan` and the reports on the demo community: people, companies over time, countries, opt-out, bots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { census, scratch, FIX } from './cli-harness.ts';

const demo = join(FIX, 'gitlog', 'demo__app.log.gz');
const gitdm = join(FIX, 'gitdm', 'developers_affiliations.txt');
const profiles = join(FIX, 'profiles', 'profiles.ndjson');

function prepared(): string {
  const dir = scratch();
  assert.equal(census(dir, ['ingest', 'gitlog', demo]).code, 0);
  assert.equal(census(dir, ['import', 'gitdm', gitdm]).code, 0);
  // The profile file holds a broken line on purpose: the rest imported, the line named, exit 3.
  const p = census(dir, ['import', 'profiles', profiles]);
  assert.equal(p.code, 3);
  assert.match(p.stderr, /profiles\.ndjson:5: not a JSON object/);
  assert.match(p.stderr, /4 profiles, 1 without a GitHub login skipped, 1 problem/);
  return dir;
}

type Rep = { header: Record<string, string>; rows: Record<string, unknown>[] };
const report = (dir: string, args: string[]): Rep => {
  const r = census(dir, ['report', ...args, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Rep;
};

test('scan runs the whole job and prints both tables with coverage; problems warn, or fail with --strict', () => {
  const dir = scratch();
  const r = census(dir, ['scan', demo, '--gitdm', gitdm, '--profiles', profiles]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: 1 record problem/);
  assert.equal(census(scratch(), ['scan', demo, '--profiles', profiles, '--strict']).code, 3);
  assert.match(r.stdout, /report: +contributors-by-country/);
  assert.match(r.stdout, /report: +contributors-by-company/);
  assert.match(r.stdout, /evidence: +of 7 contributors: declared location 3 \(42\.9%\), commit clocks 5/);
});

test('countries: expected counts from the evidence beside the profile-only figure; Unknown is a row unless --known-only', () => {
  const dir = prepared();
  const all = report(dir, ['contributors-by-country']);
  const by = Object.fromEntries(all.rows.map((r) => [r.country, r]));
  // Declared: Ada (Shenzhen) and Wei (杭州) in CN, Grace (SF Bay Area) in US: what a profile geocoder publishes.
  assert.deepEqual([by.CN!.profile_contributors, by.US!.profile_contributors, by.CN!.profile_pct], [2, 1, 66.67]);
  // Evidence adds Sam Doe's UTC+05:30 clock (India); the co-author with no commits of his own and the opted-out person stay Unknown.
  assert.ok(Number(by.CN!.contributors) > 1.9 && Number(by.IN!.contributors) > 0.5, JSON.stringify(by.IN));
  assert.equal(by.Unknown!.contributors, 2);
  assert.equal(Math.round(all.rows.reduce((n, r) => n + Number(r.contributors), 0)), 7);
  for (const r of all.rows) assert.ok(Number(r.contributors_low) <= Number(r.contributors) + 0.5 && Number(r.contributors) - 0.5 <= Number(r.contributors_high));
  assert.match(all.header.evidence!, /declared location 3 \(42\.9%\)/);
  const known = report(dir, ['contributors-by-country', '--known-only']);
  assert.equal(known.rows.some((r) => r.country === 'Unknown'), false);
  assert.equal(Math.round(known.rows.reduce((n, r) => n + Number(r.contributors_pct), 0)), 100);
  assert.match(known.header.denominator!, /--known-only/);
});

test('companies are resolved at the commit date; personal mail never implies an employer', () => {
  const dir = prepared();
  const rows = report(dir, ['contributors-by-company', '--by', 'year']).rows;
  const at = (period: string, company: string) => rows.find((r) => r.period === period && r.company === company);
  assert.equal(at('2021', 'Independent')!.contributions, 1); // before 2024-04-01
  assert.equal(at('2024', 'Example Corp')!.contributions, 2); // the June commit and the July co-authorship
  assert.equal(at('2024', 'Navy Labs')!.contributions, 2);
  // Wei uses qq.com and gitdm says NotFound: Unknown, not Tencent.
  assert.ok(at('2022', 'Unknown'));
  assert.equal(rows.some((r) => r.company === 'Tencent'), false);
});

test('filters: --repo, --since/--until; bad values are usage errors', () => {
  const dir = prepared();
  const none = census(dir, ['report', 'contributors-by-country', '--repo', 'other/repo', '--format', 'json']);
  assert.deepEqual(JSON.parse(none.stdout).rows, []);
  const window = report(dir, ['contributors-by-company', '--since', '2024-01-01', '--until', '2024-07-01']);
  assert.equal(window.rows.reduce((n, r) => n + Number(r.contributions), 0), 4);
  const bad = census(dir, ['report', 'contributors-by-country', '--since', '2024-13-45']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--since must be a date/);
  const unknown = census(dir, ['report', 'nope']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown report "nope"/);
});

test('people: merged on evidence only, never on a name; bots flagged and left out; e-mails hashed', () => {
  const dir = prepared();
  const r = census(dir, ['people', '--format', 'ndjson']);
  assert.equal(r.code, 0, r.stderr);
  const people = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const sams = people.filter((p) => p.name === 'Sam Doe');
  assert.equal(sams.length, 2, 'same name, different e-mails: two people');
  const ada = people.find((p) => p.name === 'Ada Lovelace')!;
  assert.deepEqual(ada.logins, ['adal']);
  assert.equal(ada.contributions, 4);
  assert.equal(ada.company_now, 'Example Corp');
  assert.equal(ada.country, 'CN');
  assert.ok((ada.emails as string[]).every((e) => e.startsWith('sha256:')));
  assert.equal(people.some((p) => String(p.name).includes('dependabot')), false);
  assert.doesNotMatch(r.stdout, /ada@example-corp\.com/);
  const shown = census(dir, ['people', '--format', 'ndjson', '--show-emails']);
  assert.match(shown.stdout, /ada@example-corp\.com/);
  const bots = census(dir, ['--include-bots', 'people', '--format', 'ndjson']);
  assert.match(bots.stdout, /dependabot/);
});

test('opt-out: never shown per person, counted in totals only, or dropped with --strict-opt-out', () => {
  const dir = prepared();
  const r = census(dir, ['people', '--show-emails', '--format', 'ndjson']);
  assert.doesNotMatch(r.stdout, /hidden@optout\.example|Hidden Person/);
  assert.match(r.stderr, /1 opted-out people not shown/);
  const loose = report(dir, ['contributors-by-country']);
  const strict = JSON.parse(census(dir, ['--strict-opt-out', 'report', 'contributors-by-country', '--format', 'json']).stdout) as Rep;
  const total = (x: Rep) => Number(x.rows[0]!.all_contributors ?? 0) || x.rows.reduce((n, row) => n + Number(row.contributors), 0);
  assert.equal(total(loose) - total(strict), 1);
});

test('regions: Hong Kong, Macao and Taiwan apart by default, folded on request, and said in the header', () => {
  const dir = prepared();
  assert.match(report(dir, ['contributors-by-country']).header.regions!, /reported apart/);
  assert.match(JSON.parse(census(dir, ['--regions', 'fold-into-cn', 'report', 'contributors-by-country', '--format', 'json']).stdout).header.regions, /folded into CN/);
});

test('csv and table formats carry the coverage', () => {
  const dir = prepared();
  const csv = census(dir, ['report', 'contributors-by-company', '--format', 'csv']).stdout.trim().split('\n');
  assert.equal(csv[0], 'rank,company,contributors,contributors_pct,contributions,contributions_pct,coverage_contributors_pct,coverage_contributions_pct');
  const table = census(dir, ['report', 'contributors-by-company', '--format', 'table']).stdout;
  assert.match(table, /coverage: +company known for/);
});

test('--repo takes patterns; acquisitions roll up only on request, at the commit date', () => {
  const dir = prepared();
  assert.equal(census(dir, ['ingest', 'gitlog', join(FIX, 'gitlog', 'demo__acquired.log')]).code, 0);
  const only = report(dir, ['contributors-by-company', '--repo', 'demo/acq*']);
  assert.deepEqual(only.rows.map((r) => [r.company, r.contributions]), [['Pivotal', 3]]);
  const rolled = report(dir, ['contributors-by-company', '--repo', 'demo/acquired', '--roll-up-acquisitions', '--by', 'year']);
  assert.deepEqual(rolled.rows.map((r) => [r.period, r.company]), [['2019', 'Pivotal'], ['2021', 'VMware'], ['2024', 'Broadcom']]);
  const both = report(dir, ['contributors-by-country', '--repo', 'demo/*']);
  assert.equal(Math.round(both.rows.reduce((n, r) => n + Number(r.contributions), 0)), 14);
  const bad = census(dir, ['report', 'contributors-by-company', '--repo', "x' OR 1=1 --"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--repo must be owner\/name or a pattern/);
});

test('a gitdm robots entry flags its login as a bot whatever its case, as gitdm import reads it', () => {
  const dir = scratch();
  const file = join(dir, 'developers_affiliations.txt');
  writeFileSync(file, 'adal: adal!users.noreply.github.com\n\t(robots)\n');
  assert.equal(census(dir, ['ingest', 'gitlog', demo]).code, 0);
  assert.equal(census(dir, ['import', 'gitdm', file]).code, 0);
  const r = census(dir, ['--include-bots', 'people', '--format', 'ndjson']);
  assert.equal(r.code, 0, r.stderr);
  const ada = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { logins: string[]; bot: { kind: string; rule: string } | null })
    .find((p) => p.logins.includes('adal'));
  assert.equal(ada?.bot?.kind, 'bot');
  assert.match(ada?.bot?.rule ?? '', /gitdm \(Robots\): adal/);
});
