// The dashboard page: routes (#/view/arg?filters), the filter bar, the always-visible footer. It asks the server for
// reports by name (GET /api/reports/:name) and never sees SQL. Views live in views-*.js.
import { completenessHtml, esc } from './format.js';
import { renderMap, renderTrends } from './views-charts.js';
import { renderTable } from './views-tables.js';
import { renderPerson, renderReportList, renderReport } from './views-people.js';
import { api, learnReports, route } from './nav.js';

/** Filter names the page itself understands; any other parameter the server accepts gets a plain text box. */
const KNOWN = ['repo', 'since', 'until', 'by', 'metric', 'known-only', 'include-bots', 'regions', 'roll-up-acquisitions'];
const STATUS_EVERY_MS = 5000;

const form = /** @type {HTMLFormElement} */ (document.getElementById('filters'));
const view = /** @type {HTMLElement} */ (document.getElementById('view'));
const footer = /** @type {HTMLElement} */ (document.getElementById('footer'));
const banner = /** @type {HTMLElement} */ (document.getElementById('banner'));
/** @type {{ reports: {name: string, summary: string, filters?: string[]}[], params: string[], choices: Record<string, string[]>, defaults: {includeBots: boolean, regions: string}, repositories: {repo: string}[] } | null} */
let meta = null;
let generation = 0;

function filtersFromForm() {
  const f = new URLSearchParams();
  for (const el of /** @type {HTMLInputElement[]} */ ([...form.elements])) {
    if (!el.name) continue;
    if (el.type === 'checkbox') { if (el.checked) f.set(el.name, '1'); } else if (el.value !== '' && !(el.name === 'by' && el.value === 'year')
      && !(el.name === 'metric' && el.value === 'contributors') && !(el.name === 'regions' && el.value === meta?.defaults.regions)) f.set(el.name, el.value);
  }
  return f;
}

/** @param {URLSearchParams} f */
function formFromFilters(f) {
  for (const el of /** @type {HTMLInputElement[]} */ ([...form.elements])) {
    if (!el.name) continue;
    if (el.type === 'checkbox') el.checked = f.get(el.name) === '1';
    else el.value = f.get(el.name) ?? (el.name === 'by' ? 'year' : el.name === 'metric' ? 'contributors' : el.name === 'regions' ? meta?.defaults.regions ?? 'apart' : '');
  }
}

function addExtraFilters() {
  const extra = /** @type {HTMLElement} */ (document.getElementById('extra-filters'));
  for (const p of meta?.params ?? []) {
    if (KNOWN.includes(p) || p === 'top' || p === 'label') continue;
    const choices = meta?.choices[p];
    extra.insertAdjacentHTML('beforeend', choices
      ? `<label>${esc(p)} <select name="${esc(p)}"><option value="">any</option>${choices.map((c) => `<option>${esc(c)}</option>`).join('')}</select></label>`
      : `<label>${esc(p)} <input name="${esc(p)}" size="12"></label>`);
  }
  const list = /** @type {HTMLElement} */ (document.getElementById('repo-list'));
  const owners = [...new Set((meta?.repositories ?? []).map((r) => `${r.repo.split('/')[0]}/*`))];
  list.innerHTML = [...owners, ...(meta?.repositories ?? []).map((r) => r.repo)].map((r) => `<option value="${esc(r)}">`).join('');
  const bots = /** @type {HTMLInputElement} */ (form.elements.namedItem('include-bots'));
  if (meta?.defaults.includeBots) bots.closest('label')?.setAttribute('title', 'the server was started with --include-bots');
}

/** @param {unknown} err */
export function showError(err) {
  const e = /** @type {Error & {hint?: string}} */ (err);
  view.innerHTML = `<div class="error"><b>${esc(e.message)}</b>${e.hint ? `<br>${esc(e.hint)}` : ''}</div>`;
}

async function render() {
  const r = route();
  formFromFilters(r.filters);
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.getAttribute('data-view') === (r.name === 'person' ? '' : r.name));
  view.innerHTML = '<p class="loading">Loading…</p>';
  try {
    if (r.name === 'map') await renderMap(view, r.filters);
    else if (r.name === 'trends') await renderTrends(view, r.filters);
    else if (r.name === 'companies' || r.name === 'countries') await renderTable(view, r.name, r.arg, r.filters);
    else if (r.name === 'reports' && r.arg) await renderReport(view, r.arg, r.filters);
    else if (r.name === 'sigs') await renderReport(view, 'SIGs and areas', r.filters, { path: '/api/views/sigs', filtersOf: 'contributors-by-sig' });
    else if (r.name === 'reports') renderReportList(view, meta?.reports ?? []);
    else if (r.name === 'person' && r.arg) await renderPerson(view, r.arg);
    else view.innerHTML = `<div class="error">No view "${esc(r.name)}".</div>`;
  } catch (err) {
    showError(err);
    if (/** @type {{status?: number}} */ (err).status === 503) setTimeout(render, 2000);
  }
  view.setAttribute('data-ready', r.name);
}

async function refreshStatus() {
  try {
    const s = await api('/api/status');
    const snap = s.snapshot;
    const when = (/** @type {string | null} */ t) => (t ? new Date(t).toLocaleString() : '?');
    footer.innerHTML = `${completenessHtml(s)}<p class="snapshot">Showing a copy of the database taken ${esc(when(snap.takenAt))} (database last changed ${esc(when(snap.sourceModifiedAt))}).</p>`;
    document.body.style.paddingBottom = `${footer.offsetHeight + 8}px`;
    banner.hidden = !snap.writerActive;
    banner.textContent = snap.writerActive ? `An ingest is writing to the database: showing the data as of ${when(snap.takenAt)}; the page updates when it ends.` : '';
    if (generation !== 0 && snap.generation !== generation) void render();
    generation = snap.generation;
  } catch (err) {
    footer.innerHTML = `<p class="spec">Status unavailable: ${esc(/** @type {Error} */ (err).message)}</p>`;
  }
}

async function boot() {
  try {
    meta = await api('/api/meta');
  } catch (err) {
    showError(err);
    setTimeout(boot, 2000);
    return;
  }
  addExtraFilters();
  learnReports(meta?.reports ?? []);
  form.addEventListener('change', () => {
    const r = route();
    const q = filtersFromForm().toString();
    location.hash = `#/${r.name}${r.arg ? `/${encodeURIComponent(r.arg)}` : ''}${q ? `?${q}` : ''}`;
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', (e) => { e.preventDefault(); location.hash = `#/${route().name}`; });
  window.addEventListener('hashchange', () => void render());
  await refreshStatus();
  setInterval(refreshStatus, STATUS_EVERY_MS);
  await render();
}

void boot();
