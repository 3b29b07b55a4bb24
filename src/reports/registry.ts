// Every report by name: the CLI, the API and the exports look reports up here and nowhere else.
import type { Context } from '../context.ts';
import type { Row } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import type { ReportOptions } from './options.ts';
import { shareReport } from './shares.ts';
import { contributorsByCountry } from './country-estimates.ts';
import { contributionsByCompany } from './contributions.ts';
import { contributionsByCountry } from './contributions-by-country.ts';
import { busFactor, contributorsBySig, elephantFactor } from './sigs.ts';
import { contributorsByKind, newContributors, segmentsReport } from './segment-reports.ts';

export interface Coverage { period: string; contributors: number; knownContributors: number; contributions: number; knownContributions: number }
export interface ReportResult {
  name: string;
  header: Record<string, string>;
  columns: string[];
  rows: Row[];
  coverage?: Coverage[];
}
export interface ReportDef {
  name: string;
  summary: string;
  run(ctx: Context, opts: ReportOptions): Promise<ReportResult>;
  /** The --segment / --kind filters this report applies; a report without them refuses the flags rather than ignore them. */
  filters?: readonly ('segment' | 'kind')[];
}

const reports: ReportDef[] = [
  contributorsByCountry,
  shareReport({
    name: 'contributors-by-company',
    summary: 'contributors and contributions by employer at the commit date, with coverage',
    dimension: 'company',
    method: (_ctx, opts) => `gitdm affiliation at the commit date, else a reviewed work-mail domain; personal mail never implies one${
      opts.rollUpAcquisitions ? '; acquired companies under their owner at that date' : ''}`,
  }),
  // The community lens (issue 6): SIGs, segments, kinds of work.
  contributorsBySig, newContributors, segmentsReport, busFactor, elephantFactor, contributorsByKind,
  // GitHub activity (issue 4): every kind of contribution under the counting spec (data/contribution-spec.yaml).
  contributionsByCountry, contributionsByCompany,
];

export const reportNames = reports.map((r) => r.name);

export function getReport(name: string): ReportDef {
  const def = reports.find((r) => r.name === name);
  if (!def) throw new CensusError(`unknown report "${name}"`, { hint: `reports: ${reportNames.join(', ')}`, exitCode: ExitCode.usage });
  return def;
}
