// Every report by name: the CLI, the API and the exports look reports up here and nowhere else.
import type { Context } from '../context.ts';
import type { Row } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import type { ReportOptions } from './options.ts';
import { shareReport } from './shares.ts';

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
}

const reports: ReportDef[] = [
  shareReport({
    name: 'contributors-by-country',
    summary: 'contributors and contributions by country, with coverage',
    dimension: 'country',
    method: () => 'declared profile location, geocoded offline',
    extraHeader: (ctx) => ({ regions: ctx.config.regions === 'apart' ? 'HK, MO, TW reported apart' : 'HK, MO, TW folded into CN' }),
  }),
  shareReport({
    name: 'contributors-by-company',
    summary: 'contributors and contributions by employer at the commit date, with coverage',
    dimension: 'company',
    method: (_ctx, opts) => `gitdm affiliation at the commit date, else a reviewed work-mail domain; personal mail never implies one${
      opts.rollUpAcquisitions ? '; acquired companies under their owner at that date' : ''}`,
  }),
];

export const reportNames = reports.map((r) => r.name);

export function getReport(name: string): ReportDef {
  const def = reports.find((r) => r.name === name);
  if (!def) throw new CensusError(`unknown report "${name}"`, { hint: `reports: ${reportNames.join(', ')}`, exitCode: ExitCode.usage });
  return def;
}
