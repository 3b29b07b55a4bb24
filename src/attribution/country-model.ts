// The country model: prior x commit-clock likelihood x mail likelihood x declared location -> P(country) per person.
// Naive Bayes over independent signals; likelihoods start from structure (time zones, reviewed mail rules) and are
// learned from the located people of the community; one temperature on the clock evidence is fitted by cross-validation;
// the community's country mix is estimated by EM over everyone with evidence.
import { parseTzKey, tzKey, type TzStructure } from './tz-structure.ts';
import { CLOCK, countryClockScores, learnZoneWeights, profileScores, withMovers, type ZoneWeights } from './clock-likelihood.ts';

export interface PersonEvidence {
  personId: string;
  /** tzKey(offset, season) -> author commits with that clock (GitHub web-UI commits left out). */
  tz: Map<string, number>;
  /** Countries named by the person's mail domains (distinct). */
  mail: string[];
  /** The geocoded declared profile location, if any. */
  declared: string | null;
}

/** Every weight of the model, named (the clock's are in clock-likelihood.ts). Checked by `census eval countries`. */
export const MODEL = {
  /** How many people the Innovation Graph shares are worth against the community's own evidence. */
  PRIOR_PSEUDO_PEOPLE: 40,
  /** Pseudo-people behind the pooled mail rates: a country's own rate needs many located people to stand apart. */
  MAIL_PSEUDO_PEOPLE: 20,
  /** Floor of the rate at which people outside a country use its mail domains. */
  MAIL_FOREIGN_FLOOR: 0.002,
  /** How often a geocoded declared location is the person's country (people move; profiles age). */
  DECLARED_ACCURACY: 0.95,
  /** Candidates for the clock-evidence temperature; the one with the least cross-validated log loss is used. */
  TEMPERATURES: [0.2, 0.35, 0.5, 0.7, 1] as readonly number[],
  CV_FOLDS: 5,
  /** EM rounds for the community's country mix; it settles well before this. */
  EM_ROUNDS: 25,
  /** Probabilities below this are dropped from the stored posterior (the rest renormalised). */
  MIN_PROBABILITY: 0.001,
} as const;

export interface Labelled { evidence: PersonEvidence; country: string }

export interface CountryModel {
  countries: string[];
  logPrior: Float64Array;
  structure: TzStructure;
  zones: ZoneWeights;
  mailOwn: Float64Array; // r_c: P(a person of c uses a mail domain of c)
  mailForeign: Map<string, number>; // eps_m: P(a person not of m uses a mail domain of m)
  temperature: number;
  mover: number;
  trainedOn: number;
}

const offsetOf = (key: string) => parseTzKey(key).offset;

/** A person with no declared location, no country mail and only UTC clocks carries no country evidence. */
export function isUninformative(e: PersonEvidence, useDeclared: boolean): boolean {
  if (useDeclared && e.declared) return false;
  if (e.mail.length > 0) return false;
  for (const [key, n] of e.tz) if (n > 0 && offsetOf(key) !== 0) return false;
  return true;
}

export function train(labelled: Labelled[], structure: TzStructure, prior: Map<string, number>, temperature: number, mover = 0): CountryModel {
  const countries = [...new Set([...structure.countries.keys(), ...prior.keys()])].sort();
  const index = new Map(countries.map((c, i) => [c, i]));
  const K = countries.length;

  // Prior: Innovation Graph shares worth PRIOR_PSEUDO_PEOPLE people, plus the community's located people.
  const igTotal = [...prior.values()].reduce((s, v) => s + v, 0) || 1;
  const counts = new Float64Array(K);
  for (const l of labelled) { const i = index.get(l.country); if (i !== undefined) counts[i]! += 1; }
  const logPrior = new Float64Array(K);
  const floor = 1 / igTotal; // an economy Innovation Graph does not list still gets one developer's worth
  let z = 0;
  for (let i = 0; i < K; i++) z += logPrior[i] = counts[i]! + MODEL.PRIOR_PSEUDO_PEOPLE * Math.max((prior.get(countries[i]!) ?? 0) / igTotal, floor);
  for (let i = 0; i < K; i++) logPrior[i] = Math.log(logPrior[i]! / z);

  // Clock: each country's zones, weighted by population and by the zones its located people show.
  const zones = learnZoneWeights(structure, countries, labelled.map((l) => ({ country: l.country, scores: profileScores(structure, l.evidence.tz, temperature) })));

  // Mail: how often located people of each country use its mail domains, and how often others do.
  const own = new Float64Array(K);
  const foreignHits = new Map<string, number>();
  for (const l of labelled) {
    const i = index.get(l.country);
    if (i === undefined) continue;
    if (l.evidence.mail.includes(l.country)) own[i]! += 1;
    for (const m of l.evidence.mail) if (m !== l.country) foreignHits.set(m, (foreignHits.get(m) ?? 0) + 1);
  }
  const located = labelled.length;
  const pooledOwn = (own.reduce((a, b) => a + b, 0) + 1) / (located + 2);
  const mailOwn = new Float64Array(K);
  for (let i = 0; i < K; i++) mailOwn[i] = (own[i]! + MODEL.MAIL_PSEUDO_PEOPLE * pooledOwn) / (counts[i]! + MODEL.MAIL_PSEUDO_PEOPLE);
  const mailForeign = new Map<string, number>();
  for (const c of countries) {
    const others = located - (counts[index.get(c)!] ?? 0);
    const hits = foreignHits.get(c) ?? 0;
    mailForeign.set(c, Math.max(MODEL.MAIL_FOREIGN_FLOOR, (hits + MODEL.MAIL_PSEUDO_PEOPLE * MODEL.MAIL_FOREIGN_FLOOR) / (others + MODEL.MAIL_PSEUDO_PEOPLE)));
  }
  return { countries, logPrior, structure, zones, mailOwn, mailForeign, temperature, mover, trainedOn: located };
}

/** Log-posterior contributions of each signal, per country index: the explanation is built from these. */
export interface Scores { prior: Float64Array; tz: Float64Array; mail: Float64Array; declared: Float64Array }

export function scores(model: CountryModel, e: PersonEvidence, useDeclared: boolean): Scores {
  const K = model.countries.length;
  const tz = withMovers(countryClockScores(model.zones, profileScores(model.structure, e.tz, model.temperature)), model.logPrior, model.mover);
  const mail = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    const c = model.countries[i]!;
    if (e.mail.length === 0) mail[i] = Math.log(1 - model.mailOwn[i]!);
    else for (const m of e.mail) mail[i]! += Math.log(m === c ? model.mailOwn[i]! : model.mailForeign.get(m)!);
  }
  const declared = new Float64Array(K);
  if (useDeclared && e.declared) {
    for (let i = 0; i < K; i++) {
      declared[i] = Math.log(model.countries[i] === e.declared ? MODEL.DECLARED_ACCURACY : (1 - MODEL.DECLARED_ACCURACY) / (K - 1));
    }
  }
  return { prior: model.logPrior, tz, mail, declared };
}

/** P(country) for a person, or null when nothing in the evidence speaks of a country (the person is Unknown). */
export function posterior(model: CountryModel, e: PersonEvidence, useDeclared: boolean): Map<string, number> | null {
  if (isUninformative(e, useDeclared)) return null;
  const s = scores(model, e, useDeclared);
  const K = model.countries.length;
  const log = new Float64Array(K);
  let max = -Infinity;
  for (let i = 0; i < K; i++) {
    log[i] = s.prior[i]! + s.tz[i]! + s.mail[i]! + s.declared[i]!;
    if (log[i]! > max) max = log[i]!;
  }
  let z = 0;
  for (let i = 0; i < K; i++) z += log[i] = Math.exp(log[i]! - max);
  const out = new Map<string, number>();
  let kept = 0;
  for (let i = 0; i < K; i++) {
    const p = log[i]! / z;
    if (p >= MODEL.MIN_PROBABILITY) { out.set(model.countries[i]!, p); kept += p; }
  }
  for (const [c, p] of out) out.set(c, p / kept);
  return out;
}

function logSumExpOf(terms: number[]): number {
  const max = Math.max(...terms);
  return max === -Infinity ? max : max + Math.log(terms.reduce((a, t) => a + Math.exp(t - max), 0));
}

/** Deterministic folds (by person id), so a run is repeatable. */
export function foldOf(personId: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < personId.length; i++) h = Math.imul(h ^ personId.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

export interface ClockFit { temperature: number; mover: number; logLoss: Map<string, number> }

/** Clock temperature and mover share with the least cross-validated log loss, declared locations hidden from the held-out fold. */
export function fitClock(labelled: Labelled[], structure: TzStructure, prior: Map<string, number>): ClockFit {
  const grid = MODEL.TEMPERATURES.flatMap((temperature) => CLOCK.MOVER_SHARES.map((mover) => ({ temperature, mover, loss: 0 })));
  let scored = 0;
  for (let f = 0; f < MODEL.CV_FOLDS; f++) {
    const trainSet = labelled.filter((l) => foldOf(l.evidence.personId, MODEL.CV_FOLDS) !== f);
    const test = labelled.filter((l) => foldOf(l.evidence.personId, MODEL.CV_FOLDS) === f && !isUninformative(l.evidence, false));
    // The mover share only enters at scoring: one model per temperature serves every share.
    const trained = new Map(MODEL.TEMPERATURES.map((t) => [t, train(trainSet, structure, prior, t)]));
    for (const g of grid) {
      const m: CountryModel = { ...trained.get(g.temperature)!, mover: g.mover };
      for (const l of test) g.loss -= Math.log(posterior(m, l.evidence, false)?.get(l.country) ?? MODEL.MIN_PROBABILITY);
    }
    scored += test.length;
  }
  const best = grid.reduce((a, b) => (b.loss < a.loss - 1e-9 ? b : a), grid.find((g) => g.temperature === 1 && g.mover === 0) ?? grid[0]!);
  return {
    temperature: scored > 0 ? best.temperature : 1,
    mover: scored > 0 ? best.mover : 0,
    logLoss: new Map(grid.map((g) => [`${g.temperature}/${g.mover}`, scored ? g.loss / scored : NaN])),
  };
}

/**
 * The community's country mix, by EM over everyone with evidence (not only the located, who are few and self-selected):
 * prior = Innovation Graph shares worth PRIOR_PSEUDO_PEOPLE + located people + the posterior mass of everyone else.
 * Replaces the model's prior in place; returns the rounds run.
 */
export function adaptPrior(model: CountryModel, labelled: Labelled[], others: PersonEvidence[], prior: Map<string, number>): number {
  const K = model.countries.length;
  const index = new Map(model.countries.map((c, i) => [c, i]));
  const igTotal = [...prior.values()].reduce((a, b) => a + b, 0) || 1;
  const base = new Float64Array(K);
  for (let i = 0; i < K; i++) base[i] = MODEL.PRIOR_PSEUDO_PEOPLE * Math.max((prior.get(model.countries[i]!) ?? 0) / igTotal, 1 / igTotal);
  for (const l of labelled) { const i = index.get(l.country); if (i !== undefined) base[i]! += 1; }
  // Clock regions: countries grouped by their most populous zone. Within a region the clock cannot say which country
  // (US or Canada, Germany or France); left free, EM would read zone-weight quirks as evidence. So the mix is estimated
  // with the clock at region level (split inside by the base shares); mail and located people still move the split.
  const region = model.countries.map((c) => {
    const zones = model.structure.countries.get(c);
    return zones ? `z${zones.reduce((a, b) => (b.share > a.share ? b : a)).profile}` : c;
  });
  const regionBase = new Map<string, number>();
  region.forEach((r, i) => regionBase.set(r, (regionBase.get(r) ?? 0) + base[i]!));
  const liks = others.filter((e) => !isUninformative(e, false)).map((e) => {
    const s = scores(model, e, false);
    const byRegion = new Map<string, number[]>();
    for (let i = 0; i < K; i++) {
      const terms = byRegion.get(region[i]!) ?? [];
      terms.push(Math.log(base[i]! / regionBase.get(region[i]!)!) + s.tz[i]!);
      byRegion.set(region[i]!, terms);
    }
    const regionClock = new Map([...byRegion].map(([r, terms]) => [r, logSumExpOf(terms)]));
    const v = new Float64Array(K);
    for (let i = 0; i < K; i++) v[i] = regionClock.get(region[i]!)! + s.mail[i]!;
    return v;
  });
  const mass = new Float64Array(K);
  let rounds = 0;
  for (; rounds < MODEL.EM_ROUNDS; rounds++) {
    mass.set(base);
    for (const v of liks) {
      let max = -Infinity;
      const post = new Float64Array(K);
      for (let i = 0; i < K; i++) { post[i] = v[i]! + model.logPrior[i]!; if (post[i]! > max) max = post[i]!; }
      let z = 0;
      for (let i = 0; i < K; i++) z += post[i] = Math.exp(post[i]! - max);
      for (let i = 0; i < K; i++) mass[i]! += post[i]! / z;
    }
    const total = mass.reduce((a, b) => a + b, 0);
    let change = 0;
    for (let i = 0; i < K; i++) {
      const next = Math.log(mass[i]! / total);
      change = Math.max(change, Math.abs(Math.exp(next) - Math.exp(model.logPrior[i]!)));
      model.logPrior[i] = next;
    }
    if (change < 1e-4) { rounds++; break; }
  }
  return rounds;
}

/** The whole fit: clock temperature and mover share by cross-validation on the located, the model on all of them, the mix by EM on everyone. */
export function fit(labelled: Labelled[], others: PersonEvidence[], structure: TzStructure, prior: Map<string, number>): { model: CountryModel; logLoss: Map<string, number>; emRounds: number } {
  const { temperature, mover, logLoss } = fitClock(labelled, structure, prior);
  const model = train(labelled, structure, prior, temperature, mover);
  const emRounds = adaptPrior(model, labelled, others, prior);
  return { model, logLoss, emRounds };
}

export { tzKey };
