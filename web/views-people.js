// The person page (what `census people` says about one person, opt-out respected by the server) and the generic
// report views: every report in the registry, shown as a table whatever its shape, so new reports need no page change.
import { coverageHtml, esc, fmtNumber, fmtPct, headerHtml, tableHtml } from './format.js';
import { api, ignoredFilters, scopeParams } from './nav.js';

const ROWS_SHOWN = 500;

/** @param {HTMLElement} view @param {{ name: string, summary: string }[]} reports */
export function renderReportList(view, reports) {
  view.innerHTML = `<section><h2>All reports</h2><p class="note">Every report the census knows, with the filters above applied.</p>
<ul class="reports-list">${reports.map((r) => `<li><a href="#/reports/${encodeURIComponent(r.name)}${location.hash.includes('?') ? `?${location.hash.split('?')[1]}` : ''}">${esc(r.name)}</a>: ${esc(r.summary)}</li>`).join('')}</ul></section>`;
}

/**
 * A report (or a view built of reports, such as the SIG view) as a sortable table with its header and coverage.
 * @param {HTMLElement} view @param {string} name @param {URLSearchParams} f @param {{ path: string, filtersOf: string }} [from]
 */
export async function renderReport(view, name, f, from = { path: `/api/reports/${encodeURIComponent(name)}`, filtersOf: name }) {
  const params = scopeParams(f, { report: from.filtersOf });
  if (!f.get('by')) params.delete('by');
  const report = await api(from.path, params);
  const state = { sortBy: /** @type {string | undefined} */ (undefined), desc: false, limit: /** @type {number | undefined} */ (ROWS_SHOWN) };
  view.innerHTML = `<section class="view-report"><h2>${esc(name)}</h2>${ignoredFilters(f, from.filtersOf)}${report.coverage ? coverageHtml(report) : ''}${headerHtml(report.header)}
<p class="note">${fmtNumber(report.rows.length)} rows. Click a column to sort. <button type="button" id="all" ${report.rows.length > ROWS_SHOWN ? '' : 'hidden'}>Show all</button></p><div id="table"></div></section>`;
  const el = /** @type {HTMLElement} */ (view.querySelector('#table'));
  const draw = () => { el.innerHTML = tableHtml(report.columns, report.rows, { ...(state.sortBy ? { sortBy: state.sortBy, desc: state.desc } : {}), ...(state.limit ? { limit: state.limit } : {}) }); };
  /** @type {HTMLElement} */ (view.querySelector('#all')).addEventListener('click', (e) => { state.limit = undefined; /** @type {HTMLElement} */ (e.target).hidden = true; draw(); });
  el.addEventListener('click', (e) => {
    const th = /** @type {HTMLElement} */ (e.target).closest('th');
    if (!th) return;
    const col = th.getAttribute('data-col') ?? '';
    state.desc = state.sortBy === col ? !state.desc : typeof report.rows[0]?.[col] === 'number';
    state.sortBy = col;
    draw();
  });
  draw();
}

/**
 * The country model's reading: its probabilities, and `census explain`'s words (else the evidence rows); any other
 * shape is listed as given.
 * @param {{ probabilities?: {country: string, p: number}[], evidence?: {kind: string, detail: string, source: string}[], explanation?: string | null } | null} block
 */
function countryModelHtml(block) {
  if (!block) return '<p class="note" id="person-model">No country evidence for this person: no declared location, no usable commit clock, no national mail domain.</p>';
  if (!block.probabilities || !block.evidence) {
    return `<dl class="facts">${Object.entries(block).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(typeof v === 'object' ? JSON.stringify(v) : v)}</dd>`).join('')}</dl>`;
  }
  const p = block.probabilities.map((x) => `<b>${esc(x.country)}</b> ${fmtPct(100 * x.p)}`).join(' · ');
  const ev = block.explanation
    ? `<pre class="explain">${esc(block.explanation)}</pre>`
    : `<ul>${block.evidence.map((e) => `<li><b>${esc(e.kind)}</b>: ${esc(e.detail)} <span class="note">(${esc(e.source)})</span></li>`).join('')}</ul>`;
  return `<p id="person-model">Most likely: ${p || 'no country'}</p>${ev}`;
}

/** @param {HTMLElement} view @param {string} id */
export async function renderPerson(view, id) {
  const { person: p, activity, country_model: model } = await api(`/api/people/${encodeURIComponent(id)}`);
  const years = new Map();
  for (const a of activity) years.set(a.year, (years.get(a.year) ?? 0) + a.contributions);
  const ce = p.country_evidence;
  view.innerHTML = `<section class="person"><h2><span id="person-name">${esc(p.name)}</span> <span class="logins">${esc((p.logins ?? []).map((/** @type {string} */ l) => `@${l}`).join(' '))}</span></h2>
<dl class="facts">
<dt>Also known as</dt><dd>${esc((p.names ?? []).join(', '))}</dd>
<dt>E-mails</dt><dd>${fmtNumber((p.emails ?? []).length)} (shown as hashes)</dd>
<dt>Employer now</dt><dd>${esc(p.company_now)} <span class="note">(${esc(p.company_source)})</span></dd>
<dt>Country</dt><dd id="person-country">${esc(p.country ?? 'unknown')}${ce ? ` <span class="note">(${esc(ce.source)}: "${esc(ce.text)}" on @${esc(ce.login)}, rule ${esc(ce.rule)})</span>` : ''}</dd>
<dt>Bot</dt><dd>${p.bot ? `${esc(p.bot.kind)} (${esc(p.bot.rule)})` : 'no'}</dd>
<dt>Contributions</dt><dd>${fmtNumber(p.contributions)}, the latest on ${esc(p.last_contribution ?? '?')}; per year: ${[...years].map(([y, n]) => `${esc(y)}: ${fmtNumber(n)}`).join(', ')}</dd>
</dl>
<h3>Country evidence</h3>${countryModelHtml(model)}
<h3>Why these aliases are one person</h3>
<ul>${(p.identity_evidence ?? []).map((/** @type {{kind: string, detail: string}} */ e) => `<li><b>${esc(e.kind)}</b>: ${esc(e.detail)}</li>`).join('') || '<li>one alias only</li>'}</ul>
<h3>Contributions per year and repository</h3>${tableHtml(['year', 'repo', 'company', 'contributions', 'coauthored'], activity)}
</section>`;
}
