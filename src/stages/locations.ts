// Stage `locations`: each person's declared profile location geocoded offline; disagreeing profiles give no country.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { geocode } from '../attribution/geocode.ts';

export async function buildLocations(ctx: Context): Promise<{ people: number; resolved: number; unresolved: Record<string, number> }> {
  const byPerson = new Map<string, { login: string; text: string; country: string | null; rule: string; matched: string | null }[]>();
  for (const r of await ctx.store.query(sqlFile(import.meta.url, 'locations'))) {
    const g = geocode(String(r.location));
    const list = byPerson.get(String(r.person_id)) ?? [];
    list.push({ login: String(r.login), text: String(r.location), ...g });
    byPerson.set(String(r.person_id), list);
  }
  await ctx.store.truncate('locations');
  const w = await ctx.store.writer('locations');
  let resolved = 0;
  // Why the others did not resolve (empty, stop word, ambiguous, invalid: hostile or absurd text), counted.
  const unresolved: Record<string, number> = {};
  for (const [personId, list] of byPerson) {
    const countries = new Set(list.map((l) => l.country).filter((c): c is string => c !== null));
    const first = list.find((l) => l.country !== null) ?? list[0]!;
    if (countries.size > 1) {
      unresolved.conflict = (unresolved.conflict ?? 0) + 1;
      w.append([personId, null, 'conflict', [...countries].join('/'), first.text, first.login]);
      continue;
    }
    if (first.country) resolved++;
    else unresolved[first.rule] = (unresolved[first.rule] ?? 0) + 1;
    w.append([personId, first.country, first.rule, first.matched, first.text, first.login]);
  }
  await w.close();
  return { people: byPerson.size, resolved, unresolved };
}
