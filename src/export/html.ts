// `census export html`: the dashboard's views as one self-contained page (inline CSS, charts as inline SVG, no script,
// nothing fetched), fit to attach to a mailing-list post. Same chart options and tables as the dashboard (web/).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Context } from '../context.ts';
import { getReport, reportNames } from '../reports/registry.ts';
import type { ReportOptions } from '../reports/options.ts';
import { keepTop } from '../commands/report.ts';
import { payload, type ReportPayload } from '../views/report-payload.ts';
import { countryTitles } from '../views/world.ts';
import { completeness } from '../views/completeness.ts';
import { WEB_DIR } from '../server/assets.ts';
import { renderSvg } from './svg.ts';
import { renderSigSection, sigView } from '../reports/sig-section.ts';
import { NO_AREA } from '../areas/model.ts';
import { mapOption, topLabels, trendOption, UNKNOWN } from '../../web/charts.js';
import { completenessHtml, coverageHtml, esc, fmtNumber, fmtPct, headerHtml, tableHtml } from '../../web/format.js';

export const SHARE_REPORTS = { country: 'contributors-by-country', company: 'contributors-by-company' } as const;

export interface HtmlExportOptions {
  /** Rows per table. */
  top: number;
  /** Labels per trend chart. */
  trendLabels: number;
  generatedAt: Date;
}

const asLike = (p: ReportPayload) => ({ ...p, coverage: p.coverage ?? null });

async function run(ctx: Context, name: string, opts: ReportOptions): Promise<ReportPayload> {
  return payload(await getReport(name).run(ctx, opts));
}

function tableSection(id: string, title: string, p: ReportPayload, top: number, titles?: Record<string, string>): string {
  const shown = keepTop({ ...p, coverage: p.coverage ?? undefined }, String(top)).rows;
  const dim = p.columns.find((c) => c !== 'period' && c !== 'rank') ?? '';
  return `<section id="${id}"><h2>${esc(title)}</h2>${coverageHtml(asLike(p))}${headerHtml(p.header)}
${tableHtml(p.columns, shown, { intervals: true, ...(titles ? { titles, titleColumn: dim } : {}) })}
${shown.length < p.rows.length ? `<p class="more">Top ${fmtNumber(top)} of ${fmtNumber(p.rows.length)} rows; <code>census export csv</code> gives them all.</p>` : ''}</section>`;
}

function mapSection(country: ReportPayload, titles: Record<string, string>): string {
  const unknown = country.rows.find((r) => r.country === UNKNOWN);
  const svg = renderSvg(mapOption(asLike(country), { metric: 'contributors', titles }), 960, 500);
  const note = unknown ? `<p class="note">${fmtNumber(unknown.contributors)} contributors (${fmtPct(Number(unknown.contributors_pct))}) have no known country and are not on the map.</p>` : '';
  return `<section id="map"><h2>Contributors by country</h2>${coverageHtml(asLike(country))}<div class="chart svg">${svg}</div>${note}</section>`;
}

export async function exportHtml(ctx: Context, opts: ReportOptions, o: HtmlExportOptions): Promise<string> {
  const all = { ...opts, by: 'all' as const };
  const trendBy = opts.by === 'all' ? 'year' : opts.by;
  const titles = countryTitles();
  const country = await run(ctx, SHARE_REPORTS.country, all);
  const company = await run(ctx, SHARE_REPORTS.company, all);
  const trends = await Promise.all([SHARE_REPORTS.country, SHARE_REPORTS.company].map(async (name, i) => {
    const p = await run(ctx, name, { ...opts, by: trendBy });
    const labels = topLabels(i === 0 ? country : company, o.trendLabels, 'contributors');
    const title = `Top ${i === 0 ? 'countries' : 'companies'}: share of contributors per ${trendBy}`;
    return `<div class="chart svg">${renderSvg(trendOption(asLike(p), { metric: 'contributors', labels, title, ...(i === 0 ? { titles } : {}) }), 960, 380)}</div>`;
  }));
  const others: string[] = [];
  for (const name of reportNames.filter((n) => n !== SHARE_REPORTS.country && n !== SHARE_REPORTS.company)) {
    others.push(tableSection(`report-${name}`, `${name}: ${getReport(name).summary}`, await run(ctx, name, opts), o.top));
  }
  const sigs = await sigView(ctx, opts);
  const sigSection = sigs.rows.some((r) => r.area !== NO_AREA) ? renderSigSection(sigs) : '';
  const c = await completeness(ctx);
  const css = readFileSync(join(WEB_DIR, 'style.css'), 'utf8');
  const scope = country.header.scope ?? '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>OSS Census: ${esc(scope)}</title><style>${css}</style></head>
<body class="export">
<header class="top"><h1>OSS Census</h1><p class="scope">${esc(scope)} · generated ${esc(o.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC from ${esc(basename(ctx.store.location))}</p></header>
<main>
${mapSection(country, titles)}
<section id="trends"><h2>Trends per ${esc(trendBy)}</h2><p class="note">Lines are shares of all contributors in scope; the dotted grey line is the coverage under them. Where the report carries them (the country model), the shaded band is the 95% interval and the dashed line of the same colour is what the declared location alone gives, as a share of the located people.</p>${trends.join('\n')}</section>
${tableSection('countries', 'Countries', country, o.top, titles)}
${tableSection('companies', 'Companies', company, o.top)}
${sigSection}
${others.length ? `<section id="reports"><h2>More reports</h2>${others.join('\n')}</section>` : ''}
</main>
<footer class="foot">${completenessHtml(c)}</footer>
</body></html>
`;
}
