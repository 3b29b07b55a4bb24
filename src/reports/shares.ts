// Share reports (contributors and contributions per label, with coverage and rank): country and company use this.
import type { Context } from '../context.ts';
import { sqlFile, type Row } from '../store/store.ts';
import { UNKNOWN } from '../pipeline.ts';
import { scopeHeader, scopeParams, type ReportOptions } from './options.ts';
import type { Coverage, ReportDef, ReportResult } from './registry.ts';

const pct = (a: number, b: number) => (b === 0 ? '0.0%' : `${((100 * a) / b).toFixed(1)}%`);
const n = (x: number) => x.toLocaleString('en-US');

export function coverageOf(rows: Row[]): Coverage[] {
  const out = new Map<string, Coverage>();
  for (const r of rows) {
    if (out.has(String(r.period))) continue;
    out.set(String(r.period), {
      period: String(r.period),
      contributors: Number(r.all_contributors), knownContributors: Number(r.known_contributors),
      contributions: Number(r.all_contributions), knownContributions: Number(r.known_contributions),
    });
  }
  return [...out.values()];
}

export function coverageHeader(dim: string, coverage: Coverage[]): Record<string, string> {
  const header: Record<string, string> = {};
  for (const c of coverage) {
    header[`coverage${c.period === 'all' ? '' : ` ${c.period}`}`] =
      `${dim} known for ${n(c.knownContributors)} of ${n(c.contributors)} contributors (${pct(c.knownContributors, c.contributors)}) ` +
      `and ${n(c.knownContributions)} of ${n(c.contributions)} contributions (${pct(c.knownContributions, c.contributions)})`;
  }
  return header;
}

export interface ShareReportSpec {
  name: string;
  summary: string;
  dimension: string;
  /** How the label is decided, for the header. */
  method(ctx: Context, opts: ReportOptions): string;
  extraHeader?(ctx: Context, opts: ReportOptions): Record<string, string>;
}

export function shareReport(spec: ShareReportSpec): ReportDef {
  return {
    name: spec.name,
    summary: spec.summary,
    async run(ctx, opts): Promise<ReportResult> {
      const rows = await ctx.store.query(sqlFile(import.meta.url, spec.name), scopeParams(ctx, opts));
      const coverage = coverageOf(rows);
      const header: Record<string, string> = {
        report: spec.name,
        ...scopeHeader(ctx, opts),
        [spec.dimension]: spec.method(ctx, opts),
        denominator: opts.knownOnly
          ? `only contributors with a known ${spec.dimension} (--known-only; shares of the attributed subset, as DevStats publishes)`
          : `all contributors in scope; "${UNKNOWN}" is a row`,
        ...(spec.extraHeader?.(ctx, opts) ?? {}),
        ...coverageHeader(spec.dimension, coverage),
      };
      const columns = [...(opts.by === 'all' ? [] : ['period']), 'rank', spec.dimension, 'contributors', 'contributors_pct', 'contributions', 'contributions_pct'];
      return { name: spec.name, header, columns, rows, coverage };
    },
  };
}
