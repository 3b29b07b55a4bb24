// Contributor segments, defined once (docs/segments.md): new, the CHAOSS onion (core/regular/casual), episodic, and roles.
import type { Context } from '../context.ts';
import { sqlFile, type Params } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { roles, type Role } from '../areas/model.ts';
import { scopeParams, type ReportOptions } from '../reports/options.ts';

/**
 * CHAOSS "Contributor Onion"-style tiers by share of contributions in the period: core are the fewest people who make up
 * 80% of contributions, regular the next 15%, casual the last 5%.
 */
export const CORE_SHARE = 0.8;
export const REGULAR_SHARE = 0.95;
/**
 * Episodic: a contribution in the period that came after at least this many days without one. 180 days is longer than a
 * Kubernetes release cycle (about 15 weeks), so an episodic contributor skipped at least one whole release and came back.
 */
export const EPISODIC_GAP_DAYS = 180;

export const onionTiers = ['core', 'regular', 'casual'] as const;
export type OnionTier = (typeof onionTiers)[number];
export const segmentNames = ['new', ...onionTiers, 'episodic', ...roles] as const;
export type Segment = (typeof segmentNames)[number];

/** One line per segment, for report headers and docs/segments.md. */
export const segmentDefinitions: Record<Segment, string> = {
  new: 'first contribution (to the repositories in scope) falls in the period',
  core: `the fewest people who together make up ${CORE_SHARE * 100}% of the period's contributions (most active first)`,
  regular: `the next people, up to ${REGULAR_SHARE * 100}% of contributions`,
  casual: `the rest: the last ${Math.round((1 - REGULAR_SHARE) * 100)}% of contributions`,
  episodic: `contributed in the period after a gap of at least ${EPISODIC_GAP_DAYS} days without a contribution`,
  chair: 'a chair in sigs.yaml (or an areas file)',
  'tech-lead': 'a tech lead in sigs.yaml (or an areas file)',
  'subproject-lead': 'a subproject lead in sigs.yaml (or an areas file)',
  approver: 'listed as an approver in an imported OWNERS file (aliases expanded)',
  reviewer: 'listed as a reviewer in an imported OWNERS file (aliases expanded)',
};

export interface PersonSegments {
  period: string;
  personId: string;
  optedOut: boolean;
  contributions: number;
  tier: OnionTier;
  segments: Segment[];
  firstContribution: string;
  latestInPeriod: string;
}

export function parseSegment(v: string | undefined): Segment | null {
  if (v === undefined) return null;
  if (!(segmentNames as readonly string[]).includes(v)) {
    throw new CensusError(`--segment must be one of ${segmentNames.join(', ')}, not "${v}"`, { exitCode: ExitCode.usage });
  }
  return v as Segment;
}

/** The segment parameters segments.sql binds besides the report scope. */
export const segmentRuleParams: Params = { core_share: CORE_SHARE, regular_share: REGULAR_SHARE, gap_days: EPISODIC_GAP_DAYS };

/** Every contributor in scope with their segments, per period of `opts.by`. */
export async function personSegments(ctx: Context, opts: ReportOptions): Promise<PersonSegments[]> {
  const rows = await ctx.store.query(sqlFile(import.meta.url, 'segments'), { ...scopeParams(ctx, opts), ...segmentRuleParams });
  return rows.map((r) => {
    const tier = String(r.tier) as OnionTier;
    const held = (r.roles as string[]).filter((x): x is Role => (roles as readonly string[]).includes(x));
    const segments: Segment[] = [...(r.is_new ? ['new' as const] : []), tier, ...(r.is_episodic ? ['episodic' as const] : []), ...held];
    return {
      period: String(r.period), personId: String(r.person_id), optedOut: Boolean(r.opted_out), contributions: Number(r.contributions),
      tier, segments, firstContribution: String(r.first_contribution), latestInPeriod: String(r.latest_in_period),
    };
  });
}

/** Key of a (period, person) pair in `segment_members`. */
export const memberKey = (period: string, personId: string) => `${period}|${personId}`;

/**
 * The filter every report applies: `segment_on` and the (period|person) pairs in the segment. A report's .sql keeps a
 * credit when `NOT $segment_on OR (period || '|' || person_id) IN (SELECT unnest($segment_members))`.
 */
export async function segmentFilterParams(ctx: Context, opts: ReportOptions): Promise<Params> {
  if (opts.segment === null) return { segment_on: false, segment_members: [] };
  // Opted-out people belong to no segment: they stay in the totals of reports without a filter only.
  const members = (await personSegments(ctx, opts)).filter((p) => !p.optedOut && p.segments.includes(opts.segment!)).map((p) => memberKey(p.period, p.personId));
  return { segment_on: true, segment_members: members };
}
