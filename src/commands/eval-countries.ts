// `census eval countries --labels FILE`: hide each labelled person's declared location, predict from the other
// evidence with a model that never saw their label (k-fold), and score it.
import { readFileSync, existsSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { adaptPrior, fitClock, foldOf, MODEL, posterior, train, type Labelled } from '../attribution/country-model.ts';
import { tzStructure } from '../attribution/tz-structure.ts';
import { loadPrior } from '../attribution/prior.ts';
import { evaluate, type Prediction } from '../attribution/country-eval.ts';
import { loadEvidence, located } from '../stages/country_probabilities.ts';
import { personByLogin } from '../stages/affiliations.ts';

export interface LabelsOutcome { labels: number; found: number; unknownLogins: string[]; badRows: { line: number; reason: string }[] }

export function readLabels(file: string): { rows: { login: string; country: string; line: number }[]; bad: { line: number; reason: string }[] } {
  if (!existsSync(file)) throw new CensusError(`${file}: no such file`, { exitCode: ExitCode.notFound });
  let records: Record<string, string>[];
  try {
    records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, trim: false });
  } catch (err) {
    throw new CensusError(`${file}: ${(err as Error).message}`, { exitCode: ExitCode.badInput });
  }
  if (records.length > 0 && !('login' in records[0]! && 'country' in records[0]!)) {
    throw new CensusError(`${file}: needs the columns login and country`, { exitCode: ExitCode.badInput });
  }
  const rows: { login: string; country: string; line: number }[] = [];
  const bad: { line: number; reason: string }[] = [];
  records.forEach((r, i) => {
    const country = (r.country ?? '').trim().toUpperCase();
    if (!r.login?.trim() || !/^[A-Z]{2}$/.test(country)) bad.push({ line: i + 2, reason: `needs a login and a two-letter country, got "${r.login}", "${r.country}"` });
    else rows.push({ login: r.login.trim(), country, line: i + 2 });
  });
  return { rows, bad };
}

export async function evalCountries(ctx: Context, file: string): Promise<{ report: ReturnType<typeof evaluate>; outcome: LabelsOutcome; temperatures: string[] }> {
  const { rows, bad } = readLabels(file);
  const byLogin = await personByLogin(ctx);
  const evidence = await loadEvidence(ctx);
  const truth = new Map<string, string>();
  const unknownLogins: string[] = [];
  for (const r of rows) {
    const id = byLogin.get(r.login.toLowerCase());
    if (!id) unknownLogins.push(r.login);
    else truth.set(id, r.country);
  }
  const structure = tzStructure();
  const prior = loadPrior(ctx.config.dataDir);
  // Located people of the census who are not in the label file train every fold; labelled people train the other folds.
  const pool = located(evidence).filter((l) => !truth.has(l.evidence.personId));
  const empty = (personId: string) => ({ personId, tz: new Map(), mail: [], declared: null });
  const preds: Prediction[] = [];
  const temperatures: string[] = [];
  for (let f = 0; f < MODEL.CV_FOLDS; f++) {
    const test = [...truth].filter(([id]) => foldOf(id, MODEL.CV_FOLDS) === f);
    if (test.length === 0) continue;
    const trainSet: Labelled[] = [...pool];
    for (const [id, country] of truth) if (foldOf(id, MODEL.CV_FOLDS) !== f) trainSet.push({ evidence: evidence.get(id) ?? empty(id), country });
    const { temperature, mover } = fitClock(trainSet, structure, prior);
    temperatures.push(`${temperature}/${mover}`);
    const model = train(trainSet, structure, prior, temperature, mover);
    const trainIds = new Set(trainSet.map((l) => l.evidence.personId));
    // Everyone else's evidence (held-out people included, their declared location hidden) informs the country mix.
    adaptPrior(model, trainSet, [...evidence.values()].filter((e) => !trainIds.has(e.personId)).map((e) => ({ ...e, declared: null })), prior);
    for (const [id, country] of test) preds.push({ personId: id, truth: country, p: posterior(model, evidence.get(id) ?? empty(id), false) });
  }
  return {
    report: evaluate(preds),
    outcome: { labels: rows.length, found: truth.size, unknownLogins, badRows: bad },
    temperatures,
  };
}
