// The SIG view for the dashboard (`sigView`) and the static report (`renderSigSection`): one row per SIG with size,
// companies, coverage, bus and elephant factors. Built from the registry's reports, so the numbers match the CLI.
import type { Context } from '../context.ts';
import type { Row } from '../store/store.ts';
import { NO_AREA } from '../areas/model.ts';
import type { ReportOptions } from './options.ts';
import { busFactor, contributorsBySig, elephantFactor } from './sigs.ts';
import { escapeHtml } from '../roster/html.ts';

export const sigViewColumns = [
  'area', 'name', 'contributors', 'contributions', 'bus_factor', 'elephant_factor', 'companies', 'company_coverage_pct',
  'top_company', 'top_company_pct', 'countries', 'country_coverage_pct',
] as const;

export interface SigView {
  header: Record<string, string>;
  columns: readonly string[];
  /** One row per SIG (or area), largest first, the contributions in no area last; the whole window (opts.by is ignored). */
  rows: Row[];
}

export async function sigView(ctx: Context, opts: ReportOptions): Promise<SigView> {
  const all = { ...opts, by: 'all' as const };
  const sigs = await contributorsBySig.run(ctx, all);
  const bus = new Map((await busFactor.run(ctx, all)).rows.map((r) => [String(r.area), r.bus_factor]));
  const elephant = new Map((await elephantFactor.run(ctx, all)).rows.map((r) => [String(r.area), r.elephant_factor]));
  const rows = sigs.rows.map((r) => ({ ...r, bus_factor: bus.get(String(r.area)) ?? null, elephant_factor: elephant.get(String(r.area)) ?? null }));
  return { header: sigs.header, columns: sigViewColumns, rows };
}

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? v.toLocaleString('en-US') : String(v));

/** An HTML <section> (no script, no external resource) for `census export html`; `top` SIGs, plus the no-area row. */
export function renderSigSection(view: SigView, top = 30): string {
  const shown = [...view.rows.filter((r) => r.area !== NO_AREA).slice(0, top), ...view.rows.filter((r) => r.area === NO_AREA)];
  const head = view.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = shown.map((r) => `<tr>${view.columns.map((c) => `<td>${escapeHtml(cell(r[c]))}</td>`).join('')}</tr>`).join('\n');
  const notes = ['scope', 'areas', 'in an area', 'country'].filter((k) => view.header[k])
    .map((k) => `<li><b>${escapeHtml(k)}</b>: ${escapeHtml(view.header[k]!)}</li>`).join('');
  return `<section id="sigs"><h2>SIGs and areas</h2>
<ul class="header">${notes}<li><b>bus_factor / elephant_factor</b>: the fewest people / companies making up over half of a SIG's contributions</li></ul>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></section>`;
}
