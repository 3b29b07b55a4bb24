// The company and country tables: coverage first, sortable columns, a search box, and a row's people on click.
import { UNKNOWN } from './charts.js';
import { coverageHtml, esc, fmtNumber, fmtPct, headerHtml, tableHtml } from './format.js';
import { api, go, ignoredFilters, scopeParams } from './nav.js';
import { worldTitles } from './views-charts.js';

const REPORT = { companies: 'contributors-by-company', countries: 'contributors-by-country' };
const ROWS_SHOWN = 100;
const PEOPLE_SHOWN = 50;

/**
 * @param {HTMLElement} view @param {'companies' | 'countries'} which @param {string | null} label @param {URLSearchParams} f
 */
export async function renderTable(view, which, label, f) {
  const params = scopeParams(f, { report: REPORT[which] });
  params.delete('by');
  const [report, titles] = await Promise.all([api(`/api/reports/${REPORT[which]}`, params), which === 'countries' ? worldTitles() : Promise.resolve(undefined)]);
  const dim = which === 'companies' ? 'company' : 'country';
  const state = { sortBy: 'contributors', desc: true, limit: /** @type {number | undefined} */ (ROWS_SHOWN), search: '' };
  view.innerHTML = `<section class="view-table"><h2>${which === 'companies' ? 'Companies' : 'Countries'}</h2>${ignoredFilters(f, REPORT[which])}${coverageHtml(report)}
<div class="layout-2"><div>
<div class="toolbar"><label>Find <input id="find" type="search" size="24" placeholder="${esc(dim)}"></label><span id="count" class="note"></span>
<button type="button" id="all" hidden>Show all</button></div>
<div id="table" class="scroll-x"></div></div>
<div id="people" class="people-panel"><p class="note">Click a ${esc(dim)} to list its people, most contributions first.</p></div></div>
${headerHtml(report.header)}</section>`;
  const tableEl = /** @type {HTMLElement} */ (view.querySelector('#table'));
  const allButton = /** @type {HTMLButtonElement} */ (view.querySelector('#all'));
  const draw = () => {
    const needle = state.search.toLowerCase();
    const rows = report.rows.filter((/** @type {any} */ r) => !needle || String(r[dim]).toLowerCase().includes(needle)
      || (titles?.[r[dim]] ?? '').toLowerCase().includes(needle));
    tableEl.innerHTML = tableHtml(report.columns, rows, {
      sortBy: state.sortBy, desc: state.desc, linkColumn: dim, selected: label, intervals: true, ...(state.limit ? { limit: state.limit } : {}), ...(titles ? { titles, titleColumn: dim } : {}),
    });
    /** @type {HTMLElement} */ (view.querySelector('#count')).textContent = `${fmtNumber(rows.length)} ${dim === 'company' ? 'companies' : 'countries'}`;
    allButton.hidden = !state.limit || rows.length <= state.limit;
  };
  tableEl.addEventListener('click', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    const th = t.closest('th');
    if (th) {
      const col = th.getAttribute('data-col') ?? '';
      state.desc = state.sortBy === col ? !state.desc : typeof report.rows[0]?.[col] === 'number';
      state.sortBy = col;
      draw();
      return;
    }
    const a = t.closest('a[data-label]');
    if (a) {
      e.preventDefault();
      go(`${which}/${encodeURIComponent(a.getAttribute('data-label') ?? '')}`);
    }
  });
  tableEl.addEventListener('keydown', (e) => { if (e.key === 'Enter' && /** @type {HTMLElement} */ (e.target).closest('th')) /** @type {HTMLElement} */ (e.target).click(); });
  /** @type {HTMLInputElement} */ (view.querySelector('#find')).addEventListener('input', (e) => { state.search = /** @type {HTMLInputElement} */ (e.target).value; draw(); });
  allButton.addEventListener('click', () => { state.limit = undefined; draw(); });
  draw();
  if (label !== null) await renderPeople(/** @type {HTMLElement} */ (view.querySelector('#people')), dim, label, f, titles);
}

/**
 * The people behind one company or country, linking to their pages; opted-out people are never listed by the server.
 * @param {HTMLElement} el @param {'company' | 'country'} dim @param {string} label @param {URLSearchParams} f @param {Record<string, string> | undefined} titles
 */
async function renderPeople(el, dim, label, f, titles) {
  const params = scopeParams(f, { keep: ['repo', 'since', 'until', 'include-bots', 'regions', 'roll-up-acquisitions'] });
  params.set(dim, label);
  params.set('limit', String(PEOPLE_SHOWN));
  el.innerHTML = '<p class="loading">Loading people…</p>';
  const r = await api('/api/people', params);
  const name = titles?.[label] ? `${titles[label]} (${label})` : label;
  const rows = r.people.map((/** @type {any} */ p) => `<tr><td><a href="#/person/${encodeURIComponent(p.person_id)}">${esc(p.display_name)}</a></td>
<td>${esc((p.logins ?? []).join(', '))}</td><td class="n">${fmtNumber(p.contributions)}</td><td>${esc(p.first_contribution)}</td><td>${esc(p.last_contribution)}</td>
<td>${dim === 'company' ? `${esc(p.country)}${p.country_p ? ` <span class="note">${fmtPct(100 * p.country_p)}</span>` : ''}` : esc(p.latest_company)}</td></tr>`).join('');
  el.innerHTML = `<h3 id="people-title">People: ${esc(name)}</h3>
<p class="note">The ${fmtNumber(r.people.length)} most active in this scope${label === UNKNOWN ? `, with no known ${dim}` : dim === 'country' ? ' whose likeliest country this is' : ''}${r.people.length === PEOPLE_SHOWN ? ` (the list stops at ${PEOPLE_SHOWN})` : ''}. People who opted out are never listed.</p>
<table class="report people"><thead><tr><th>name</th><th>logins</th><th class="n">contributions</th><th>first</th><th>last</th><th>${dim === 'company' ? 'likeliest country' : 'latest company'}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}
