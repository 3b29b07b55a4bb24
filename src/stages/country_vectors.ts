// Stage `country_vectors`: per person with country evidence, which kinds they have and their country distribution as
// one value, people with the same distribution sharing its id. A country report then reads a few thousand
// distributions and one integer per person, not every (person, country) row (173k rows on the real data: 0.7 s).
import type { Context } from '../context.ts';
import { sqlFile, type Row } from '../store/store.ts';

/** The kinds of country evidence (country_evidence.kind) as bits of `country_vectors.evidence`. */
export const EVIDENCE_BITS = { declared: 1, clock: 2, mail: 4 } as const;

/** A distribution as stored: `[[country, p], ...]` in country order. JSON keeps each double exactly (shortest round trip). */
export const parseDistribution = (text: string): Map<string, number> => new Map(JSON.parse(text) as [string, number][]);

function evidenceBits(kinds: readonly unknown[]): number {
  let bits = 0;
  for (const k of kinds) bits |= EVIDENCE_BITS[String(k) as keyof typeof EVIDENCE_BITS] ?? 0;
  return bits;
}

/** Each person's probabilities in country order, from rows ordered by person then country. */
function distributions(rows: Row[]): Map<string, [string, number][]> {
  const out = new Map<string, [string, number][]>();
  for (const r of rows) {
    const id = String(r.person_id);
    const d = out.get(id);
    if (d) d.push([String(r.country), Number(r.p)]);
    else out.set(id, [[String(r.country), Number(r.p)]]);
  }
  return out;
}

export async function buildCountryVectors(ctx: Context): Promise<string> {
  const q = (name: string) => sqlFile(import.meta.url, name);
  const kinds = new Map((await ctx.store.query(q('country_vectors.kinds'))).map((r) => [String(r.person_id), evidenceBits(r.kinds as unknown[])]));
  const byPerson = distributions(await ctx.store.query(q('country_vectors.probabilities')));
  const ids = new Map<string, number>();
  await ctx.store.truncate('country_vectors');
  const w = await ctx.store.writer('country_vectors');
  for (const id of [...new Set([...kinds.keys(), ...byPerson.keys()])].sort()) {
    const d = byPerson.get(id);
    const text = d ? JSON.stringify(d) : null;
    let vector = text === null ? null : ids.get(text);
    if (text !== null && vector === undefined) ids.set(text, (vector = ids.size + 1));
    w.append([id, kinds.get(id) ?? 0, vector ?? null, text]);
  }
  await w.close();
  return `${byPerson.size} people's country probabilities as ${ids.size} distinct distributions`;
}
