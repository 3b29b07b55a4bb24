// One JSON shape for a report wherever it leaves the program: the HTTP API, `census export json`, the HTML export.
import { pick } from '../output.ts';
import type { ReportResult } from '../reports/registry.ts';
import type { Row } from '../store/store.ts';

export interface ReportPayload {
  name: string;
  header: Record<string, string>;
  columns: string[];
  coverage: ReportResult['coverage'] | null;
  rows: Row[];
}

export function payload(r: ReportResult): ReportPayload {
  return { name: r.name, header: r.header, columns: r.columns, coverage: r.coverage ?? null, rows: r.rows.map((row) => pick(r.columns, row)) };
}

/** The column that names what a row counts (country, company, sig, ...): the first text column that is not the period. */
export function labelColumn(r: Pick<ReportResult, 'columns' | 'rows'>): string | null {
  const first = r.rows[0];
  if (!first) return null;
  return r.columns.find((c) => c !== 'period' && typeof first[c] === 'string') ?? null;
}

/** Only the rows whose label is one of `labels` (all rows when none are given). */
export function keepLabels(r: ReportResult, labels: readonly string[]): ReportResult {
  const col = labelColumn(r);
  if (labels.length === 0 || col === null) return r;
  const wanted = new Set(labels);
  return { ...r, rows: r.rows.filter((row) => wanted.has(String(row[col]))) };
}
