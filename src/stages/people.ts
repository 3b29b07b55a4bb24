// Stage `people` (+ alias_people, identity_evidence): aliases joined into people on evidence only, never on a name.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { resolvePeople, type AliasRow, type IdentityLink } from '../identity/people.ts';
import { mailmapLinks, type MailmapEntry } from '../identity/mailmap.ts';
import { loadGenericEmails } from '../identity/generic-emails.ts';
import { ROBOT_MARKER } from '../ingest/gitdm.ts';

const q = (name: string) => sqlFile(import.meta.url, name);
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** gitdm's pseudo-company for automation accounts. */
export const GITDM_ROBOTS = '(Robots)';

async function links(ctx: Context): Promise<IdentityLink[]> {
  const out: IdentityLink[] = [];
  for (const r of await ctx.store.query(q('people.links'))) {
    out.push({ source: r.source as 'gitdm' | 'profile', login: String(r.login), email: String(r.email), ref: String(r.ref) });
  }
  const bySource = new Map<string, MailmapEntry[]>();
  for (const r of await ctx.store.query(q('people.mailmap'))) {
    const list = bySource.get(String(r.source)) ?? [];
    list.push({ properName: str(r.proper_name), properEmail: str(r.proper_email), commitName: str(r.commit_name), commitEmail: String(r.commit_email), line: Number(r.line) });
    bySource.set(String(r.source), list);
  }
  for (const [source, entries] of bySource) out.push(...mailmapLinks(entries, source));
  return out;
}

export async function buildPeople(ctx: Context): Promise<{ people: number; rejected: number }> {
  const aliasRows = await ctx.store.query(q('people.aliases'));
  const aliases: AliasRow[] = aliasRows.map((r) => ({
    aliasId: String(r.alias_id), name: String(r.name), email: String(r.email), login: str(r.login), contributions: Number(r.contributions),
  }));
  const byAlias = new Map(aliasRows.map((r) => [String(r.alias_id), r]));
  const robots = new Set((await ctx.store.query(q('people.robots'), { robots: ROBOT_MARKER })).map((r) => String(r.login)));
  const { people, personOf, rejected } = resolvePeople(aliases, await links(ctx), loadGenericEmails(ctx.config.dataDir));

  for (const t of ['people', 'alias_people', 'identity_evidence'] as const) await ctx.store.truncate(t);
  const wp = await ctx.store.writer('people');
  const wa = await ctx.store.writer('alias_people');
  const we = await ctx.store.writer('identity_evidence');
  for (const p of people) {
    let bot: { kind: string; rule: string } | null = null;
    let optedOut = ctx.optout.matchesAny(p.logins);
    for (const id of p.aliasIds) {
      const a = byAlias.get(id)!;
      if (!bot && a.bot_kind) bot = { kind: String(a.bot_kind), rule: String(a.bot_rule) };
      if (a.opted_out) optedOut = true;
    }
    const robotLogin = p.logins.find((l) => robots.has(l.toLowerCase()));
    if (!bot && robotLogin) bot = { kind: 'bot', rule: `gitdm ${GITDM_ROBOTS}: ${robotLogin}` };
    wp.append([p.personId, p.displayName, p.logins, p.emails, p.names, bot?.kind ?? null, bot?.rule ?? null, optedOut]);
    for (const e of new Set(p.evidence.map((e) => `${e.kind}\0${e.detail}`))) {
      const [kind, detail] = e.split('\0') as [string, string];
      we.append([p.personId, kind, detail]);
    }
  }
  for (const [aliasId, personId] of personOf) wa.append([aliasId, personId]);
  for (const w of [wp, wa, we]) await w.close();
  return { people: people.length, rejected: rejected.length };
}
