// What every report is asked with (repositories, window, period, denominator), parsed once at the edge.
import type { Context } from '../context.ts';
import type { Params } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { FOLDED_REGIONS } from '../config.ts';
import { UNKNOWN } from '../pipeline.ts';
import { loadSpec, specLabel } from '../activity/spec.ts';
import type { Segment } from '../segments/segments.ts';
import type { WorkKind } from '../areas/work-kinds.ts';

export const periods = ['all', 'year', 'quarter', 'month'] as const;
export type Period = (typeof periods)[number];

export interface ReportOptions {
  /** owner/name or a pattern with `*` (kubernetes/*); none means every repository. */
  repos: string[];
  since: string | null;
  until: string | null;
  by: Period;
  /** Shares of the attributed subset only (DevStats' way) instead of all contributors. */
  knownOnly: boolean;
  rollUpAcquisitions: boolean;
  /** Only contributors in this segment (docs/segments.md), and only commits with this kind of work (data/work-kinds.yaml). */
  segment: Segment | null;
  kind: WorkKind | null;
}

export const defaultReportOptions: ReportOptions = { repos: [], since: null, until: null, by: 'all', knownOnly: false, rollUpAcquisitions: false, segment: null, kind: null };

/** `kubernetes/*` -> a LIKE pattern with `%` and `_` taken literally. */
export function repoPattern(p: string): string {
  if (!/^[\w.*-]+\/[\w.*-]+$/.test(p)) {
    throw new CensusError(`--repo must be owner/name or a pattern such as kubernetes/*, not "${p}"`, { exitCode: ExitCode.usage });
  }
  return p.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}

export function parsePeriod(by: string | undefined): Period {
  const p = by ?? 'all';
  if (!(periods as readonly string[]).includes(p)) throw new CensusError(`--by must be year, quarter or month, not "${p}"`, { exitCode: ExitCode.usage });
  return p as Period;
}

export function parseDate(flag: string, v: string | undefined): string | null {
  if (v === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw new CensusError(`${flag} must be a date YYYY-MM-DD, not "${v}"`, { exitCode: ExitCode.usage });
  }
  return v;
}

/** The bound parameters every report .sql may use (a statement binds only those it names). */
export function scopeParams(ctx: Context, opts: ReportOptions): Params {
  return {
    since: opts.since, until: opts.until, repos: opts.repos.map(repoPattern), period: opts.by,
    include_bots: ctx.config.includeBots, strict_optout: ctx.config.strictOptOut, known_only: opts.knownOnly,
    roll_up: opts.rollUpAcquisitions, unknown: UNKNOWN, fold: FOLDED_REGIONS[ctx.config.regions], fold_into: 'CN',
    kind: opts.kind,
  };
}

/** The header lines every report shares: what a contribution is, the scope, bots and opt-out policy. */
export function scopeHeader(ctx: Context, opts: ReportOptions): Record<string, string> {
  return {
    contributions: 'commits authored or co-authored (Co-authored-by); each person credited once per commit',
    scope: `${opts.repos.length ? opts.repos.join(', ') : 'all repositories'}; ${opts.since ?? 'start'} .. ${opts.until ?? 'now'}`,
    ...(opts.segment ? { segment: `only ${opts.segment} contributors of each period (docs/segments.md)` } : {}),
    ...(opts.kind ? { kind: `only commits with ${opts.kind} work (data/work-kinds.yaml)` } : {}),
    // Which counting spec is in force (census spec); the contributions-by-* reports count by it.
    spec: specLabel(loadSpec(ctx.config.dataDir)),
    bots: ctx.config.includeBots ? 'included' : 'excluded',
    'opt-out': ctx.config.strictOptOut ? 'opted-out people dropped entirely' : 'opted-out people counted in totals only, attributed to nobody',
  };
}
