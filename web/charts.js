// Chart options shared by the dashboard (echarts in the browser) and `census export html` (echarts' SVG renderer on
// the server): pure functions from report JSON to echarts options. Column conventions for intervals and the
// profile-only figure are in docs/dashboard.md; a report that carries them gets bands and a dashed line.
import { coverageFigures, dimensionOf, fmtNumber, fmtPct } from './format.js';

export const UNKNOWN = 'Unknown';
const PALETTE = ['#2f6db5', '#d9822b', '#3a9b5c', '#b8433f', '#7b5ea7', '#8c6d46', '#c55fa2', '#5f7f8c', '#a3a13a', '#2aa3b8'];

/**
 * The lower and upper bound columns of a 95% interval for `col`, when the report carries them.
 * @param {string[]} columns @param {string} col
 * @returns {{ low: string, high: string } | null}
 */
export function intervalColumns(columns, col) {
  for (const [lo, hi] of [['_low', '_high'], ['_lo', '_hi'], ['_lower', '_upper']]) {
    if (columns.includes(col + lo) && columns.includes(col + hi)) return { low: col + lo, high: col + hi };
  }
  return null;
}

/**
 * The profile-only share (declared location alone, as a DevStats-style geocoder publishes it) beside `metric`'s share.
 * The country model names it `profile_pct` (contributors only).
 * @param {string[]} columns @param {string} metric
 */
export function profileColumn(columns, metric) {
  const names = [`${metric}_pct_profile`, `profile_${metric}_pct`, ...(metric === 'contributors' ? ['profile_pct'] : [])];
  return names.find((c) => columns.includes(c)) ?? null;
}

/**
 * A 95% interval of `metric`'s share for a row: the share's own bounds when the report has them, else the count's
 * bounds over the row's denominator (all contributors of the period, or the known ones under --known-only, whichever
 * the row's own share and count imply).
 * @param {Report} report @param {string} metric
 * @returns {((row: Record<string, unknown>) => [number, number]) | null}
 */
export function shareBand(report, metric) {
  const own = intervalColumns(report.columns, `${metric}_pct`);
  if (own) return (row) => [Number(row[own.low] ?? 0), Number(row[own.high] ?? 0)];
  const counts = intervalColumns(report.columns, metric);
  if (!counts) return null;
  const totals = new Map((report.coverage ?? []).map((c) => [c.period, metric === 'contributors'
    ? [c.contributors, c.knownContributors] : [c.contributions, c.knownContributions]]));
  return (row) => {
    const [all = 0, known = 0] = totals.get(String(row.period ?? 'all')) ?? [];
    const count = Number(row[metric] ?? 0);
    const share = Number(row[`${metric}_pct`] ?? 0);
    const implied = count > 0 && share > 0 ? (100 * count) / share : all;
    const total = Math.abs(implied - known) < Math.abs(implied - all) ? known : all;
    return total > 0 ? [(100 * Number(row[counts.low] ?? 0)) / total, (100 * Number(row[counts.high] ?? 0)) / total] : [0, 0];
  };
}

/**
 * The labels with the largest `metric`, Unknown left out (the coverage line stands for it).
 * @param {{ columns: string[], rows: Record<string, unknown>[] }} report @param {number} n @param {string} metric
 */
export function topLabels(report, n, metric) {
  const dim = dimensionOf(report);
  const totals = new Map();
  for (const r of report.rows) {
    const label = String(r[dim]);
    if (label === UNKNOWN) continue;
    totals.set(label, (totals.get(label) ?? 0) + Number(r[metric] ?? 0));
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).slice(0, n).map(([l]) => l);
}

/**
 * @typedef {{ columns: string[], rows: Record<string, unknown>[], header: Record<string, string>, coverage: {period: string, contributors: number, knownContributors: number, contributions: number, knownContributions: number}[] | null }} Report
 * @typedef {{ metric: 'contributors' | 'contributions', titles: Record<string, string>, width?: number, height?: number, interactive?: boolean }} MapOptions
 */

/**
 * A world map shaded by each country's share; the tooltip gives count, share, interval (when present) and coverage.
 * @param {Report} report @param {MapOptions} o
 */
export function mapOption(report, o) {
  const share = `${o.metric}_pct`;
  const band = shareBand(report, o.metric);
  const countBand = intervalColumns(report.columns, o.metric);
  const profile = profileColumn(report.columns, o.metric);
  const profileCount = report.columns.includes(`profile_${o.metric}`) ? `profile_${o.metric}` : null;
  const cov = coverageFigures(report).find((c) => c.period === 'all');
  const data = report.rows.filter((r) => r.country !== UNKNOWN).map((r) => ({
    name: String(r.country), value: Number(r[share] ?? 0), count: r[o.metric],
    low: band ? band(r)[0] : null, high: band ? band(r)[1] : null,
    countLow: countBand ? r[countBand.low] : null, countHigh: countBand ? r[countBand.high] : null,
    profile: profile ? r[profile] : null, profileCount: profileCount ? r[profileCount] : null,
  }));
  const max = Math.max(0.01, ...data.map((d) => d.value));
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      /** @param {{ name: string, data?: typeof data[number] }} p */
      formatter: (p) => {
        const title = o.titles[p.name] ?? p.name;
        if (!p.data) return `<b>${title}</b><br>no ${o.metric} in scope`;
        const d = p.data;
        const lines = [`<b>${title}</b> (${p.name})`, `${o.metric}: ${fmtNumber(d.count)}${d.countLow !== null ? ` (95% interval ${fmtNumber(d.countLow)}–${fmtNumber(d.countHigh)})` : ''}`,
          `share: ${fmtPct(d.value)}${d.low !== null ? ` (95% interval ${fmtPct(Number(d.low))}–${fmtPct(Number(d.high))})` : ''}`];
        if (d.profile !== null && d.profile !== undefined) {
          lines.push(`declared location alone: ${d.profileCount !== null ? `${fmtNumber(d.profileCount)}, ` : ''}${fmtPct(Number(d.profile))} of the located`);
        }
        if (cov) lines.push(`coverage: country known for ${fmtPct(o.metric === 'contributors' ? cov.contributorsPct : cov.contributionsPct)} of ${o.metric}`);
        return lines.join('<br>');
      },
    },
    visualMap: {
      type: 'continuous', min: 0, max, calculable: false, hoverLink: false, left: 10, bottom: 10, itemHeight: 120,
      text: [fmtPct(max), '0%'], inRange: { color: ['#e3edf7', '#2f6db5', '#123a6b'] },
    },
    series: [{
      type: 'map', map: 'world', roam: o.interactive ?? false, nameProperty: 'name', top: 10, bottom: 10,
      itemStyle: { areaColor: '#f1f1f1', borderColor: '#999', borderWidth: 0.4 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2c14e' } },
      select: { disabled: true },
      data,
    }],
  };
}

/**
 * @typedef {{ metric: 'contributors' | 'contributions', labels: string[], titles?: Record<string, string>, title?: string }} TrendOptions
 */

/**
 * Shares per period for the chosen labels, with 95% bands and a dashed profile-only line when the rows carry them,
 * and the coverage per period as a grey line: a share is only as good as the coverage under it.
 * @param {Report} report @param {TrendOptions} o
 */
export function trendOption(report, o) {
  const dim = dimensionOf(report);
  const share = `${o.metric}_pct`;
  const periods = [...new Set((report.coverage ?? []).map((c) => c.period).concat(report.rows.map((r) => String(r.period))))].filter((p) => p !== 'all' && p !== 'undefined').sort();
  const band = shareBand(report, o.metric);
  const profile = profileColumn(report.columns, o.metric);
  /** @type {Map<string, Record<string, unknown>>} */
  const at = new Map(report.rows.map((r) => [`${r[dim]}|${r.period}`, r]));
  const value = (/** @type {string} */ label, /** @type {string} */ p, /** @type {string} */ col) => Number(at.get(`${label}|${p}`)?.[col] ?? 0);
  const bound = (/** @type {string} */ label, /** @type {string} */ p, /** @type {0 | 1} */ i) => {
    const row = at.get(`${label}|${p}`);
    return row && band ? Number(band(row)[i].toFixed(2)) : 0;
  };
  /** @type {Record<string, unknown>[]} */
  const series = [];
  o.labels.forEach((label, i) => {
    const color = PALETTE[i % PALETTE.length];
    const name = o.titles?.[label] ?? label;
    series.push({ name, type: 'line', symbolSize: 5, color, data: periods.map((p) => value(label, p, share)) });
    if (band) {
      const stack = `band-${i}`;
      series.push({ name: `${name} 95% low`, type: 'line', stack, symbol: 'none', lineStyle: { opacity: 0 }, data: periods.map((p) => bound(label, p, 0)), tooltip: { show: false } });
      series.push({ name: `${name} 95% interval`, type: 'line', stack, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.15 },
        data: periods.map((p) => Number((bound(label, p, 1) - bound(label, p, 0)).toFixed(2))), tooltip: { show: false } });
    }
    if (profile) series.push({ name: `${name} (profile only)`, type: 'line', color, symbol: 'none', lineStyle: { type: 'dashed', width: 1.5 }, data: periods.map((p) => value(label, p, profile)) });
  });
  const cov = new Map(coverageFigures(report).map((c) => [c.period, o.metric === 'contributors' ? c.contributorsPct : c.contributionsPct]));
  series.push({ name: `coverage (${dim} known)`, type: 'line', color: '#888', symbol: 'none', lineStyle: { type: 'dotted', width: 2 },
    data: periods.map((p) => Number((cov.get(p) ?? 0).toFixed(1))) });
  return {
    animation: false,
    title: o.title ? { text: o.title, left: 'center', textStyle: { fontSize: 14 } } : undefined,
    tooltip: { trigger: 'axis', valueFormatter: (/** @type {number} */ v) => fmtPct(Number(v)) },
    // One legend entry per label (its band and dashed line share its colour) and the coverage line.
    legend: { bottom: 0, type: 'scroll', data: series.map((s) => String(s.name)).filter((n) => !/ 95% (low|interval)$| \(profile only\)$/.test(n)) },
    grid: { left: 50, right: 20, top: o.title ? 40 : 20, bottom: 60 },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: { type: 'value', name: `% of ${o.metric}`, axisLabel: { formatter: '{value}%' } },
    series,
  };
}
