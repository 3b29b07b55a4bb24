// Text and tables shared by the dashboard (in the browser) and `census export html` (on the server): pure functions
// from report JSON to escaped HTML strings, so both show the same numbers the same way.

/** @param {unknown} s */
export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** @param {unknown} v */
export function fmtNumber(v) {
  if (typeof v !== 'number') return v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** @param {number} part @param {number} whole */
export function pct(part, whole) {
  return whole > 0 ? (100 * part) / whole : 0;
}

/** @param {number} x */
export const fmtPct = (x) => `${x.toFixed(1)}%`;

/**
 * The dimension a share report counts ("country", "company"): the column after rank.
 * @param {{ columns: string[] }} report
 */
export function dimensionOf(report) {
  return report.columns.find((c) => c !== 'period' && c !== 'rank') ?? 'label';
}

/**
 * Coverage per period in words and figures, from a report's `coverage` list.
 * @param {{ columns: string[], coverage: {period: string, contributors: number, knownContributors: number, contributions: number, knownContributions: number}[] | null }} report
 */
export function coverageFigures(report) {
  const dim = dimensionOf(report);
  return (report.coverage ?? []).map((c) => ({
    period: c.period,
    contributorsPct: pct(c.knownContributors, c.contributors),
    contributionsPct: pct(c.knownContributions, c.contributions),
    text: `${dim} known for ${fmtNumber(c.knownContributors)} of ${fmtNumber(c.contributors)} contributors (${fmtPct(pct(c.knownContributors, c.contributors))}) ` +
      `and ${fmtNumber(c.knownContributions)} of ${fmtNumber(c.contributions)} contributions (${fmtPct(pct(c.knownContributions, c.contributions))})`,
  }));
}

/**
 * The big coverage panel: as prominent as the shares it qualifies.
 * @param {Parameters<typeof coverageFigures>[0]} report
 */
export function coverageHtml(report) {
  const figures = coverageFigures(report);
  const dim = esc(dimensionOf(report));
  if (figures.length > 1) {
    const cells = figures.map((c) => `<span class="period"><b>${esc(c.period)}</b> ${fmtPct(c.contributorsPct)} / ${fmtPct(c.contributionsPct)}</span>`).join(' ');
    return `<div class="coverage per-period"><p class="coverage-text">Coverage per period: share of contributors / of contributions with a known ${dim}.</p><div class="periods">${cells}</div></div>`;
  }
  const all = figures[0];
  if (!all) return '';
  return `<div class="coverage" data-coverage="${all.contributorsPct.toFixed(1)}">
  <div class="big"><span class="num">${fmtPct(all.contributorsPct)}</span><span class="what">of contributors have a known ${dim}</span></div>
  <div class="big"><span class="num">${fmtPct(all.contributionsPct)}</span><span class="what">of contributions have a known ${dim}</span></div>
  <p class="coverage-text">Coverage: ${esc(all.text)}.</p></div>`;
}

/**
 * A report's header lines (scope, counting rules, denominator), coverage lines left to the coverage panel.
 * @param {Record<string, string>} header
 */
export function headerHtml(header) {
  const lines = Object.entries(header).filter(([k]) => !k.startsWith('coverage'));
  return `<dl class="header">${lines.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

/** A column name as a heading: `contributors_pct` -> `contributors %`. @param {string} c */
export const columnTitle = (c) => c.replace(/_pct\b/, ' %').replace(/_/g, ' ');

/**
 * @typedef {{ sortBy?: string, desc?: boolean, limit?: number, linkColumn?: string, titles?: Record<string, string>, titleColumn?: string, selected?: string | null, intervals?: boolean }} TableOptions
 * @param {string[]} columns
 * @param {Record<string, unknown>[]} rows
 * @param {TableOptions} [opts]
 */
export function tableHtml(columns, rows, opts = {}) {
  // With `intervals`, a count's 95% bounds (`x_low`, `x_high`) are written inside its cell instead of as columns.
  const bounded = new Set(opts.intervals ? columns.filter((c) => columns.includes(`${c}_low`) && columns.includes(`${c}_high`)) : []);
  const hidden = new Set([...bounded].flatMap((c) => [`${c}_low`, `${c}_high`]));
  const shownCols = columns.filter((c) => !hidden.has(c));
  const sorted = opts.sortBy ? sortRows(rows, opts.sortBy, opts.desc ?? false) : rows;
  const shown = opts.limit ? sorted.slice(0, opts.limit) : sorted;
  const numeric = new Set(columns.filter((c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number' || r[c] === null)));
  const head = shownCols.map((c) => {
    const mark = c === opts.sortBy ? (opts.desc ? ' ▼' : ' ▲') : '';
    return `<th data-col="${esc(c)}" class="${numeric.has(c) ? 'n' : ''}" tabindex="0" aria-sort="${c === opts.sortBy ? (opts.desc ? 'descending' : 'ascending') : 'none'}">${esc(columnTitle(c))}${mark}</th>`;
  }).join('');
  const body = shown.map((r) => {
    const cells = shownCols.map((c) => {
      let text = esc(fmtNumber(r[c]));
      if (bounded.has(c) && r[`${c}_low`] !== r[`${c}_high`]) text += ` <span class="ci">${esc(fmtNumber(r[`${c}_low`]))}–${esc(fmtNumber(r[`${c}_high`]))}</span>`;
      if (c === opts.titleColumn && opts.titles && typeof r[c] === 'string' && opts.titles[r[c]]) text = `${text} <span class="title">${esc(opts.titles[r[c]])}</span>`;
      if (c === opts.linkColumn) text = `<a href="#" data-label="${esc(r[c])}">${text}</a>`;
      return `<td class="${numeric.has(c) ? 'n' : ''}">${text}</td>`;
    });
    const picked = opts.selected != null && opts.linkColumn && r[opts.linkColumn] === opts.selected;
    return `<tr${picked ? ' class="selected"' : ''}>${cells.join('')}</tr>`;
  }).join('');
  const more = opts.limit && sorted.length > opts.limit ? `<p class="more">${fmtNumber(opts.limit)} of ${fmtNumber(sorted.length)} rows shown.</p>` : '';
  return `<table class="report"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}`;
}

/**
 * @param {Record<string, unknown>[]} rows @param {string} col @param {boolean} desc
 */
export function sortRows(rows, col, desc) {
  const dir = desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[col];
    const y = b[col];
    if (typeof x === 'number' && typeof y === 'number') return dir * (x - y);
    return dir * String(x ?? '').localeCompare(String(y ?? ''));
  });
}

/**
 * The counting spec and what the data rests on: the footer of the dashboard and of the exported page.
 * @param {{ spec: Record<string, string>, sources: Record<string, unknown>[], problems: number, span: Record<string, unknown> | null,
 *   gharchive?: { first: string | null, last: string | null, hoursRead: number, missingHours: number, shortHours: number } | null }} c
 */
export function completenessHtml(c) {
  const gh = c.gharchive
    ? ` GH Archive hours ${esc(c.gharchive.first)} .. ${esc(c.gharchive.last)} UTC: ${fmtNumber(c.gharchive.hoursRead)} read, ${fmtNumber(c.gharchive.missingHours)} missing, ` +
      `${fmtNumber(c.gharchive.shortHours)} short (census completeness lists them).` : '';
  const spec = Object.entries(c.spec).map(([k, v]) => `<span class="spec-item"><b>${esc(k)}:</b> ${esc(v)}</span>`).join(' · ');
  const read = c.sources.map((s) => `${fmtNumber(s.sources)} ${esc(s.kind)} source${s.sources === 1 ? '' : 's'} (${fmtNumber(s.records)} records` +
    `${Number(s.bad_records) > 0 ? `, ${fmtNumber(s.bad_records)} unusable` : ''}, last read ${esc(s.last_read)})`).join('; ');
  const span = c.span && c.span.first_contribution
    ? ` Contributions from ${esc(c.span.first_contribution)} to ${esc(c.span.last_contribution)} in ${fmtNumber(c.span.repositories)} repositories.` : '';
  const problems = `${fmtNumber(c.problems)} record${c.problems === 1 ? '' : 's'} could not be used (census status --problems lists them).`;
  return `<p class="spec">${spec}</p><p class="data">Data read: ${read || 'nothing yet'}. ${problems}${span}${gh}</p>`;
}
