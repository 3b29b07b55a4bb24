// Roster: handle lists, unknown handles listed and not fatal, opted-out people never shown in any format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHandles } from './handles.ts';
import { buildCards, type Roster } from './cards.ts';
import { renderRosterText } from './render.ts';
import { renderRosterHtml } from './html.ts';
import { attendanceMix, summaryLine } from './summary.ts';
import type { PersonSegments } from '../segments/segments.ts';

test('handles: .txt with comments and @, .csv by column name or first column; duplicates and non-handles', () => {
  const txt = parseHandles('# attendees\n@Alice\nbob  # speaker\n\nalice\nhttps://github.com/carol/\nnot a handle\n-bad-\n', 'txt');
  assert.deepEqual(txt.handles, ['Alice', 'bob', 'carol']);
  assert.deepEqual(txt.invalid.map((i) => i.line), [7, 8]);
  const csv = parseHandles('Name,GitHub,Company\n"Doe, Jane",jdoe,X\nSam,@sam,Y\n', 'csv');
  assert.deepEqual(csv.handles, ['jdoe', 'sam']);
  assert.deepEqual(parseHandles('jdoe,Jane\nsam,Sam\n', 'csv').handles, ['jdoe', 'sam'], 'no header: the first column');
});

const person = (handle: string, id: string, extra: Record<string, unknown> = {}) => ({
  handle, person_id: id, display_name: `Name of ${handle}`, opted_out: false, company_now: 'Example Corp', company_source: 'gitdm (current)',
  country: 'DE', location_text: 'Berlin', contributions: 12, first_contribution: '2020-01-01', latest_contribution: '2024-06-01', ...extra,
});
const seg = (personId: string, segments: PersonSegments['segments']): PersonSegments =>
  ({ period: 'all', personId, optedOut: false, contributions: 3, tier: 'core', segments, firstContribution: '', latestInPeriod: '' });

function roster(): Roster {
  const { cards, notShown } = buildCards({
    handles: ['Alice', 'ghost', 'Hidden', 'listed', 'lead-only', 'plain'],
    people: [
      person('alice', 'p1'),
      person('hidden', 'p2', { display_name: 'Secret Person', company_now: 'Secret Co', opted_out: true }),
      person('listed', 'p3', { display_name: 'Listed Person', company_now: 'Listed Co' }),
      person('plain', 'p4', { country: null }),
    ],
    work: [
      { person_id: 'p1', dimension: 'area', label: 'sig-node', name: 'Node', contributions: 9 },
      { person_id: 'p1', dimension: 'area', label: '(no area)', name: '(no area)', contributions: 3 },
      { person_id: 'p1', dimension: 'kind', label: 'code', contributions: 10 },
      { person_id: 'p1', dimension: 'kind', label: 'docs', contributions: 4 },
      { person_id: 'p2', dimension: 'area', label: 'sig-secret', name: 'Secret', contributions: 1 },
    ],
    roles: [
      { login: 'alice', person_id: 'p1', area: 'sig-node', area_name: 'Node', role: 'reviewer', place: 'x', lead_name: null, lead_company: null },
      { login: 'alice', person_id: 'p1', area: 'sig-node', area_name: 'Node', role: 'chair', place: 'sigs', lead_name: 'Alice', lead_company: 'Newer Corp' },
      { login: 'hidden', person_id: 'p2', area: 'sig-secret', area_name: 'Secret', role: 'chair', place: 'sigs', lead_name: 'Secret Person', lead_company: 'Secret Co' },
      { login: 'lead-only', person_id: null, area: 'wg-batch', area_name: 'Batch', role: 'chair', place: 'sigs', lead_name: 'Lea Lead', lead_company: 'Lead Co' },
    ],
    segments: [seg('p1', ['core', 'episodic']), seg('p2', ['core'])],
    // `listed` is on an opt-out list by handle; `hidden` is an opted-out person.
    isOptedOut: (h) => h.toLowerCase() === 'listed',
  });
  return { window: { since: '2023-06-01', until: '2024-06-02' }, scope: 'all repositories', cards, notShown, invalid: [] };
}

test('a card per known handle; unknown and opted-out handles are listed together, not told apart', () => {
  const r = roster();
  assert.deepEqual(r.cards.map((c) => c.handle), ['Alice', 'lead-only', 'plain']);
  assert.deepEqual(r.notShown, ['ghost', 'Hidden', 'listed']);
  const alice = r.cards[0]!;
  assert.equal(alice.name, 'Name of alice');
  assert.deepEqual(alice.company, { name: 'Newer Corp', source: 'sigs.yaml leadership entry' }, 'a lead\'s own entry is fresher than gitdm');
  assert.deepEqual(r.cards[2]!.company, { name: 'Example Corp', source: 'gitdm (current)' });
  assert.equal(alice.country?.confidence, 'declared');
  assert.deepEqual(alice.areas, [{ area: 'sig-node', name: 'Node', contributions: 9 }], '(no area) is not an area');
  assert.deepEqual(alice.roles.map((x) => x.role), ['chair', 'reviewer'], 'leadership first');
  assert.equal(alice.segment, 'core, episodic');
  assert.equal(alice.kinds.code, 10);
  const lead = r.cards[1]!;
  assert.equal(lead.name, 'Lea Lead');
  assert.deepEqual(lead.company, { name: 'Lead Co', source: 'sigs.yaml leadership entry' });
  assert.equal(lead.segment, 'no contributions found');
});

test('nothing of an opted-out person appears in the table, CSV, JSON or HTML', () => {
  const r = roster();
  for (const out of [renderRosterText(r, 'table'), renderRosterText(r, 'csv'), renderRosterText(r, 'json'), renderRosterHtml(r)]) {
    for (const secret of ['Secret Person', 'Secret Co', 'sig-secret', 'Listed Person', 'Listed Co']) assert.ok(!out.includes(secret), secret);
  }
  assert.ok(!renderRosterHtml(r).includes('Hidden'), 'the printable page gives only a count of handles not shown');
});

test('the attendance mix: countries, companies, segments and roles of the people on cards', () => {
  const r = roster();
  const m = attendanceMix(r);
  assert.equal(m.handles, 6);
  assert.deepEqual(m.countries, [['unknown', 2], ['DE', 1]]);
  assert.deepEqual(m.companies, [['Example Corp', 1], ['Lead Co', 1], ['Newer Corp', 1]]);
  assert.deepEqual(m.segments, [['core', 1], ['episodic', 1], ['not active in the window', 1], ['no contributions found', 1]]);
  assert.deepEqual(m.roles, [['chair', 2], ['reviewer', 1]]);
  assert.match(summaryLine(r), /^6 handles: 3 on cards, 3 not shown \(unknown to the census, or withheld\)\. Countries \(declared for 1 of 3\): unknown 2, DE 1\./);
});

test('the HTML page is self-contained and escapes what it prints', () => {
  const r = roster();
  r.cards[0]!.name = '<script>alert(1)</script>';
  const html = renderRosterHtml(r, 'Summit <2026>');
  assert.ok(!/<script|src=|href=|@import|url\(/i.test(html), 'no scripts, no external resources');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('<title>Summit &lt;2026&gt;</title>'));
  assert.match(html, /@media print/);
});
