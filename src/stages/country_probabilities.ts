// Stage `country_probabilities` (+ country_model): the country model fitted on the located people, applied to everyone.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { fit, posterior, train, type CountryModel, type Labelled, type PersonEvidence } from '../attribution/country-model.ts';
import { tzStructure } from '../attribution/tz-structure.ts';
import { loadPrior, PRIOR_SOURCE } from '../attribution/prior.ts';

export async function loadEvidence(ctx: Context): Promise<Map<string, PersonEvidence>> {
  const out = new Map<string, PersonEvidence>();
  for (const r of await ctx.store.query(sqlFile(import.meta.url, 'country_probabilities.evidence'))) {
    const id = String(r.person_id);
    let e = out.get(id);
    if (!e) out.set(id, (e = { personId: id, tz: new Map(), mail: [], declared: null }));
    if (r.kind === 'clock') e.tz.set(String(r.key), Number(r.weight));
    else if (r.kind === 'mail') e.mail.push(String(r.key));
    else if (r.kind === 'declared') e.declared = String(r.key);
  }
  return out;
}

/** Located people train the model: their declared country is the label. */
export const located = (evidence: Map<string, PersonEvidence>): Labelled[] =>
  [...evidence.values()].filter((e) => e.declared).map((e) => ({ evidence: e, country: e.declared! }));

/** The model as the last rebuild fitted it: same located people, temperature, mover share and country mix. */
export function storedModel(ctx: Context, evidence: Map<string, PersonEvidence>, stored: Record<string, string>): CountryModel {
  const model = train(located(evidence), tzStructure(), loadPrior(ctx.config.dataDir), Number(stored.clock_temperature ?? 1), Number(stored.mover_share ?? 0));
  const mix = JSON.parse(stored.country_mix ?? '{}') as Record<string, number>;
  model.countries.forEach((c, i) => { model.logPrior[i] = Math.log(mix[c] ?? 1e-9); });
  return model;
}

export function fitModel(ctx: Context, evidence: Map<string, PersonEvidence>): { model: CountryModel; logLoss: Map<string, number>; emRounds: number } {
  const others = [...evidence.values()].filter((e) => !e.declared);
  return fit(located(evidence), others, tzStructure(), loadPrior(ctx.config.dataDir));
}

export async function buildCountryProbabilities(ctx: Context): Promise<string> {
  const evidence = await loadEvidence(ctx);
  const { model, logLoss, emRounds } = fitModel(ctx, evidence);
  await ctx.store.truncate('country_probabilities');
  const w = await ctx.store.writer('country_probabilities');
  let attributed = 0;
  for (const e of evidence.values()) {
    const p = posterior(model, e, true);
    if (!p) continue;
    attributed++;
    for (const [country, prob] of p) w.append([e.personId, country, prob]);
  }
  await w.close();
  await ctx.store.truncate('country_model');
  const m = await ctx.store.writer('country_model');
  m.append(['prior', PRIOR_SOURCE]);
  m.append(['trained_on', String(model.trainedOn)]);
  m.append(['clock_temperature', String(model.temperature)]);
  m.append(['mover_share', String(model.mover)]);
  m.append(['cv_log_loss', JSON.stringify(Object.fromEntries(logLoss))]);
  m.append(['em_rounds', String(emRounds)]);
  // The fitted mix, so `census explain` can rebuild this model without fitting it again.
  m.append(['country_mix', JSON.stringify(Object.fromEntries(model.countries.map((c, i) => [c, Math.exp(model.logPrior[i]!)]).filter(([, p]) => (p as number) > 1e-7)))]);
  await m.close();
  return `${attributed} people with country evidence; model trained on ${model.trainedOn} located people (clock temperature ${model.temperature}, mover share ${model.mover})`;
}
