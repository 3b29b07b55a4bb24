// End to end in a real browser: `census serve` on the fixtures, Debian's chromium driven by playwright-core, a click
// through the map (hover, click), the trends, a filter, the tables and a person page, checking what is on the page.
// Without /usr/bin/chromium this fails in CI (CI=true; .ci/run installs it) and is skipped elsewhere, saying why.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { fixtureDb, serve, type Served } from './serve-harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const missing = !existsSync(CHROMIUM);
const skip = missing && !process.env.CI ? `${CHROMIUM} is not installed (apt-get install chromium); the browser test runs in CI` : false;
if (skip) process.stdout.write(`# skipping the dashboard browser test: ${skip}\n`);

let s: Served;
let browser: BrowserContext;
let page: Page;
let profile: string;
const problems: string[] = [];
const requested: string[] = [];

before(async () => {
  if (skip) return;
  assert.ok(!missing, `${CHROMIUM} is missing: CI must install Debian's chromium (.ci/run)`);
  s = await serve(fixtureDb());
  profile = mkdtempSync(join(tmpdir(), 'census-chromium-'));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, viewport: { width: 1300, height: 900 } });
  page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  browser.on('request', (r) => requested.push(r.url()));
});

after(async () => {
  await browser?.close();
  await s?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const ready = (view: string) => page.waitForSelector(`#view[data-ready="${view}"]`, { timeout: 20_000 });
const text = (sel: string) => page.locator(sel).innerText();
type Rows = { rows: Record<string, number | string>[]; coverage: { period: string; contributors: number; knownContributors: number }[] };
/** What the API says, to check the page against (the numbers are the country model's, which may change). */
const report = async (query: string): Promise<Rows> => (await fetch(`${s.url}api/reports/contributors-by-country${query}`)).json() as Promise<Rows>;
const covered = (r: Rows, period = 'all') => {
  const c = r.coverage.find((x) => x.period === period)!;
  return (100 * c.knownContributors) / c.contributors;
};

test('the dashboard in chromium: map, trends, a filter, tables, a person page; footer always visible', { skip }, async () => {
  const all = await report('');
  const cnRow = all.rows.find((r) => r.country === 'CN')!;
  const unknown = all.rows.find((r) => r.country === 'Unknown')!;
  await page.goto(`${s.url}#/map`);
  await ready('map');
  assert.match(await text('.coverage'), new RegExp(`${covered(all).toFixed(1)}%[^]*of contributors have a known country`));
  assert.match(await text('#map-unknown'), new RegExp(`^${unknown.contributors} contributors \\(${Number(unknown.contributors_pct).toFixed(1)}%\\) have no known country`));
  // Hover China on the map: the tooltip gives the count, the share and the coverage.
  const at = await page.evaluate(() => {
    const el = document.querySelector('#map-chart') as HTMLElement;
    const chart = (globalThis as unknown as { echarts: { getInstanceByDom(e: HTMLElement): { convertToPixel(f: object, v: number[]): number[] } } }).echarts.getInstanceByDom(el);
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [104, 34]);
    const r = el.getBoundingClientRect();
    return { x: r.left + x!, y: r.top + y! };
  });
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => /China/.test((document.querySelector('#map-chart') as HTMLElement).innerText), null, { timeout: 10_000 });
  const tip = await text('#map-chart');
  assert.match(tip, new RegExp(`contributors: ${cnRow.contributors} \\(95% interval ${cnRow.contributors_low}–${cnRow.contributors_high}\\)`));
  assert.match(tip, new RegExp(`share: ${Number(cnRow.contributors_pct).toFixed(1)}%`));
  assert.match(tip, /declared location alone: 2, /);
  assert.match(tip, new RegExp(`coverage: country known for ${covered(all).toFixed(1)}% of contributors`));
  // Clicking the country opens its people.
  await page.mouse.click(at.x, at.y);
  await ready('countries');
  await page.waitForSelector('#people-title');
  assert.match(await text('#people'), /People: China \(CN\)[^]*Ada Lovelace[^]*Wei Zhang/);

  await page.click('#nav a[data-view="trends"]');
  await ready('trends');
  const series = await page.evaluate(() => ['#trend-countries', '#trend-companies'].map((sel) => {
    const chart = (globalThis as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): { series: { name: string; data: number[] }[]; xAxis: { data: string[] }[] } } } })
      .echarts.getInstanceByDom(document.querySelector(sel)!);
    const o = chart.getOption();
    return { periods: o.xAxis[0]!.data, series: Object.fromEntries(o.series.map((x) => [x.name, x.data])) };
  }));
  const years = await report('?by=year');
  const periods = ['2021', '2022', '2023', '2024'];
  assert.deepEqual(series[0]!.periods, periods);
  assert.deepEqual(series[0]!.series.China, periods.map((p) => Number(years.rows.find((r) => r.period === p && r.country === 'CN')?.contributors_pct ?? 0)));
  assert.deepEqual(series[0]!.series['coverage (country known)'], periods.map((p) => Number(covered(years, p).toFixed(1))));
  assert.ok('China 95% interval' in series[0]!.series && 'China (profile only)' in series[0]!.series, 'the model\'s bands and profile-only line');
  assert.ok('Example Corp' in series[1]!.series);

  // A filter: contributions from 2024 on; the hash carries it and the tables follow.
  await page.click('#nav a[data-view="countries"]');
  await ready('countries');
  await page.fill('input[name="since"]', '2024-01-01');
  await page.waitForFunction(() => location.hash.includes('since=2024-01-01'));
  await ready('countries');
  await page.waitForSelector('table.report td');
  const since = await report('?since=2024-01-01');
  const cn = await page.locator('table.report tr', { hasText: 'China' }).innerText();
  assert.match(cn, new RegExp(`^\\d+\\s+CN China\\s+${since.rows.find((r) => r.country === 'CN')!.contributors}\\s`));
  assert.match(await text('.coverage'), new RegExp(`${covered(since).toFixed(1)}%`));
  assert.notEqual(covered(since).toFixed(1), covered(all).toFixed(1), 'the filter changes what is shown');

  // The person page, reached from the table; opted-out people never listed.
  await page.click('table.report a[data-label="CN"]');
  await page.waitForSelector('#people-title');
  await page.click('#people a:has-text("Ada Lovelace")');
  await ready('person');
  assert.equal(await text('#person-name'), 'Ada Lovelace');
  assert.match(await text('#person-country'), /CN[^]*Shenzhen, Guangdong/);
  assert.match(await text('.person'), /Country evidence[^]*Why these aliases are one person[^]*noreply/);
  assert.match(await text('#person-model'), /^Most likely: CN \d/);
  await page.goto(`${s.url}#/companies/Unknown`);
  await page.waitForSelector('#people-title');
  assert.doesNotMatch(await text('#people'), /Hidden/);

  // The footer: counting rules and data completeness, in view on every page.
  const foot = page.locator('#footer');
  assert.match(await foot.innerText(), /commits authored or co-authored[^]*1 record could not be used/);
  const box = (await foot.boundingBox())!;
  assert.ok(box.y + box.height <= 900 + 1 && box.y < 900, 'the footer is on screen');
  assert.deepEqual(problems, []);
  assert.deepEqual(requested.filter((u) => !u.startsWith(s.url) && !u.startsWith('data:')), [], 'nothing fetched from elsewhere');
});
