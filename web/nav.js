// What every view shares: the API client, the route in the address, and the filters turned into API parameters.

/** Filters that are not API parameters (how the page draws, not what it asks). */
const VIEW_ONLY = ['metric'];
/** Filters only some reports apply (the registry says which); sent to the others they would be refused. */
const REPORT_FILTERS = ['segment', 'kind'];
/** @type {Map<string, string[]>} report -> the REPORT_FILTERS it applies, from /api/meta */
const takes = new Map();

/** @param {{ name: string, filters?: string[] }[]} reports */
export function learnReports(reports) {
  for (const r of reports) takes.set(r.name, r.filters ?? []);
}

/**
 * The filters set that `report` does not apply, with the reports that do, for a note on the view.
 * @param {URLSearchParams} f @param {string} report
 */
export function ignoredFilters(f, report) {
  const ignored = REPORT_FILTERS.filter((p) => f.get(p) && !(takes.get(report) ?? []).includes(p));
  if (!ignored.length) return '';
  const where = [...takes].filter(([, fs]) => ignored.every((p) => fs.includes(p))).map(([n]) => n);
  return `<p class="note ignored">The ${ignored.join(' and ')} filter${ignored.length > 1 ? 's do' : ' does'} not apply here${where.length ? `; it applies to ${where.join(', ')}` : ''}.</p>`;
}

/** GET an API path; the server's own message on a 4xx/5xx. @param {string} path @param {URLSearchParams} [params] */
export async function api(path, params) {
  const res = await fetch(params && [...params].length ? `${path}?${params}` : path);
  const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
  if (!res.ok) throw Object.assign(new Error(body.error ?? res.statusText), { status: res.status, hint: body.hint });
  return body;
}

/** The route and filters from the address: #/companies/Google?repo=kubernetes/*&since=2024-01-01 */
export function route() {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [first, ...rest] = path.split('/');
  return { name: first || 'map', arg: rest.length ? decodeURIComponent(rest.join('/')) : null, filters: new URLSearchParams(query) };
}

/**
 * API parameters from the filters: repo lists split on commas, view-only settings left out, and for `report` the
 * report-specific filters it does not apply.
 * @param {URLSearchParams} f @param {{ keep?: string[] | null, report?: string }} [o]
 */
export function scopeParams(f, { keep = null, report } = {}) {
  const out = new URLSearchParams();
  for (const [k, v] of f) {
    if (VIEW_ONLY.includes(k) || v === '' || (keep && !keep.includes(k))) continue;
    if (report && REPORT_FILTERS.includes(k) && !(takes.get(report) ?? []).includes(k)) continue;
    if (k === 'repo') v.split(',').map((s) => s.trim()).filter(Boolean).forEach((r) => out.append('repo', r));
    else out.append(k, v);
  }
  return out;
}

/** Navigate keeping the filters. @param {string} path */
export function go(path) {
  const q = route().filters.toString();
  location.hash = `#/${path}${q ? `?${q}` : ''}`;
}

