// `census explain <login|email|person-id>`: one person's country evidence and probabilities, in plain words.
// Opted-out people are never explained: they are reported exactly as someone unknown is.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { isServerLocation } from '../config.ts';
import { hashEmail } from './people.ts';
import { scores, MODEL, type CountryModel, type PersonEvidence } from '../attribution/country-model.ts';
import { parseTzKey, type Season } from '../attribution/tz-structure.ts';
import { loadEvidence, storedModel } from '../stages/country_probabilities.ts';
import { loadCountryModel } from '../reports/country-estimates.ts';
import { describeClock, formatOffset } from '../stages/country_evidence.ts';
import { countryName } from '../attribution/country-names.ts';

const q = (name: string) => sqlFile(import.meta.url, name);
const name = countryName;
const pct = (p: number) => (p >= 0.995 ? '>99%' : p < 0.005 ? '<1%' : `${Math.round(100 * p)}%`);

export interface Explanation { personId: string; name: string; logins: string[]; probabilities: [string, number][]; text: string }

/** Cumulative posteriors for the leading countries: prior only, then each signal added in turn. */
function steps(model: CountryModel, e: PersonEvidence): { label: string; p: Float64Array }[] {
  const s = scores(model, e, true);
  const K = model.countries.length;
  const acc = new Float64Array(K);
  const out: { label: string; p: Float64Array }[] = [];
  const add = (label: string, part: Float64Array) => {
    for (let i = 0; i < K; i++) acc[i]! += part[i]!;
    const max = Math.max(...acc);
    const exp = acc.map((v) => Math.exp(v - max));
    const z = exp.reduce((a, b) => a + b, 0);
    out.push({ label, p: exp.map((v) => v / z) });
  };
  add('how common each country is among contributors here', s.prior);
  if (e.tz.size) add('commit clocks', s.tz);
  add(e.mail.length ? 'mail domains' : 'no country-specific mail domain', s.mail);
  if (e.declared) add('declared location', s.declared);
  return out;
}

function clockLines(e: PersonEvidence): string[] {
  const bySeason = new Map<Season, Map<number, number>>();
  for (const [key, n] of e.tz) {
    const { offset, season } = parseTzKey(key);
    const m = bySeason.get(season) ?? new Map<number, number>();
    m.set(offset, (m.get(offset) ?? 0) + n);
    bySeason.set(season, m);
  }
  const main = (s: Season) => [...(bySeason.get(s) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
  const lines = [...e.tz].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([key, n]) => {
    const { offset, season } = parseTzKey(key);
    return `    ${n} commit${n === 1 ? '' : 's'} at ${describeClock(offset, season)}${offset === 0 ? ' (weak: many machines run on UTC)' : ''}`;
  });
  const summer = main('summer');
  const winter = main('winter');
  if (summer !== undefined && winter !== undefined) {
    lines.push(summer === winter
      ? `    The clock stays at ${formatOffset(summer)} all year: no daylight-saving switch.`
      : `    The clock moves from ${formatOffset(winter)} in winter to ${formatOffset(summer)} in summer: a daylight-saving switch, which narrows the places.`);
  }
  return lines;
}

/**
 * The server explains person after person from one copy: everyone's evidence is read, and the model trained, once per
 * store; a database server (ClickHouse) can change under it, so there for a minute at most. The CLI explains one person.
 */
const BASIS_MS = 60_000;
interface Basis { evidence: Map<string, PersonEvidence>; model?: CountryModel }
const bases = new WeakMap<object, { at: number; basis: Promise<Basis> }>();

function basis(ctx: Context): Promise<Basis> {
  const hit = bases.get(ctx.store);
  if (hit && !(isServerLocation(ctx.config.db) && Date.now() - hit.at >= BASIS_MS)) return hit.basis;
  const basis = loadEvidence(ctx).then((evidence): Basis => ({ evidence }));
  bases.set(ctx.store, { at: Date.now(), basis });
  basis.catch(() => bases.delete(ctx.store));
  return basis;
}

export async function explain(ctx: Context, who: string, showEmails: boolean): Promise<Explanation> {
  const found = await ctx.store.query(q('explain-find'), { who: who.trim() });
  const person = found[0];
  // An opted-out person is indistinguishable from an unknown one: nothing about them is confirmed.
  if (!person || person.opted_out || ctx.optout.matches(who)) {
    throw new CensusError(`no one to explain for "${who}"`, { hint: 'give a login, an e-mail or a person id from `census people`', exitCode: ExitCode.notFound });
  }
  if (found.length > 1) throw new CensusError(`"${who}" matches ${found.length} people`, { hint: 'give a person id from `census people`', exitCode: ExitCode.usage });
  const id = String(person.person_id);
  const probs = (await ctx.store.query(q('explain-probabilities'), { person_id: id }))
    .map((r): [string, number] => [String(r.country), Number(r.p)]).sort((a, b) => b[1] - a[1]);
  const known = await basis(ctx);
  const e = known.evidence.get(id) ?? { personId: id, tz: new Map(), mail: [], declared: null };
  const rows = await ctx.store.query(q('explain-evidence'), { person_id: id });
  const lines: string[] = [];
  const logins = (person.logins as string[]) ?? [];
  lines.push(`${person.display_name} (person ${id}${logins.length ? `; GitHub ${logins.join(', ')}` : ''})`);
  if (person.bot_kind) lines.push(`Flagged as ${person.bot_kind === 'ai-agent' ? 'an AI agent' : 'a bot'} (${person.bot_rule}): left out of reports unless --include-bots.`);
  lines.push('');
  if (probs.length === 0) {
    lines.push('Country: unknown. Nothing we read points to a country: no declared location, no commit clock other than UTC, no country-specific mail domain.');
  } else {
    const [c, p] = probs[0]!;
    lines.push(`Most likely country: ${name(c)}, ${pct(p)}.${probs.length > 1 ? ` Others: ${probs.slice(1, 5).map(([x, v]) => `${name(x)} ${pct(v)}`).join(', ')}.` : ''}`);
  }
  lines.push('', 'What we looked at:');
  const declared = rows.filter((r) => r.kind === 'declared');
  lines.push(declared.length
    ? `  Declared location: "${String(declared[0]!.detail)}" in the ${declared[0]!.source}, read as ${name(String(declared[0]!.key))}. Declared locations are right about ${Math.round(100 * MODEL.DECLARED_ACCURACY)}% of the time (people move, profiles age).`
    : '  Declared location: none on file.');
  lines.push(e.tz.size ? '  Commit clocks (the UTC offset of each commit\'s author date; commits GitHub made itself are not counted, they carry the merger\'s clock):' : '  Commit clocks: none usable.');
  if (e.tz.size) lines.push(...clockLines(e));
  const mail = rows.filter((r) => r.kind === 'mail');
  lines.push(mail.length
    ? `  Mail: ${mail.map((r) => `${String(r.detail)} points to ${name(String(r.key))}`).join('; ')}.`
    : '  Mail: no country-specific domain (global providers such as gmail.com and company domains say nothing of a country).');
  lines.push('  Not used: the person\'s name. A name never decides a country.');
  if (probs.length > 0) {
    const model = known.model ??= storedModel(ctx, known.evidence, await loadCountryModel(ctx));
    const chain = steps(model, e);
    const leaders = probs.slice(0, 3).map(([c]) => model.countries.indexOf(c)).filter((i) => i >= 0);
    lines.push('', 'How the signals combine (the chance of each leading country after each step):');
    for (const step of chain) lines.push(`  ${step.label.padEnd(52)} ${leaders.map((i) => `${model.countries[i]} ${pct(step.p[i]!)}`).join('   ')}`);
  }
  const emails = ((person.emails as string[]) ?? []).map((x) => (showEmails ? x : hashEmail(x)));
  lines.push('', `E-mails: ${emails.join(', ') || 'none'}${showEmails ? '' : ' (hashed; --show-emails to see them)'}`);
  return { personId: id, name: String(person.display_name), logins, probabilities: probs, text: lines.join('\n') };
}
