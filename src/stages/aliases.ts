// Stage `aliases`: each (name, e-mail) seen, with its login from a noreply address, bot verdict and opt-out flag.
import { createHash } from 'node:crypto';
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { loginFromNoreply } from '../identity/people.ts';
import { loadBotRules } from '../identity/bots.ts';
import { isRedactedEmail } from '../ingest/commits.ts';
import { githubAliases } from './aliases-github.ts';

export const aliasId = (name: string, email: string) =>
  `a${createHash('sha1').update(`${name}\0${email}`).digest('hex').slice(0, 12)}`;

export async function buildAliases(ctx: Context): Promise<number> {
  const bots = loadBotRules(ctx.config.dataDir);
  const rows = await ctx.store.query(sqlFile(import.meta.url, 'aliases.collect'));
  await ctx.store.truncate('aliases');
  const w = await ctx.store.writer('aliases');
  for (const r of rows) {
    const name = String(r.name);
    const email = String(r.email);
    const login = loginFromNoreply(email);
    const bot = bots.classify({ name, email, login });
    const optedOut = isRedactedEmail(email) || ctx.optout.matchesAny([name, email, login]);
    w.append([aliasId(name, email), name, email, login, r.contributions, bot?.kind ?? null, bot?.rule ?? null, optedOut, 'git']);
  }
  // Accounts seen in GitHub activity: login-only aliases that join people through their login node.
  const github = await githubAliases(ctx, bots);
  for (const a of github) w.append([aliasId('\u0000github', a.login), '', '', a.login, a.contributions, a.bot?.kind ?? null, a.bot?.rule ?? null, a.optedOut, 'github']);
  await w.close();
  return rows.length + github.length;
}
