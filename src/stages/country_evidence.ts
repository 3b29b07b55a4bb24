// Stage `country_evidence`: each person's country signals with where they came from: declared location, commit clocks, mail.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import type { CompanyMap } from '../attribution/companies.ts';
import { mailCountry } from '../attribution/mail-country.ts';
import { seasonOf, tzKey, type Season } from '../attribution/tz-structure.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

/** Committer addresses of commits GitHub made itself (web edits, squash and rebase merges). */
export const GITHUB_WEB_COMMITTERS = ['noreply@github.com'];

export const formatOffset = (minutes: number) =>
  `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
const seasonWords: Record<Season, string> = { summer: 'April to September', winter: 'November to February', shoulder: 'March and October' };
export const describeClock = (offset: number, season: Season) => `${formatOffset(offset)} in ${seasonWords[season]}`;

/** The month's season, as the model reads it (mid-month of a non-leap year). */
const monthSeason = (month: number) => seasonOf(Date.UTC(2001, month - 1, 15) / 1000);

export async function buildCountryEvidence(ctx: Context, companies: CompanyMap): Promise<number> {
  await ctx.store.truncate('country_evidence');
  const w = await ctx.store.writer('country_evidence');
  for (const r of await ctx.store.query(q('country_evidence.declared'))) {
    w.append([r.person_id, 'declared', r.country, 1, `${r.location_text} (${r.rule})`, `profile of ${r.login}`]);
  }
  const clocks = new Map<string, { commits: number; example: string }>();
  for (const r of await ctx.store.query(q('country_evidence.clock'), { web_committers: GITHUB_WEB_COMMITTERS })) {
    const key = `${r.person_id}\0${tzKey(Number(r.tz), monthSeason(Number(r.month)))}`;
    const e = clocks.get(key) ?? { commits: 0, example: String(r.example) };
    e.commits += Number(r.commits);
    clocks.set(key, e);
  }
  for (const [k, e] of clocks) {
    const [personId, key] = k.split('\0') as [string, string];
    const [offset, season] = key.split('|') as [string, Season];
    w.append([personId, 'clock', key, e.commits, describeClock(Number(offset), season), `commits such as ${e.example}`]);
  }
  const lookup = mailCountry(ctx.config.dataDir, companies);
  const seen = new Set<string>();
  for (const r of await ctx.store.query(q('country_evidence.mail'))) {
    const m = lookup(String(r.email));
    const key = `${r.person_id}\0${m?.country}`;
    if (!m || seen.has(key)) continue;
    seen.add(key);
    w.append([r.person_id, 'mail', m.country, 1, `${m.domain} (${m.rule})`, `alias ${r.alias_id}`]);
  }
  await w.close();
  return w.count;
}
