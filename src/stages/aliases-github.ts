// The login-only aliases of `aliases`: every GitHub account seen in events, with its bot verdict and opt-out flag.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import type { BotRules, BotVerdict } from '../identity/bots.ts';
import { isRedactedLogin } from '../ingest/gharchive.ts';
import { DELETED_USER } from '../activity/spec.ts';

export interface GithubAlias { login: string; contributions: number; bot: BotVerdict | null; optedOut: boolean }

/** The reviewed list (bots.yaml) decides first; an account it does not name may still be a suspect by behaviour. */
export async function githubAliases(ctx: Context, bots: BotRules): Promise<GithubAlias[]> {
  const q = (name: string) => sqlFile(import.meta.url, name);
  const suspects = new Map<string, BotVerdict>();
  for (const r of await ctx.store.query(q('aliases.suspects'))) {
    suspects.set(String(r.login).toLowerCase(), { kind: r.kind === 'ai-agent' ? 'ai-agent' : 'bot', rule: String(r.rule) });
  }
  const out: GithubAlias[] = [];
  for (const r of await ctx.store.query(q('aliases.logins'), { deleted: DELETED_USER })) {
    const login = String(r.login);
    out.push({
      login,
      contributions: Number(r.contributions),
      bot: bots.classify({ name: '', email: '', login }) ?? suspects.get(login.toLowerCase()) ?? null,
      optedOut: isRedactedLogin(login) || ctx.optout.matchesAny([login]),
    });
  }
  return out;
}
