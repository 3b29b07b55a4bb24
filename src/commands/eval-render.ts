// Prints an evaluation of the country model as a person would read it.
import { renderTable } from '../output.ts';
import type { EvalReport } from '../attribution/country-eval.ts';
import type { LabelsOutcome } from './eval-countries.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function renderEval(r: EvalReport, o: LabelsOutcome, temperatures: string[]): string {
  const out: string[] = [];
  out.push(`labels: ${o.labels} rows, ${o.found} matched to people in the census, ${o.unknownLogins.length} logins not found${o.badRows.length ? `, ${o.badRows.length} unusable rows` : ''}`);
  if (o.unknownLogins.length) out.push(`not found: ${o.unknownLogins.slice(0, 20).join(', ')}${o.unknownLogins.length > 20 ? ', ...' : ''}`);
  out.push(`method: ${temperatures.length}-fold cross-validation; each person's declared location hidden; clock temperature/mover share chosen per fold: ${temperatures.join(', ')}`);
  out.push(`attributed (some evidence): ${r.attributed} of ${r.labelled} (${pct(r.attributed / Math.max(1, r.labelled))}); top-1 accuracy on them: ${pct(r.accuracy)}`);
  out.push(`expected calibration error: ${r.ece.toFixed(3)}; 95% intervals holding the true count: ${pct(r.intervalCoverage)} of countries`);
  out.push('', 'coverage and accuracy by confidence (share of all labelled people whose top country has at least that probability):');
  out.push(renderTable(['threshold', 'people', 'coverage', 'accuracy'], r.coverage.map((c) => ({ threshold: c.threshold, people: c.people, coverage: pct(c.coverage), accuracy: pct(c.accuracy) }))));
  out.push('', 'calibration (top-country probability vs how often it was right):');
  out.push(renderTable(['bin', 'people', 'confidence', 'accuracy'], r.calibration.filter((b) => b.people > 0).map((b) => ({ bin: b.bin, people: b.people, confidence: pct(b.confidence), accuracy: pct(b.accuracy) }))));
  out.push('', 'per country (shares of the attributed labelled people):');
  out.push(renderTable(['country', 'labelled', 'predicted', 'precision', 'recall', 'true_share', 'expected_share', 'interval_95', 'holds_truth'],
    r.countries.filter((c) => c.labelled > 0 || c.predicted > 0).map((c) => ({
      country: c.country, labelled: c.labelled, predicted: c.predicted, precision: pct(c.precision), recall: pct(c.recall),
      true_share: pct(c.trueShare), expected_share: pct(c.expectedShare), interval_95: `${Math.round(c.low)}-${Math.round(c.high)}`, holds_truth: c.covered ? 'yes' : 'NO',
    }))));
  return out.join('\n');
}
