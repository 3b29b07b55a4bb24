// `census people`: one line per person with identity, bot flag, employer now and declared country; opted-out people never shown.
import { createHash } from 'node:crypto';
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { UNKNOWN } from '../pipeline.ts';
import { renderCsv, renderTable, type Format } from '../output.ts';

const q = (name: string) => sqlFile(import.meta.url, name);
/** How an e-mail is shown without `--show-emails`: every per-person output hashes it the same way. */
export const hashEmail = (e: string) => `sha256:${createHash('sha256').update(e.toLowerCase()).digest('hex').slice(0, 16)}`;

/** Everyone, or the one person `personId` names (the dashboard's person page). */
export async function listPeople(ctx: Context, opts: { showEmails: boolean; personId?: string }): Promise<{ people: Record<string, unknown>[]; hidden: number }> {
  const person_id = opts.personId ?? null;
  const rows = await ctx.store.query(q('people-list'), { include_bots: ctx.config.includeBots, unknown: UNKNOWN, person_id });
  const evidence = new Map<string, { kind: string; detail: string }[]>();
  for (const e of await ctx.store.query(q('people-evidence'), { person_id })) {
    const list = evidence.get(String(e.person_id)) ?? [];
    list.push({ kind: String(e.kind), detail: String(e.detail) });
    evidence.set(String(e.person_id), list);
  }
  let hidden = 0;
  const people: Record<string, unknown>[] = [];
  for (const r of rows) {
    if (r.opted_out) { hidden++; continue; }
    const emails = (r.emails as string[]).map((e) => (opts.showEmails ? e : hashEmail(e)));
    people.push({
      id: r.person_id, name: r.display_name, names: r.names, logins: r.logins, emails,
      bot: r.bot_kind ? { kind: r.bot_kind, rule: r.bot_rule } : null,
      company_now: r.company_now, company_source: r.company_source,
      country: r.country ?? null,
      country_evidence: r.location_text ? { source: 'declared profile location', login: r.location_login, text: r.location_text, rule: r.country_rule } : null,
      identity_evidence: (evidence.get(String(r.person_id)) ?? []).map((e) => (opts.showEmails ? e : { kind: e.kind, detail: e.detail.replace(/[^\s<>,;()]+@[^\s<>,;()]+/g, (m) => hashEmail(m)) })),
      contributions: r.contributions, last_contribution: r.last_contribution,
    });
  }
  return { people, hidden };
}

export function renderPeople(people: Record<string, unknown>[], format: Format): string {
  if (format === 'ndjson') return people.map((p) => JSON.stringify(p)).join('\n');
  if (format === 'json') return JSON.stringify(people, null, 2);
  const flat = people.map((p) => ({
    id: p.id, name: p.name, logins: p.logins, company_now: p.company_now, country: p.country ?? '',
    bot: (p.bot as { kind: string } | null)?.kind ?? '', contributions: p.contributions,
  }));
  const cols = ['id', 'name', 'logins', 'company_now', 'country', 'bot', 'contributions'];
  return format === 'csv' ? renderCsv(cols, flat) : renderTable(cols, flat);
}
