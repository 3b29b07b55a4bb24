// `census export html|csv|json`: every report (or those named) with the same options as `census report`, as one
// self-contained HTML page, or one CSV / JSON file per report in a folder (stdout without one).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { getReport, reportNames } from '../reports/registry.ts';
import { keepTop, renderReport, reportOptions, type ReportFlags } from './report.ts';
import { payload } from '../views/report-payload.ts';
import { exportHtml } from '../export/html.ts';

export interface ExportFlags extends ReportFlags { report?: string[]; top?: string }

/** Rows per table in the HTML page unless --top says otherwise. */
const HTML_TOP = 25;
const TREND_LABELS = 6;

function htmlTop(top: string | undefined): number {
  if (top === undefined) return HTML_TOP;
  keepTop({ name: '', header: {}, columns: [], rows: [] }, top); // the same check and message as `census report --top`
  return Number(top);
}

export async function exportReports(ctx: Context, kind: 'html' | 'csv' | 'json', target: string | undefined, o: ExportFlags, write: (s: string) => void): Promise<void> {
  const opts = reportOptions(o);
  if (kind === 'html') {
    if (!target) throw new CensusError('census export html needs a file name', { exitCode: ExitCode.usage });
    if (o.by === 'month') throw new CensusError('--by for the HTML page is year or quarter', { exitCode: ExitCode.usage });
    writeFileSync(target, await exportHtml(ctx, opts, { top: htmlTop(o.top), trendLabels: TREND_LABELS, generatedAt: new Date() }));
    ctx.log.info(`wrote ${target}`);
    return;
  }
  const names = o.report ?? reportNames;
  for (const n of names) getReport(n);
  const results = [];
  for (const name of names) results.push(keepTop(await getReport(name).run(ctx, opts), o.top));
  if (target) {
    mkdirSync(target, { recursive: true });
    for (const r of results) {
      writeFileSync(join(target, `${r.name}.${kind}`), kind === 'csv' ? `${renderReport(r, 'csv')}\n` : `${JSON.stringify(payload(r), null, 2)}\n`);
    }
    ctx.log.info(`wrote ${results.length} ${kind.toUpperCase()} file(s) to ${target}: ${results.map((r) => `${r.name}.${kind}`).join(', ')}`);
    return;
  }
  if (kind === 'json') return write(JSON.stringify(Object.fromEntries(results.map((r) => [r.name, payload(r)])), null, 2));
  // Several CSV tables on one stream: each after a `# report: name` line and a blank line between them.
  write(results.length === 1 ? renderReport(results[0]!, 'csv') : results.map((r) => `# report: ${r.name}\n${renderReport(r, 'csv')}`).join('\n\n'));
}
