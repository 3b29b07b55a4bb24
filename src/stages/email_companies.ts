// Stage `email_companies`: the employer a work e-mail domain implies (never a personal mail domain).
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import type { CompanyMap } from '../attribution/companies.ts';

export async function buildEmailCompanies(ctx: Context, companies: CompanyMap): Promise<number> {
  await ctx.store.truncate('email_companies');
  const w = await ctx.store.writer('email_companies');
  for (const r of await ctx.store.query(sqlFile(import.meta.url, 'email_companies'))) {
    const company = companies.companyForEmail(String(r.email));
    if (company) w.append([r.email, company]);
  }
  await w.close();
  return w.count;
}
