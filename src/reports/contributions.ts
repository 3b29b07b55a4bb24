// contributions-by-company: every kind of contribution the counting spec names, with coverage (the country one is contributions-by-country.ts).
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { UNKNOWN } from '../pipeline.ts';
import { loadSpec, specKinds, specLabel } from '../activity/spec.ts';
import { scopeHeader, scopeParams, type ReportOptions } from './options.ts';
import { coverageHeader, coverageOf } from './shares.ts';
import { completenessHeader, hoursRead } from './gharchive-hours.ts';
import type { ReportDef, ReportResult } from './registry.ts';

type Dimension = 'country' | 'company';

interface Spec {
  name: string;
  summary: string;
  dimension: Dimension;
  method(ctx: Context, opts: ReportOptions): string;
  extraHeader?(ctx: Context): Record<string, string>;
}

function contributionsReport(s: Spec): ReportDef {
  return {
    name: s.name,
    summary: s.summary,
    async run(ctx, opts): Promise<ReportResult> {
      if (opts.segment || opts.kind) {
        throw new CensusError(`${s.name} does not take --segment or --kind (kinds of work apply to commits only)`, { exitCode: ExitCode.usage });
      }
      const spec = loadSpec(ctx.config.dataDir);
      const rows = await ctx.store.query(sqlFile(import.meta.url, 'contributions'), { ...scopeParams(ctx, opts), dimension: s.dimension });
      const coverage = coverageOf(rows);
      const periods = [...new Set(rows.map((r) => String(r.period)))];
      const { header: completeness, byPeriod } = completenessHeader(await hoursRead(ctx), periods);
      if (opts.by !== 'all') for (const r of rows) r.vouched = byPeriod.get(String(r.period))?.vouched ?? false;
      const { contributions: _commitsOnly, ...scope } = scopeHeader(ctx, opts);
      const header: Record<string, string> = {
        report: s.name,
        contributions: `${spec.summary} (census spec); the kind columns count each contribution once per person credited`,
        ...scope,
        [s.dimension]: s.method(ctx, opts),
        denominator: opts.knownOnly
          ? `only contributors with a known ${s.dimension} (--known-only; shares of the attributed subset, as DevStats publishes)`
          : `all contributors in scope; "${UNKNOWN}" is a row; a deleted account ("ghost") adds contributions, not contributors`,
        ...(s.extraHeader?.(ctx) ?? {}),
        ...completeness,
        ...coverageHeader(s.dimension, coverage),
      };
      const columns = [
        ...(opts.by === 'all' ? [] : ['period']), 'rank', s.dimension, 'contributors', 'contributors_pct', 'contributions', 'contributions_pct',
        ...specKinds(spec), ...(opts.by === 'all' ? [] : ['vouched']),
      ];
      return { name: s.name, header, columns, rows: rows.map((r) => ({ ...r, [s.dimension]: r.label })), coverage };
    },
  };
}

export const contributionsByCompany = contributionsReport({
  name: 'contributions-by-company',
  summary: 'contributions of every kind (PRs, reviews, comments, issues, commits) by employer at their date, with coverage',
  dimension: 'company',
  method: (_ctx, opts) => 'gitdm affiliation at the date; else the work-mail domain of the commit, or of the person\'s latest work-mail commit ' +
    `within a year before; personal mail never implies one${opts.rollUpAcquisitions ? '; acquired companies under their owner at that date' : ''}`,
});
