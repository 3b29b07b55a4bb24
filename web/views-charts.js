// The map and trend views: echarts in the browser over the options charts.js builds (the HTML export renders the same).
import { mapOption, topLabels, trendOption, UNKNOWN } from './charts.js';
import { coverageHtml, esc, fmtNumber, fmtPct, headerHtml } from './format.js';
import { api, go, ignoredFilters, scopeParams } from './nav.js';

const COUNTRY = 'contributors-by-country';
const COMPANY = 'contributors-by-company';
const TREND_COUNTRIES = 6;
const TREND_COMPANIES = 8;

/** @type {any} */
const echarts = /** @type {any} */ (globalThis).echarts;
/** @type {any[]} */
let live = [];
/** @type {Promise<Record<string, string>> | null} */
let world = null;

/** The world shapes, registered once; resolves to ISO code -> country name. */
export function worldTitles() {
  world ??= fetch('/geo/world.json').then((r) => r.json()).then((geo) => {
    echarts.registerMap('world', geo);
    return Object.fromEntries(geo.features.map((/** @type {any} */ f) => [f.properties.name, f.properties.title]));
  });
  return world;
}

/** A chart in `el`, replacing the charts of the previous view. @param {HTMLElement} el @param {object} option */
function draw(el, option) {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption(option);
  live.push(chart);
  return chart;
}

function disposeCharts() {
  for (const c of live) c.dispose();
  live = [];
}
window.addEventListener('resize', () => { for (const c of live) c.resize(); });

/** @param {URLSearchParams} f */
const metricOf = (f) => /** @type {'contributors' | 'contributions'} */ (f.get('metric') === 'contributions' ? 'contributions' : 'contributors');
/** The scope filters for an all-time table (no period split). @param {URLSearchParams} f @param {string} report */
const allTime = (f, report) => { const p = scopeParams(f, { report }); p.delete('by'); return p; };

/** @param {HTMLElement} view @param {URLSearchParams} f */
export async function renderMap(view, f) {
  const metric = metricOf(f);
  const [titles, report] = await Promise.all([worldTitles(), api(`/api/reports/${COUNTRY}`, allTime(f, COUNTRY))]);
  disposeCharts();
  const unknown = report.rows.find((/** @type {any} */ r) => r.country === UNKNOWN);
  view.innerHTML = `<section class="view-map"><h2>Share of ${esc(metric)} by country</h2>${ignoredFilters(f, COUNTRY)}${coverageHtml(report)}
<div id="map-chart" class="chart" style="height:520px"></div>
${unknown ? `<p class="note" id="map-unknown">${fmtNumber(unknown[metric])} ${esc(metric)} (${fmtPct(Number(unknown[`${metric}_pct`]))}) have no known country and are not on the map.</p>` : ''}
<p class="note">Hover a country for its count, share and coverage; click it for its people. Countries: ${fmtNumber(report.rows.length - (unknown ? 1 : 0))}.</p>
${headerHtml(report.header)}</section>`;
  const chart = draw(/** @type {HTMLElement} */ (view.querySelector('#map-chart')), mapOption(report, { metric, titles, interactive: true }));
  chart.on('click', (/** @type {{ name: string, data?: unknown }} */ p) => { if (p.data) go(`countries/${encodeURIComponent(p.name)}`); });
}

/**
 * One trend chart: the top labels over the whole scope, then their rows per period (the server keeps only those labels).
 * @param {HTMLElement} el @param {string} name @param {URLSearchParams} f @param {number} n @param {Record<string, string> | undefined} titles @param {string} title
 */
async function trend(el, name, f, n, titles, title) {
  const metric = metricOf(f);
  const overall = await api(`/api/reports/${name}`, allTime(f, name));
  const labels = topLabels(overall, n, metric);
  const p = scopeParams(f, { report: name });
  p.set('by', f.get('by') ?? 'year');
  for (const l of labels) p.append('label', l);
  const report = await api(`/api/reports/${name}`, p);
  draw(el, trendOption(report, { metric, labels, title, ...(titles ? { titles } : {}) }));
  return report;
}

/** @param {HTMLElement} view @param {URLSearchParams} f */
export async function renderTrends(view, f) {
  const metric = metricOf(f);
  const by = f.get('by') ?? 'year';
  const titles = await worldTitles();
  disposeCharts();
  view.innerHTML = `<section class="view-trends"><h2>Trends per ${esc(by)}: share of ${esc(metric)}</h2>${ignoredFilters(f, COUNTRY)}
<p class="note">Each line is a share of all ${esc(metric)} in scope that ${esc(by)}${f.get('known-only') ? ' with a known label (known only)' : ''}; the dotted grey line is the coverage under them.
Where the report carries them (the country model): the shaded band is the 95% interval, and the dashed line of the same colour is what the declared location alone gives, as a share of the located people (what a profile-only geocoder publishes).</p>
<div id="trend-countries" class="chart" style="height:380px"></div>
<div id="trend-companies" class="chart" style="height:380px"></div><div id="trend-header"></div></section>`;
  const [countries] = await Promise.all([
    trend(/** @type {HTMLElement} */ (view.querySelector('#trend-countries')), COUNTRY, f, TREND_COUNTRIES, titles, `Top ${TREND_COUNTRIES} countries`),
    trend(/** @type {HTMLElement} */ (view.querySelector('#trend-companies')), COMPANY, f, TREND_COMPANIES, undefined, `Top ${TREND_COMPANIES} companies`),
  ]);
  /** @type {HTMLElement} */ (view.querySelector('#trend-header')).innerHTML = headerHtml(
    Object.fromEntries(Object.entries(countries.header).filter(([k]) => !/^coverage /.test(k))));
}
