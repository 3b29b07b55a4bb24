// Stage `affiliations`: who employed each person and when, from gitdm lines joined through the person's logins.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { gitdmCompanyKind } from '../ingest/gitdm.ts';
import type { CompanyMap } from '../attribution/companies.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export async function personByLogin(ctx: Context): Promise<Map<string, string>> {
  const rows = await ctx.store.query(q('person_logins'));
  return new Map(rows.map((r) => [String(r.login), String(r.person_id)]));
}

export async function buildAffiliations(ctx: Context, companies: CompanyMap): Promise<number> {
  const byLogin = await personByLogin(ctx);
  await ctx.store.truncate('affiliations');
  const w = await ctx.store.writer('affiliations');
  for (const r of await ctx.store.query(q('affiliations.gitdm'))) {
    const personId = byLogin.get(String(r.login));
    const kind = gitdmCompanyKind(String(r.company));
    if (!personId || kind === 'unknown' || kind === 'robot') continue;
    w.append([personId, companies.canonical(String(r.company)), r.from_date ?? null, r.until_date ?? null, 'gitdm', `${r.source}:${r.line}`]);
  }
  await w.close();
  return w.count;
}
