// Country reports under the model: expected contributors and contributions per country with 95% intervals, and beside
// them the profile-only figure (declared locations alone, as a DevStats-style geocoder publishes it).
import type { Context } from '../context.ts';
import { sqlFile, type Row } from '../store/store.ts';
import { FOLDED_REGIONS } from '../config.ts';
import { UNKNOWN } from '../pipeline.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { EVIDENCE_BITS, parseDistribution } from '../stages/country_vectors.ts';
import { estimateCounts, type Uncertain } from '../attribution/country-intervals.ts';
import { scopeHeader, scopeParams, type ReportOptions } from './options.ts';
import type { Coverage, ReportDef, ReportResult } from './registry.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

/** Countries expected to hold fewer contributors than this, with none declared, are counted together as OTHER. */
export const MIN_EXPECTED_FOR_ROW = 0.5;
export const OTHER = 'Other';
const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (a: number, b: number) => (b > 0 ? Math.round((10000 * a) / b) / 100 : 0);

/** One person in one period, as both country reports read them from SQL (no person id: the estimate needs none). */
export interface PersonInScope {
  period: string; contributions: number; declared: string | null; optedOut: boolean;
  /** country_vectors.vector_id: the person's distribution; null without country evidence. */
  vector: number | null;
  /** The kinds of evidence the person has, as EVIDENCE_BITS. */
  evidence: number;
}

export const personInScope = (r: Row, contributions: number): PersonInScope => ({
  period: String(r.period), contributions, optedOut: Boolean(r.opted_out),
  declared: r.declared === null || r.declared === undefined ? null : String(r.declared),
  vector: r.vector === null || r.vector === undefined ? null : Number(r.vector), evidence: Number(r.evidence ?? 0),
});

export interface CountryInputs {
  /** The model's distinct distributions by id, each in country order. */
  vectors: Map<number, Map<string, number>>;
  model: Record<string, string>;
}

export async function loadCountryModel(ctx: Context): Promise<Record<string, string>> {
  return Object.fromEntries((await ctx.store.query(q('country-model'))).map((r) => [String(r.name), String(r.value)]));
}

export async function loadCountryInputs(ctx: Context): Promise<CountryInputs> {
  const vectors = new Map((await ctx.store.query(q('country-vectors'))).map((r) => [Number(r.vector_id), parseDistribution(String(r.distribution))]));
  if (vectors.size === 0 && (await ctx.store.count('country_probabilities')) > 0) {
    throw new CensusError('this database has country probabilities but not their distributions (country_vectors): it was built by an older census', {
      hint: 'run `census rebuild` once', exitCode: ExitCode.badInput,
    });
  }
  return { vectors, model: await loadCountryModel(ctx) };
}

const UNKNOWN_ONLY: ReadonlyMap<string, number> = new Map([[UNKNOWN, 1]]);

/** Each person's distribution as a report counts it (folded regions merged into CN; opted-out and no-evidence people
 * Unknown), made once per distinct distribution and shared by the people who have it. */
function distributionOf(inputs: CountryInputs, fold: readonly string[]): (person: PersonInScope) => ReadonlyMap<string, number> {
  const made = new Map<number, ReadonlyMap<string, number>>();
  return (person) => {
    if (person.optedOut || person.vector === null) return UNKNOWN_ONLY;
    let out = made.get(person.vector);
    if (out) return out;
    const p = inputs.vectors.get(person.vector);
    if (!p) return UNKNOWN_ONLY;
    const folded = new Map<string, number>();
    for (const [c, v] of p) {
      const key = fold.includes(c) ? 'CN' : c;
      folded.set(key, (folded.get(key) ?? 0) + v);
    }
    made.set(person.vector, (out = folded));
    return out;
  };
}

export interface CountryEstimate {
  rows: Row[];
  coverage: Coverage[];
  methods: Map<string, Record<string, number>>;
  /** Each input person's country distribution as counted (small countries grouped as OTHER), in input order. */
  distributions: ReadonlyMap<string, number>[];
}

/** Rows per period and country: expected counts with 95% intervals, shares, and the profile-only figures. */
export function estimateByCountry(people: PersonInScope[], inputs: CountryInputs, fold: readonly string[], knownOnly: boolean): CountryEstimate {
  const byPeriod = new Map<string, number[]>();
  people.forEach((p, i) => { const l = byPeriod.get(p.period); if (l) l.push(i); else byPeriod.set(p.period, [i]); });
  const distributions: ReadonlyMap<string, number>[] = new Array(people.length);
  const rows: Row[] = [];
  const coverage: Coverage[] = [];
  const methods = new Map<string, Record<string, number>>();
  const distribution = distributionOf(inputs, fold);
  for (const [period, indexes] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    const list = indexes.map((i) => people[i]!);
    const dists = list.map(distribution);
    const expected = new Map<string, number>();
    for (const d of dists) for (const [c, v] of d) expected.set(c, (expected.get(c) ?? 0) + v);
    const declared = new Set(list.map((p) => p.declared).filter((c): c is string => c !== null).map((c) => (fold.includes(c) ? 'CN' : c)));
    const own = (c: string) => c === UNKNOWN || declared.has(c) || (expected.get(c) ?? 0) >= MIN_EXPECTED_FOR_ROW;
    // Countries too small for a row of their own count as OTHER: once per distinct distribution in the period.
    const groups = new Map<ReadonlyMap<string, number>, ReadonlyMap<string, number>>();
    const uncertain: Uncertain[] = dists.map((d, i) => {
      let grouped = groups.get(d);
      if (!grouped) {
        const g = new Map<string, number>();
        for (const [c, v] of d) g.set(own(c) ? c : OTHER, (g.get(own(c) ? c : OTHER) ?? 0) + v);
        groups.set(d, (grouped = g));
      }
      distributions[indexes[i]!] = grouped;
      return { p: grouped, weight: list[i]!.contributions };
    });
    const est = estimateCounts(uncertain);
    const profile = new Map<string, { people: number; contributions: number }>();
    for (const p of list) {
      const c = p.optedOut || !p.declared ? UNKNOWN : fold.includes(p.declared) ? 'CN' : p.declared;
      const e = profile.get(c) ?? { people: 0, contributions: 0 };
      e.people++;
      e.contributions += p.contributions;
      profile.set(c, e);
    }
    const total = { people: list.length, contributions: list.reduce((s, p) => s + p.contributions, 0) };
    const unknown = est.get(UNKNOWN) ?? { expected: 0, expectedWeight: 0 };
    const known = { people: total.people - unknown.expected, contributions: total.contributions - unknown.expectedWeight };
    const profileKnown = { people: total.people - (profile.get(UNKNOWN)?.people ?? 0), contributions: total.contributions - (profile.get(UNKNOWN)?.contributions ?? 0) };
    coverage.push({ period, contributors: total.people, knownContributors: Math.round(known.people), contributions: total.contributions, knownContributions: Math.round(known.contributions) });
    const has = (bit: number) => list.filter((p) => !p.optedOut && (p.evidence & bit) !== 0).length;
    methods.set(period, { declared: has(EVIDENCE_BITS.declared), clock: has(EVIDENCE_BITS.clock), mail: has(EVIDENCE_BITS.mail), any: Math.round(known.people), all: total.people });
    const denominator = knownOnly ? known : total;
    const countries = [...new Set([...est.keys(), ...profile.keys()])].filter((c) => !(knownOnly && c === UNKNOWN));
    const periodRows = countries.map((country) => {
      const e = est.get(country) ?? { expected: 0, low: 0, high: 0, expectedWeight: 0, lowWeight: 0, highWeight: 0 };
      const pr = country === UNKNOWN ? undefined : profile.get(country);
      return {
        period, country,
        contributors: round1(e.expected), contributors_low: Math.round(e.low), contributors_high: Math.round(e.high),
        contributors_pct: pct(e.expected, denominator.people),
        contributions: round1(e.expectedWeight), contributions_low: Math.round(e.lowWeight), contributions_high: Math.round(e.highWeight),
        contributions_pct: pct(e.expectedWeight, denominator.contributions),
        profile_contributors: country === UNKNOWN ? profile.get(UNKNOWN)?.people ?? 0 : pr?.people ?? 0,
        // The profile-only share is always of the located subset: that is the figure such tools publish.
        profile_pct: country === UNKNOWN ? null : pct(pr?.people ?? 0, profileKnown.people),
      } as Row;
    }).sort((a, b) => Number(a.country === OTHER) - Number(b.country === OTHER) || Number(b.contributors) - Number(a.contributors) || String(a.country).localeCompare(String(b.country)));
    periodRows.forEach((r, i) => { r.rank = i > 0 && periodRows[i - 1]!.contributors === r.contributors ? periodRows[i - 1]!.rank : i + 1; });
    rows.push(...periodRows);
  }
  return { rows, coverage, methods, distributions };
}

function methodHeader(methods: Map<string, Record<string, number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [period, m] of methods) {
    const share = (n: number) => `${n.toLocaleString('en-US')} (${pct(n, m.all!).toFixed(1)}%)`;
    out[`evidence${period === 'all' ? '' : ` ${period}`}`] =
      `of ${m.all!.toLocaleString('en-US')} contributors: declared location ${share(m.declared!)}, commit clocks ${share(m.clock!)}, ` +
      `mail domains ${share(m.mail!)}, any evidence ${share(m.any!)}`;
  }
  return out;
}

/** What every country report says of its method: the model, the intervals, the profile-only figure, the denominator. */
export function countryHeader(ctx: Context, opts: ReportOptions, inputs: CountryInputs, methods: Map<string, Record<string, number>>): Record<string, string> {
  return {
    country: `a probability per person from declared location, commit clocks and mail domains (never names); trained on ${inputs.model.trained_on ?? 0} located people; prior: ${inputs.model.prior ?? 'none'}`,
    interval: '95% interval of each count, from 2,000 draws of every person\'s country (given the model; `census eval countries` measures the model)',
    'profile-only': 'profile_contributors and profile_pct count declared locations alone; profile_pct is a share of the located subset, as a DevStats-style geocoder publishes it',
    denominator: opts.knownOnly ? 'shares of the attributed contributors only (--known-only)' : `all contributors in scope; "${UNKNOWN}" (no country evidence, or opted out) is a row`,
    regions: ctx.config.regions === 'apart' ? 'HK, MO, TW reported apart' : 'HK, MO, TW folded into CN',
    ...methodHeader(methods),
  };
}

export const contributorsByCountry: ReportDef = {
  name: 'contributors-by-country',
  summary: 'expected contributors and contributions by country with 95% intervals, beside the profile-only figure',
  async run(ctx: Context, opts: ReportOptions): Promise<ReportResult> {
    const fold = FOLDED_REGIONS[ctx.config.regions];
    const people = (await ctx.store.query(q('contributors-by-country'), scopeParams(ctx, opts))).map((r) => personInScope(r, Number(r.contributions)));
    const inputs = await loadCountryInputs(ctx);
    const { rows, coverage, methods } = estimateByCountry(people, inputs, fold, opts.knownOnly);
    const header: Record<string, string> = { report: 'contributors-by-country', ...scopeHeader(ctx, opts), ...countryHeader(ctx, opts, inputs, methods) };
    const columns = [...(opts.by === 'all' ? [] : ['period']), 'rank', 'country', 'contributors', 'contributors_low', 'contributors_high', 'contributors_pct',
      'contributions', 'contributions_low', 'contributions_high', 'contributions_pct', 'profile_contributors', 'profile_pct'];
    return { name: 'contributors-by-country', header, columns, rows, coverage };
  },
};
