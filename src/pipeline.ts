// The derived tables, rebuilt in this explicit order from the raw ones: aliases -> people -> attribution -> credits.
import type { Context } from './context.ts';
import { sqlFile } from './store/store.ts';
import { loadCompanyMap, type CompanyMap } from './attribution/companies.ts';
import { buildAliases } from './stages/aliases.ts';
import { buildPeople } from './stages/people.ts';
import { buildEmailCompanies } from './stages/email_companies.ts';
import { buildAffiliations } from './stages/affiliations.ts';
import { buildLocations } from './stages/locations.ts';

/** The employer label for a contribution no evidence attributes; shown as a row, never dropped. */
export const UNKNOWN = 'Unknown';

interface Stage {
  table: string;
  run(ctx: Context, companies: CompanyMap): Promise<string>;
}

const stages: Stage[] = [
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
      return `${r.resolved} of ${r.people} located profiles resolved to a country`;
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
];

export interface StageResult { table: string; detail: string; ms: number }

/** One transaction: a reader never sees half-rebuilt tables, and a killed rebuild leaves the previous state. */
export async function rebuild(ctx: Context): Promise<StageResult[]> {
  const companies = loadCompanyMap(ctx.config.dataDir);
  const results: StageResult[] = [];
  await ctx.store.transaction(async () => {
    for (const stage of stages) {
      const t0 = performance.now();
      const detail = await stage.run(ctx, companies);
      results.push({ table: stage.table, detail, ms: Math.round(performance.now() - t0) });
    }
  });
  return results;
}
