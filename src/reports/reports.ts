// Reports by name: the .sql file of the same name, its parameters, and the header every report prints.
import type { Context } from '../context.ts';
import { sqlFile, type Row } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { FOLDED_REGIONS } from '../config.ts';
import { UNKNOWN } from '../pipeline.ts';

export const reportNames = ['contributors-by-country', 'contributors-by-company'] as const;
export type ReportName = (typeof reportNames)[number];
export const periods = ['all', 'year', 'quarter'] as const;
export type Period = (typeof periods)[number];

const dimension: Record<ReportName, 'country' | 'company'> = {
  'contributors-by-country': 'country',
  'contributors-by-company': 'company',
};

export interface ReportOptions {
  /** owner/name or a pattern with `*` (kubernetes/*); none means every repository. */
  repos: string[];
  since: string | null;
  until: string | null;
  by: Period;
  knownOnly: boolean;
  rollUpAcquisitions: boolean;
}

export interface Coverage { period: string; contributors: number; knownContributors: number; contributions: number; knownContributions: number }
export interface ReportResult {
  name: ReportName;
  header: Record<string, string>;
  columns: string[];
  rows: Row[];
  coverage: Coverage[];
}

export function parseReportName(name: string): ReportName {
  if (!(reportNames as readonly string[]).includes(name)) {
    throw new CensusError(`unknown report "${name}"`, { hint: `reports: ${reportNames.join(', ')}`, exitCode: ExitCode.usage });
  }
  return name as ReportName;
}

/** `kubernetes/*` -> a LIKE pattern with `%` and `_` taken literally. */
export function repoPattern(p: string): string {
  if (!/^[\w.*-]+\/[\w.*-]+$/.test(p)) {
    throw new CensusError(`--repo must be owner/name or a pattern such as kubernetes/*, not "${p}"`, { exitCode: ExitCode.usage });
  }
  return p.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}

export function parsePeriod(by: string | undefined): Period {
  const p = by ?? 'all';
  if (!(periods as readonly string[]).includes(p)) throw new CensusError(`--by must be year or quarter, not "${p}"`, { exitCode: ExitCode.usage });
  return p as Period;
}

export function parseDate(flag: string, v: string | undefined): string | null {
  if (v === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw new CensusError(`${flag} must be a date YYYY-MM-DD, not "${v}"`, { exitCode: ExitCode.usage });
  }
  return v;
}

const pct = (a: number, b: number) => (b === 0 ? '0.0%' : `${((100 * a) / b).toFixed(1)}%`);

export async function runReport(ctx: Context, name: ReportName, opts: ReportOptions): Promise<ReportResult> {
  const { config } = ctx;
  const rows = await ctx.store.query(sqlFile(import.meta.url, name), {
    since: opts.since, until: opts.until, repos: opts.repos.map(repoPattern), period: opts.by, roll_up: opts.rollUpAcquisitions,
    include_bots: config.includeBots, strict_optout: config.strictOptOut, known_only: opts.knownOnly,
    unknown: UNKNOWN, fold: FOLDED_REGIONS[config.regions], fold_into: 'CN',
  });
  const coverage = new Map<string, Coverage>();
  for (const r of rows) {
    if (coverage.has(String(r.period))) continue;
    coverage.set(String(r.period), {
      period: String(r.period),
      contributors: Number(r.all_contributors), knownContributors: Number(r.known_contributors),
      contributions: Number(r.all_contributions), knownContributions: Number(r.known_contributions),
    });
  }
  const dim = dimension[name];
  const header: Record<string, string> = {
    report: name,
    contributions: 'commits authored or co-authored (Co-authored-by); each person credited once per commit',
    scope: `${opts.repos.length ? opts.repos.join(', ') : 'all repositories'}; ${opts.since ?? 'start'} .. ${opts.until ?? 'now'}`,
    [dim]: dim === 'country'
      ? 'declared profile location, geocoded offline'
      : `gitdm affiliation at the commit date, else a reviewed work-mail domain; personal mail never implies one${opts.rollUpAcquisitions ? '; acquired companies under their owner at that date' : ''}`,
    denominator: opts.knownOnly
      ? `only contributors with a known ${dim} (--known-only; shares of the attributed subset, as DevStats publishes)`
      : `all contributors in scope; "${UNKNOWN}" is a row`,
    bots: config.includeBots ? 'included' : 'excluded',
    'opt-out': config.strictOptOut ? 'opted-out people dropped entirely' : 'opted-out people counted in totals only, attributed to nobody',
    ...(dim === 'country' ? { regions: config.regions === 'apart' ? 'HK, MO, TW reported apart' : 'HK, MO, TW folded into CN' } : {}),
  };
  for (const c of coverage.values()) {
    header[`coverage${c.period === 'all' ? '' : ` ${c.period}`}`] =
      `${dim} known for ${c.knownContributors.toLocaleString('en-US')} of ${c.contributors.toLocaleString('en-US')} contributors (${pct(c.knownContributors, c.contributors)}) ` +
      `and ${c.knownContributions.toLocaleString('en-US')} of ${c.contributions.toLocaleString('en-US')} contributions (${pct(c.knownContributions, c.contributions)})`;
  }
  const columns = [...(opts.by === 'all' ? [] : ['period']), 'rank', dim, 'contributors', 'contributors_pct', 'contributions', 'contributions_pct'];
  return { name, header, columns, rows, coverage: [...coverage.values()] };
}
