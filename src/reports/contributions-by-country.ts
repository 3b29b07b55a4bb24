// contributions-by-country under the country model: expected contributors and contributions of every kind per country,
// 95% intervals on the totals, and the profile-only figure beside them (src/reports/country-estimates.ts).
import type { Context } from '../context.ts';
import { sqlFile, type Row } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { FOLDED_REGIONS } from '../config.ts';
import { UNKNOWN } from '../pipeline.ts';
import { loadSpec, specKinds, specLabel } from '../activity/spec.ts';
import { scopeHeader, scopeParams, type ReportOptions } from './options.ts';
import { countryHeader, estimateByCountry, loadCountryInputs, personInScope, type PersonInScope } from './country-estimates.ts';
import { completenessHeader, hoursRead } from './gharchive-hours.ts';
import type { ReportDef, ReportResult } from './registry.ts';

const round1 = (x: number) => Math.round(x * 10) / 10;

export const contributionsByCountry: ReportDef = {
  name: 'contributions-by-country',
  summary: 'contributions of every kind by country under the country model, with 95% intervals beside the profile-only figure',
  async run(ctx: Context, opts: ReportOptions): Promise<ReportResult> {
    if (opts.segment || opts.kind) {
      throw new CensusError('contributions-by-country does not take --segment or --kind (kinds of work apply to commits only)', { exitCode: ExitCode.usage });
    }
    const spec = loadSpec(ctx.config.dataDir);
    const kinds = specKinds(spec);
    const byPerson = new Map<string, PersonInScope & { kinds: Map<string, number> }>();
    const ghosts = new Map<string, Map<string, number>>();
    for (const r of await ctx.store.query(sqlFile(import.meta.url, 'contributions.people'), scopeParams(ctx, opts))) {
      const period = String(r.period);
      if (r.person_id === null || r.person_id === undefined) {
        const g = ghosts.get(period) ?? new Map<string, number>();
        g.set(String(r.kind), (g.get(String(r.kind)) ?? 0) + Number(r.n));
        ghosts.set(period, g);
        continue;
      }
      const key = `${period}\0${r.person_id}`;
      const p = byPerson.get(key) ?? { ...personInScope(r, 0), kinds: new Map<string, number>() };
      p.contributions += Number(r.n);
      p.kinds.set(String(r.kind), (p.kinds.get(String(r.kind)) ?? 0) + Number(r.n));
      byPerson.set(key, p);
    }
    const people = [...byPerson.values()];
    const inputs = await loadCountryInputs(ctx);
    const fold = FOLDED_REGIONS[ctx.config.regions];
    const { rows, coverage, methods, distributions } = estimateByCountry(people, inputs, fold, opts.knownOnly);
    // Expected count of each kind per country: every person's kinds spread over their country probabilities.
    const kindSums = new Map<string, Map<string, Map<string, number>>>();
    people.forEach((p, i) => {
      let byCountry = kindSums.get(p.period);
      if (!byCountry) kindSums.set(p.period, (byCountry = new Map()));
      for (const [country, prob] of distributions[i]!) {
        let m = byCountry.get(country);
        if (!m) byCountry.set(country, (m = new Map()));
        for (const [kind, n] of p.kinds) m.set(kind, (m.get(kind) ?? 0) + prob * n);
      }
    });
    for (const r of rows) {
      const m = kindSums.get(String(r.period))?.get(String(r.country));
      for (const kind of kinds) r[kind] = round1(m?.get(kind) ?? 0);
      const ghost = r.country === UNKNOWN ? ghosts.get(String(r.period)) : undefined;
      if (ghost) {
        const extra = [...ghost.values()].reduce((a, b) => a + b, 0);
        for (const field of ['contributions', 'contributions_low', 'contributions_high'] as const) r[field] = Number(r[field]) + extra;
        for (const [kind, n] of ghost) r[kind] = Number(r[kind] ?? 0) + n;
      }
    }
    const periods = [...new Set(rows.map((r) => String(r.period)))];
    const { header: completeness, byPeriod } = completenessHeader(await hoursRead(ctx), periods);
    if (opts.by !== 'all') for (const r of rows) r.vouched = byPeriod.get(String(r.period))?.vouched ?? false;
    const { contributions: _commitsOnly, ...scope } = scopeHeader(ctx, opts);
    const header: Record<string, string> = {
      report: 'contributions-by-country',
      contributions: `${specLabel(spec)}: ${spec.summary}; the kind columns are expected counts under the country model; a deleted account ("ghost") adds contributions to Unknown, not contributors`,
      ...scope,
      ...countryHeader(ctx, opts, inputs, methods),
      ...completeness,
    };
    const columns = [...(opts.by === 'all' ? [] : ['period']), 'rank', 'country', 'contributors', 'contributors_low', 'contributors_high', 'contributors_pct',
      'contributions', 'contributions_low', 'contributions_high', 'contributions_pct', ...kinds, 'profile_contributors', 'profile_pct', ...(opts.by === 'all' ? [] : ['vouched'])];
    return { name: 'contributions-by-country', header, columns, rows: rows as Row[], coverage };
  },
};
