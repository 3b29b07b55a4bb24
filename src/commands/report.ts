// `census report <name>`: a named report rendered with its header (scope, denominator, coverage) in the chosen format.
import { renderCsv, renderTable, pick, type Format } from '../output.ts';
import type { ReportDef, ReportResult } from '../reports/registry.ts';
import { parseDate, parsePeriod, type ReportOptions } from '../reports/options.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { parseSegment } from '../segments/segments.ts';
import { parseKind } from '../areas/work-kinds.ts';

export interface ReportFlags {
  repo?: string[]; since?: string; until?: string; by?: string; knownOnly?: boolean; rollUpAcquisitions?: boolean;
  segment?: string; kind?: string;
}

/** Flags -> options, checked before the database is opened. */
export function reportOptions(o: ReportFlags): ReportOptions {
  return {
    repos: o.repo ?? [], since: parseDate('--since', o.since), until: parseDate('--until', o.until),
    by: parsePeriod(o.by), knownOnly: Boolean(o.knownOnly), rollUpAcquisitions: Boolean(o.rollUpAcquisitions),
    segment: parseSegment(o.segment), kind: parseKind(o.kind),
  };
}

/** --segment and --kind only where the report applies them: silently ignoring a filter would mislabel the numbers. */
export function checkFilters(def: ReportDef, opts: ReportOptions): void {
  for (const f of ['segment', 'kind'] as const) {
    if (opts[f] !== null && !def.filters?.includes(f)) {
      throw new CensusError(`report ${def.name} does not take --${f}`, { hint: 'the SIG, segment and kind reports do (census report --list)', exitCode: ExitCode.usage });
    }
  }
}

/** --top N keeps the rows ranked N or better (in each period). */
export function keepTop(r: ReportResult, top: string | undefined): ReportResult {
  if (top === undefined) return r;
  const n = Number(top);
  if (!Number.isInteger(n) || n < 1) throw new CensusError(`--top must be a positive whole number, not "${top}"`, { exitCode: ExitCode.usage });
  return { ...r, rows: r.rows.filter((row) => row.rank === undefined || Number(row.rank) <= n) };
}

const coverageCols = (r: ReportResult, row: Record<string, unknown>) => {
  const c = r.coverage?.find((x) => x.period === String(row.period));
  return c ? {
    coverage_contributors_pct: Math.round((10000 * c.knownContributors) / Math.max(1, c.contributors)) / 100,
    coverage_contributions_pct: Math.round((10000 * c.knownContributions) / Math.max(1, c.contributions)) / 100,
  } : {};
};

export function renderReport(r: ReportResult, format: Format): string {
  if (format === 'json') {
    return JSON.stringify({ header: r.header, coverage: r.coverage, rows: r.rows.map((row) => pick(r.columns, row)) }, null, 2);
  }
  if (format === 'ndjson') return r.rows.map((row) => JSON.stringify({ ...pick(r.columns, row), ...coverageCols(r, row) })).join('\n');
  if (format === 'csv') {
    const cols = [...r.columns, ...(r.coverage ? ['coverage_contributors_pct', 'coverage_contributions_pct'] : [])];
    return renderCsv(cols, r.rows.map((row) => ({ ...row, ...coverageCols(r, row) })));
  }
  const width = Math.max(...Object.keys(r.header).map((k) => k.length));
  const head = Object.entries(r.header).map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${v}`);
  return `${head.join('\n')}\n\n${renderTable(r.columns, r.rows)}`;
}
