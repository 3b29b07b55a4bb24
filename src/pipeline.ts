// The derived tables, rebuilt in this explicit order from the raw ones: aliases -> people -> attribution -> credits.
import type { Context } from './context.ts';
import { sqlFile } from './store/store.ts';
import { loadCompanyMap, type CompanyMap } from './attribution/companies.ts';
import { buildAliases } from './stages/aliases.ts';
import { buildPeople } from './stages/people.ts';
import { buildEmailCompanies } from './stages/email_companies.ts';
import { buildAffiliations } from './stages/affiliations.ts';
import { buildLocations } from './stages/locations.ts';
import { buildCountryEvidence } from './stages/country_evidence.ts';
import { buildCountryProbabilities } from './stages/country_probabilities.ts';
import { buildCountryVectors } from './stages/country_vectors.ts';
import { buildAreaDirs, buildAreaRoles, buildCommitAreas } from './stages/areas.ts';
import { buildCommitKinds } from './stages/commit_kinds.ts';
import { buildActivityBots } from './stages/activity_bots.ts';
import { buildContributionCredits } from './stages/contribution_credits.ts';

/** The employer label for a contribution no evidence attributes; shown as a row, never dropped. */
export const UNKNOWN = 'Unknown';

interface Stage {
  table: string;
  run(ctx: Context, companies: CompanyMap): Promise<string>;
}

const stages: Stage[] = [
  {
    // Before aliases: GitHub accounts whose behaviour looks automated are flagged on their aliases.
    table: 'activity_bots',
    run: async (ctx) => {
      const r = await buildActivityBots(ctx);
      return `${r.confirmed} listed bot accounts in GitHub activity, ${r.suspected} suspected from behaviour`;
    },
  },
  { table: 'aliases', run: async (ctx) => `${await buildAliases(ctx)} aliases` },
  {
    table: 'people',
    run: async (ctx) => {
      const r = await buildPeople(ctx);
      return `${r.people} people (${r.rejected} identity links rejected as ambiguous)`;
    },
  },
  {
    table: 'company_owners',
    run: async (ctx, c) => {
      await ctx.store.truncate('company_owners');
      const w = await ctx.store.writer('company_owners');
      for (const o of c.ownershipChanges()) w.append([o.company, o.owner, o.from]);
      await w.close();
      return `${w.count} changes of owner from data/companies`;
    },
  },
  { table: 'email_companies', run: async (ctx, c) => `${await buildEmailCompanies(ctx, c)} work e-mails with a company domain` },
  { table: 'affiliations', run: async (ctx, c) => `${await buildAffiliations(ctx, c)} dated affiliations` },
  {
    table: 'locations',
    run: async (ctx) => {
      const r = await buildLocations(ctx);
      const why = Object.entries(r.unresolved).map(([rule, n]) => `${n} ${rule}`).join(', ');
      return `${r.resolved} of ${r.people} profile locations resolved to a country${why ? ` (not resolved: ${why})` : ''}`;
    },
  },
  {
    table: 'credits',
    run: async (ctx) => {
      await ctx.store.truncate('credits');
      await ctx.store.run(sqlFile(import.meta.url, 'stages/credits'), { unknown: UNKNOWN });
      return 'credits rebuilt';
    },
  },
  { table: 'contribution_credits', run: buildContributionCredits },
  { table: 'country_evidence', run: async (ctx, c) => `${await buildCountryEvidence(ctx, c)} country signals` },
  { table: 'country_probabilities', run: async (ctx) => buildCountryProbabilities(ctx) },
  { table: 'country_vectors', run: buildCountryVectors },
  // The community lens (docs/areas.md): areas and kinds of work per credited commit, roles per login.
  { table: 'area_dirs', run: buildAreaDirs },
  { table: 'commit_areas', run: buildCommitAreas },
  { table: 'commit_kinds', run: buildCommitKinds },
  { table: 'area_roles', run: buildAreaRoles },
];

export interface StageResult { table: string; detail: string; ms: number }

/** Readers never see half-rebuilt tables, and a killed rebuild leaves the previous state (Store.rebuild). */
export async function rebuild(ctx: Context): Promise<StageResult[]> {
  const companies = loadCompanyMap(ctx.config.dataDir);
  const results: StageResult[] = [];
  await ctx.store.setMemoryLimit?.(ctx.config.rebuildMemoryLimit);
  try {
    await ctx.store.rebuild(async () => {
      for (const stage of stages) {
        const t0 = performance.now();
        let detail: string;
        try {
          detail = await stage.run(ctx, companies);
        } catch (err) {
          if (err instanceof Error) err.message = `stage ${stage.table}: ${err.message}`;
          throw err;
        }
        results.push({ table: stage.table, detail, ms: Math.round(performance.now() - t0) });
      }
    });
  } finally {
    // A failed rebuild must not leave the larger pool to whatever the session does next.
    await ctx.store.setMemoryLimit?.(ctx.config.memoryLimit);
  }
  return results;
}
