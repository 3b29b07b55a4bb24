// Each segment definition on a small invented history: the onion thresholds, new, episodic (and its gap), roles, opt-out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshContext, insert, at } from '../../test/lens-store.ts';
import { defaultReportOptions } from '../reports/options.ts';
import { segmentRows } from '../reports/segment-reports.ts';
import { EPISODIC_GAP_DAYS, personSegments, segmentFilterParams, type PersonSegments } from './segments.ts';

const day = (iso: string, plus: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

/** person -> dates of their contributions (one commit each). */
const history: Record<string, string[]> = {
  // 2024: 100 contributions. Sorted: p1 50, p2 30 (core: 80%), p3 8, p4 4, p5 3 (regular: the next 15%), the rest casual.
  p1: [...Array(49).fill('2024-05-01'), '2023-06-01', '2024-05-02'],
  p2: Array(30).fill('2024-06-01'),
  p3: Array(8).fill('2024-07-01'),
  p4: Array(4).fill('2024-07-02'),
  p5: Array(3).fill('2024-07-03'),
  // Exactly the gap: episodic. Its earlier contribution is outside the window and does not count in 2024's onion.
  p6: [day('2024-03-01', -EPISODIC_GAP_DAYS), '2024-03-01', '2024-03-02'],
  p7: ['2024-09-01'], // first contribution ever: new
  p8: ['2023-01-10', '2024-03-01'], // back after 14 months: episodic
  p9: ['2023-12-01', '2024-02-01'], // two months: not episodic
  bot: Array(500).fill('2024-01-01'),
};
const year2024 = { ...defaultReportOptions, since: '2024-01-01', until: '2025-01-01' };

async function build() {
  const { ctx } = await freshContext();
  await insert(ctx, 'people', Object.keys(history).map((p) => ({ person_id: p, display_name: p, logins: [p], bot_kind: p === 'bot' ? 'bot' : null })));
  let n = 0;
  await insert(ctx, 'credits', Object.entries(history).flatMap(([person, dates]) =>
    dates.map((d) => ({ repo: 'demo/app', sha: `c${n++}`, person_id: person, role: 'author', authored_at: at(d), company: 'Unknown', owner: 'Unknown' }))));
  await insert(ctx, 'area_roles', [
    { login: 'p2', person_id: 'p2', area: 'sig-core', role: 'approver' },
    { login: 'p3', person_id: 'p3', area: 'sig-core', role: 'chair' },
    { login: 'nobody', person_id: null, area: 'sig-core', role: 'reviewer' },
  ]);
  return ctx;
}
let built: ReturnType<typeof build> | undefined;
const store = () => (built ??= build());
const byPerson = (rows: PersonSegments[]) => new Map(rows.map((r) => [r.personId, r]));

test('onion: core is the fewest people making 80%, regular the next 15%, casual the last 5%', async () => {
  const s = byPerson(await personSegments(await store(), year2024));
  const tiers = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'].map((p) => s.get(p)?.tier);
  assert.deepEqual(tiers, ['core', 'core', 'regular', 'regular', 'regular', 'casual', 'casual', 'casual', 'casual']);
  assert.equal(s.get('p1')?.contributions, 50, 'the 2023 contribution is outside the window');
  assert.equal(s.has('bot'), false, 'bots are left out, so they do not crowd the onion');
});

test('new: the first contribution falls in the period', async () => {
  const s = byPerson(await personSegments(await store(), year2024));
  const isNew = [...s.values()].filter((p) => p.segments.includes('new')).map((p) => p.personId).sort();
  assert.deepEqual(isNew, ['p2', 'p3', 'p4', 'p5', 'p7']);
  assert.equal(s.get('p1')!.segments.includes('new'), false, 'p1 contributed in 2023');
});

test(`episodic: back after at least ${EPISODIC_GAP_DAYS} days without a contribution`, async () => {
  const s = byPerson(await personSegments(await store(), year2024));
  const episodic = [...s.values()].filter((p) => p.segments.includes('episodic')).map((p) => p.personId).sort();
  assert.deepEqual(episodic, ['p1', 'p6', 'p8'], 'p1: 2023-06 -> 2024-05; p6: exactly the gap; p9 (two months) is not');
});

test('roles come from OWNERS and leadership, for people who contributed in scope', async () => {
  const s = byPerson(await personSegments(await store(), year2024));
  assert.deepEqual(s.get('p2')!.segments, ['new', 'core', 'approver']);
  assert.deepEqual(s.get('p3')!.segments, ['new', 'regular', 'chair']);
});

test('per period: each year has its own onion and its own newcomers', async () => {
  const rows = await personSegments(await store(), { ...defaultReportOptions, by: 'year' });
  const y2023 = rows.filter((r) => r.period === '2023').map((r) => [r.personId, r.segments.join(' ')]);
  // Four people with one contribution each: three make 75%, so all four are needed for 80%.
  assert.deepEqual(y2023.sort(), [['p1', 'new core'], ['p6', 'new core'], ['p8', 'new core'], ['p9', 'new core']]);
});

test('the filter keeps the (period, person) pairs of a segment', async () => {
  const ctx = await store();
  const f = await segmentFilterParams(ctx, { ...year2024, segment: 'core' });
  assert.deepEqual(f, { segment_on: true, segment_members: ['all|p1', 'all|p2'] });
  assert.deepEqual(await segmentFilterParams(ctx, year2024), { segment_on: false, segment_members: [] });
});

test('segment rows: opted-out people count in the totals only', () => {
  const people: PersonSegments[] = [
    { period: 'all', personId: 'a', optedOut: false, contributions: 9, tier: 'core', segments: ['core'], firstContribution: '', latestInPeriod: '' },
    { period: 'all', personId: 'b', optedOut: true, contributions: 1, tier: 'casual', segments: ['casual', 'new'], firstContribution: '', latestInPeriod: '' },
  ];
  const rows = segmentRows(people);
  const row = (s: string) => rows.find((r) => r.segment === s)!;
  assert.equal(row('core').contributors, 1);
  assert.equal(row('core').contributors_pct, 50);
  assert.equal(row('casual').contributors, 0);
  assert.equal(row('new').contributors, 0);
  assert.equal(row('core').all_contributions, 10);
});
