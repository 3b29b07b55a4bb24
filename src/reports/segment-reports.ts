// Reports by contributor segment and kind of work: segments, new-contributors, contributors-by-kind (docs/segments.md).
import type { Context } from '../context.ts';
import type { Row } from '../store/store.ts';
import { memberKey, personSegments, segmentDefinitions, segmentNames, type PersonSegments } from '../segments/segments.ts';
import { loadWorkKinds } from '../areas/work-kinds.ts';
import { scopeHeader, type ReportOptions } from './options.ts';
import { lensReport, n, pct, periodCol } from './lens.ts';
import type { ReportDef, ReportResult } from './registry.ts';

/** Segment rows per period; opted-out people are in the totals only, in no segment row. */
export function segmentRows(people: PersonSegments[]): Row[] {
  const periods = new Map<string, PersonSegments[]>();
  for (const p of people) {
    const list = periods.get(p.period);
    if (list) list.push(p);
    else periods.set(p.period, [p]);
  }
  const rows: Row[] = [];
  for (const [period, list] of periods) {
    const allContributions = list.reduce((s, p) => s + p.contributions, 0);
    for (const segment of segmentNames) {
      const members = list.filter((p) => !p.optedOut && p.segments.includes(segment));
      const contributions = members.reduce((s, p) => s + p.contributions, 0);
      rows.push({
        period, segment, contributors: members.length, contributors_pct: pct(members.length, list.length),
        contributions, contributions_pct: pct(contributions, allContributions), all_contributors: list.length, all_contributions: allContributions,
      });
    }
  }
  return rows;
}

export const segmentsReport: ReportDef = {
  name: 'segments',
  summary: 'contributors and contributions per segment: new, core / regular / casual (CHAOSS onion), episodic, roles',
  filters: ['segment', 'kind'],
  async run(ctx, opts): Promise<ReportResult> {
    const rows = segmentRows((await personSegments(ctx, opts)).filter((p) => opts.segment === null || p.segments.includes(opts.segment)));
    const totals: Record<string, string> = {};
    for (const r of rows.filter((x) => x.segment === 'new')) {
      totals[`contributors${r.period === 'all' ? '' : ` ${r.period}`}`] = `${n(r.all_contributors)} contributors, ${n(r.all_contributions)} contributions`;
    }
    return {
      name: 'segments',
      header: {
        report: 'segments', ...scopeHeader(ctx, opts),
        ...Object.fromEntries(segmentNames.map((s) => [`segment ${s}`, segmentDefinitions[s]])),
        overlap: 'core, regular and casual split the contributors; new, episodic and the roles overlap them',
        ...totals,
      },
      columns: [...periodCol(opts), 'segment', 'contributors', 'contributors_pct', 'contributions', 'contributions_pct'],
      rows,
    };
  },
};

/** The `new` segment's (period, person) pairs, for new-contributors.sql. */
async function newcomers(ctx: Context, opts: ReportOptions) {
  return { new_members: (await personSegments(ctx, opts)).filter((p) => p.segments.includes('new')).map((p) => memberKey(p.period, p.personId)) };
}

function newHeader(opts: ReportOptions, rows: Row[]): Record<string, string> {
  const header: Record<string, string> = {
    new: segmentDefinitions.new,
    company: 'employer at their first contribution of the period', country: 'declared profile location only (the country model will replace it)',
    denominator: opts.knownOnly ? 'new contributors with a known company / country (--known-only)' : 'all new contributors of the period; "Unknown" is a row',
  };
  for (const r of rows) {
    const suffix = r.period === 'all' ? '' : ` ${r.period}`;
    header[`new${suffix}`] = `${n(r.all_new)} new of ${n(r.all_contributors)} contributors (${pct(Number(r.all_new), Number(r.all_contributors))}%)`;
    header[`coverage ${r.dimension}${suffix}`] = `known for ${n(r.known_new)} of ${n(r.all_new)} new contributors (${pct(Number(r.known_new), Number(r.all_new))}%)`;
  }
  return header;
}

export const newContributors = lensReport({
  name: 'new-contributors',
  summary: 'new contributors per period (first contribution in it), by company and by declared country, with coverage',
  params: newcomers,
  header: (_ctx, opts, rows) => newHeader(opts, rows),
  columns: ['dimension', 'rank', 'label', 'new_contributors', 'new_contributors_pct', 'contributions'],
});

export const contributorsByKind = lensReport({
  name: 'contributors-by-kind',
  summary: 'contributors and contributions per kind of work: code, docs, tests, build, community',
  header: (ctx) => ({
    kinds: 'per changed file, the first matching rule of data/work-kinds.yaml, else code; a commit counts once for each kind among its files',
    ...Object.fromEntries(loadWorkKinds(ctx.config.dataDir).map((k) => [`kind ${k.kind}`, k.why])),
  }),
  columns: ['rank', 'kind', 'contributors', 'contributors_pct', 'contributions', 'contributions_pct', 'files'],
});
