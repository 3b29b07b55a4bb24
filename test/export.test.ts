// End to end: `census export html` writes one page that needs nothing else (no script, no link, no fetch), with the
// dashboard's views as SVG; `census export csv|json` write every report, one file each or all to stdout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIX, census } from './cli-harness.ts';
import { openContext } from '../src/session.ts';
import { loadConfig } from '../src/config.ts';
import { CensusError, ExitCode } from '../src/errors.ts';
import { exportReports, type ExportFlags } from '../src/commands/export.ts';
import { fixtureDb } from './serve-harness.ts';
import { reportNames } from '../src/reports/registry.ts';

const dir = fixtureDb();
const names = [...reportNames];
const quiet = { info() {}, warn() {} };

test('export html: one self-contained page with the map, trends, tables, coverage and the counting rules', () => {
  const file = join(dir, 'census.html');
  const r = census(dir, ['export', 'html', file, '--top', '10']);
  assert.equal(r.code, 0, r.stderr);
  const html = readFileSync(file, 'utf8');
  assert.ok(html.startsWith('<!doctype html>'));
  assert.equal((html.match(/<svg/g) ?? []).length, 3, 'map and two trend charts, as SVG');
  for (const id of ['map', 'trends', 'countries', 'companies']) assert.match(html, new RegExp(`<section id="${id}"`));
  assert.match(html, /country known for \d of 7 contributors/);
  assert.match(html, /of contributors have a known company/);
  assert.match(html, /Example Corp/);
  assert.match(html, /China/);
  assert.match(html, /commits authored or co-authored/);
  assert.match(html, /record could not be used/);
  // Nothing to fetch: no script, no stylesheet link, no image or frame source, no URL but SVG's namespace names.
  assert.doesNotMatch(html, /<script|<link|<iframe|<img|\bsrc=|@import|url\((?!#)/i);
  const urls = (html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).filter((u) => !/^http:\/\/www\.w3\.org\//.test(u));
  assert.deepEqual(urls, []);
  assert.doesNotMatch(html, /Hidden Person|optout\.example/, 'no opted-out person');
  assert.equal(census(dir, ['export', 'html']).code, 2, 'a file name is required');
});

test('export csv and json: every report, one file each into a folder, or all to stdout', () => {
  const out = join(dir, 'out');
  const csv = census(dir, ['export', 'csv', out]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.deepEqual(readdirSync(out).sort(), names.map((n) => `${n}.csv`).sort());
  const companies = readFileSync(join(out, 'contributors-by-company.csv'), 'utf8');
  assert.match(companies.split('\n')[0]!, /^rank,company,contributors,contributors_pct,contributions,contributions_pct,coverage_contributors_pct/);
});

test('export json and csv to stdout: all reports in one JSON object, CSV tables one after another', async () => {
  const ctx = await openContext(loadConfig({ db: join(dir, 'census.duckdb'), optOut: [join(FIX, 'optout', 'forbidden-sha256.csv')] }), { log: quiet });
  const out = async (kind: 'csv' | 'json', flags: ExportFlags) => {
    let text = '';
    await exportReports(ctx, kind, undefined, flags, (t) => { text += t; });
    return text;
  };
  try {
    const all = JSON.parse(await out('json', { since: '2024-01-01' }));
    assert.deepEqual(Object.keys(all).sort(), [...names].sort());
    assert.deepEqual(Object.keys(all['contributors-by-country']), ['name', 'header', 'columns', 'coverage', 'rows']);
    assert.equal(all['contributors-by-country'].rows.find((r: { country: string }) => r.country === 'CN').contributions, 3);
    assert.match(await out('csv', { report: ['contributors-by-country'] }), /^rank,country,/);
    assert.match(await out('csv', { report: ['contributors-by-country', 'contributors-by-company'] }),
      /^# report: contributors-by-country\nrank,country,[^]*\n\n# report: contributors-by-company\nrank,company,/);
    await assert.rejects(out('csv', { report: ['nope'] }), (e: CensusError) => e.exitCode === ExitCode.usage && /unknown report "nope"/.test(e.message));
  } finally {
    await ctx.store.close();
  }
});
