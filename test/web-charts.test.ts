// The chart options the dashboard and the HTML export share (web/charts.js): shares, coverage, and 95% bands and a
// profile-only line as soon as a report's rows carry them (the country model's columns, docs/dashboard.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intervalColumns, mapOption, profileColumn, shareBand, topLabels, trendOption } from '../web/charts.js';
import { completenessHtml, coverageHtml, esc, tableHtml } from '../web/format.js';

const coverage = [
  { period: '2023', contributors: 10, knownContributors: 5, contributions: 40, knownContributions: 30 },
  { period: '2024', contributors: 20, knownContributors: 8, contributions: 60, knownContributions: 30 },
];
const plain = {
  columns: ['period', 'rank', 'country', 'contributors', 'contributors_pct', 'contributions', 'contributions_pct'],
  header: {}, coverage,
  rows: [
    { period: '2023', rank: 1, country: 'Unknown', contributors: 5, contributors_pct: 50, contributions: 10, contributions_pct: 25 },
    { period: '2023', rank: 2, country: 'CN', contributors: 3, contributors_pct: 30, contributions: 20, contributions_pct: 50 },
    { period: '2024', rank: 1, country: 'US', contributors: 4, contributors_pct: 20, contributions: 20, contributions_pct: 33.33 },
  ],
};
type Series = { name: string; data: number[]; stack?: string; lineStyle?: { type?: string } };

test('trends: one line per label (0 where a label has no row), coverage per period beside them', () => {
  assert.deepEqual(topLabels(plain, 5, 'contributors'), ['US', 'CN']);
  const o = trendOption(plain, { metric: 'contributors', labels: ['CN', 'US'] }) as { series: Series[]; xAxis: { data: string[] } };
  assert.deepEqual(o.xAxis.data, ['2023', '2024']);
  assert.deepEqual(o.series.map((s) => s.name), ['CN', 'US', 'coverage (country known)']);
  assert.deepEqual(o.series[0]!.data, [30, 0]);
  assert.deepEqual(o.series[2]!.data, [50, 40]);
});

test('trends and map: interval bands and the profile-only line appear when the rows carry them', () => {
  const modelled = {
    ...plain,
    columns: [...plain.columns, 'contributors_pct_low', 'contributors_pct_high', 'contributors_pct_profile', 'contributors_low', 'contributors_high'],
    rows: plain.rows.map((r) => ({ ...r, contributors_pct_low: r.contributors_pct - 5, contributors_pct_high: r.contributors_pct + 5, contributors_pct_profile: r.contributors_pct / 2,
      contributors_low: r.contributors - 1, contributors_high: r.contributors + 2 })),
  };
  assert.deepEqual(intervalColumns(modelled.columns, 'contributors_pct'), { low: 'contributors_pct_low', high: 'contributors_pct_high' });
  assert.equal(profileColumn(modelled.columns, 'contributors'), 'contributors_pct_profile');
  assert.equal(intervalColumns(plain.columns, 'contributors_pct'), null);
  const o = trendOption(modelled, { metric: 'contributors', labels: ['CN'] }) as { series: Series[] };
  assert.deepEqual(o.series.map((s) => s.name), ['CN', 'CN 95% low', 'CN 95% interval', 'CN (profile only)', 'coverage (country known)']);
  assert.deepEqual(o.series[1]!.data, [25, 0]);
  assert.deepEqual(o.series[2]!.data, [10, 0], 'the band is stacked on the lower bound: its height is high - low');
  assert.equal(o.series[3]!.lineStyle!.type, 'dashed');
  const all = { ...modelled, rows: modelled.rows.filter((r) => r.period === '2023').map((r) => ({ ...r, period: 'all' })), coverage: [{ ...coverage[0]!, period: 'all' }] };
  const map = mapOption(all, { metric: 'contributors', titles: { CN: 'China' } }) as { tooltip: { formatter(p: object): string }; series: { data: { name: string }[] }[] };
  assert.deepEqual(map.series[0]!.data.map((d) => d.name), ['CN'], 'Unknown is not a place on the map');
  const tip = map.tooltip.formatter({ name: 'CN', data: map.series[0]!.data[0] });
  assert.match(tip, /China[^]*contributors: 3 \(95% interval 2–5\)[^]*share: 30\.0% \(95% interval 25\.0%–35\.0%\)[^]*coverage: country known for 50\.0% of contributors/);
});

test('the country model shape: count intervals become share bands over the total of the period; profile_pct is the dashed line', () => {
  const model = {
    ...plain,
    columns: [...plain.columns, 'contributors_low', 'contributors_high', 'profile_contributors', 'profile_pct'],
    rows: plain.rows.map((r) => ({ ...r, contributors_low: r.contributors - 1, contributors_high: r.contributors + 1, profile_contributors: 1, profile_pct: 60 })),
  };
  assert.equal(profileColumn(model.columns, 'contributors'), 'profile_pct');
  assert.equal(profileColumn(model.columns, 'contributions'), null, 'the model gives a profile-only figure for contributors only');
  const band = shareBand(model, 'contributors')!;
  assert.deepEqual(band(model.rows[1]!), [20, 40], 'CN 2023: 2..4 of 10 contributors');
  const known = { ...model, rows: [{ ...model.rows[1]!, contributors_pct: 60 }] };
  assert.deepEqual(shareBand(known, 'contributors')!(known.rows[0]!), [40, 80], 'under --known-only the 5 known are the denominator');
  const o = trendOption(model, { metric: 'contributors', labels: ['CN'] }) as { series: Series[] };
  assert.deepEqual(o.series.map((s) => s.name), ['CN', 'CN 95% low', 'CN 95% interval', 'CN (profile only)', 'coverage (country known)']);
  assert.deepEqual(o.series[1]!.data, [20, 0]);
  assert.deepEqual(o.series[2]!.data, [20, 0]);
  assert.deepEqual(o.series[3]!.data, [60, 0]);
  const all = { ...model, rows: model.rows.filter((r) => r.period === '2023').map((r) => ({ ...r, period: 'all' })), coverage: [{ ...coverage[0]!, period: 'all' }] };
  const map = mapOption(all, { metric: 'contributors', titles: {} }) as { tooltip: { formatter(p: object): string }; series: { data: { name: string }[] }[] };
  assert.match(map.tooltip.formatter({ name: 'CN', data: map.series[0]!.data[0] }), /contributors: 3 \(95% interval 2–4\)[^]*share: 30\.0% \(95% interval 20\.0%–40\.0%\)[^]*declared location alone: 1, 60\.0% of the located/);
});

test('tables and coverage are escaped HTML', () => {
  assert.equal(esc('<b>"x" & \'y\'</b>'), '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;');
  const html = tableHtml(['company', 'contributors'], [{ company: '<script>alert(1)</script>', contributors: 1234 }, { company: 'B', contributors: 5 }], { sortBy: 'contributors', desc: false });
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /<td class="n">5<\/td>[^]*1,234/, 'sorted ascending, numbers right-aligned and grouped');
  assert.match(coverageHtml({ columns: ['rank', 'company'], coverage: [{ ...coverage[0]!, period: 'all' }] }), /50\.0%[^]*of contributors have a known company[^]*75\.0%/);
  const ci = tableHtml(['country', 'contributors', 'contributors_low', 'contributors_high'], [{ country: 'CN', contributors: 12.5, contributors_low: 10, contributors_high: 15 }], { intervals: true });
  assert.match(ci, /<th[^>]*>country<\/th><th[^>]*>contributors<\/th><\/tr>/, 'the bounds are not columns of their own');
  assert.match(ci, /12\.5 <span class="ci">10–15<\/span>/);
  const foot = completenessHtml({ spec: { bots: 'excluded' }, sources: [{ kind: 'gitlog', sources: 2, records: 10, bad_records: 1, last_read: 'x' }], problems: 1, span: null,
    gharchive: { first: '2024-06-01 00', last: '2024-06-01 23', hoursRead: 22, missingHours: 2, shortHours: 1 } });
  assert.match(foot, /bots:<\/b> excluded[^]*2 gitlog sources \(10 records, 1 unusable[^]*1 record could not be used[^]*GH Archive hours 2024-06-01 00 \.\. 2024-06-01 23 UTC: 22 read, 2 missing, 1 short/);
  assert.match(coverageHtml({ columns: ['period', 'rank', 'company'], coverage }), /Coverage per period[^]*2023<\/b> 50\.0% \/ 75\.0%[^]*2024<\/b> 40\.0% \/ 50\.0%/);
});
