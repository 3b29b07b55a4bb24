// Scores for the country model against labelled people: accuracy, coverage by confidence, calibration, per-country
// precision and recall, expected shares and whether the 95% intervals hold the true counts.
import { estimateCounts } from './country-intervals.ts';

export interface Prediction { personId: string; truth: string; p: Map<string, number> | null }

/** Confidence thresholds at which coverage and accuracy are reported; the first is the "confident" set. */
export const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9] as const;
export const CALIBRATION_BINS = 10;

const top = (p: Map<string, number>): [string, number] => [...p].reduce((a, b) => (b[1] > a[1] ? b : a));

export interface EvalReport {
  labelled: number;
  attributed: number;
  accuracy: number;
  coverage: { threshold: number; coverage: number; accuracy: number; people: number }[];
  calibration: { bin: string; people: number; confidence: number; accuracy: number }[];
  ece: number;
  countries: { country: string; labelled: number; predicted: number; precision: number; recall: number; trueShare: number; expectedShare: number; low: number; high: number; covered: boolean }[];
  intervalCoverage: number;
}

export function evaluate(preds: Prediction[]): EvalReport {
  const attributed = preds.filter((x) => x.p !== null) as (Prediction & { p: Map<string, number> })[];
  const tops = attributed.map((x) => ({ ...x, top: top(x.p) }));
  const correct = (x: (typeof tops)[number]) => x.top[0] === x.truth;
  const coverage = THRESHOLDS.map((t) => {
    const set = tops.filter((x) => x.top[1] >= t);
    return { threshold: t, people: set.length, coverage: set.length / Math.max(1, preds.length), accuracy: set.filter(correct).length / Math.max(1, set.length) };
  });
  const calibration = Array.from({ length: CALIBRATION_BINS }, (_, b) => {
    const lo = b / CALIBRATION_BINS;
    const hi = (b + 1) / CALIBRATION_BINS;
    const set = tops.filter((x) => x.top[1] >= lo && (x.top[1] < hi || (b === CALIBRATION_BINS - 1 && x.top[1] <= hi)));
    return {
      bin: `${lo.toFixed(1)}-${hi.toFixed(1)}`, people: set.length,
      confidence: set.reduce((s, x) => s + x.top[1], 0) / Math.max(1, set.length),
      accuracy: set.filter(correct).length / Math.max(1, set.length),
    };
  });
  const ece = calibration.reduce((s, b) => s + (b.people / Math.max(1, tops.length)) * Math.abs(b.accuracy - b.confidence), 0);
  const est = estimateCounts(attributed.map((x) => ({ p: x.p, weight: 1 })));
  const names = new Set([...attributed.map((x) => x.truth), ...tops.map((x) => x.top[0])]);
  const N = Math.max(1, attributed.length);
  const countries = [...names].sort().map((c) => {
    const labelled = attributed.filter((x) => x.truth === c).length;
    const predicted = tops.filter((x) => x.top[0] === c);
    const e = est.get(c) ?? { expected: 0, low: 0, high: 0 };
    return {
      country: c, labelled, predicted: predicted.length,
      precision: predicted.filter(correct).length / Math.max(1, predicted.length),
      recall: tops.filter((x) => x.truth === c && correct(x)).length / Math.max(1, labelled),
      trueShare: labelled / N, expectedShare: e.expected / N, low: e.low, high: e.high,
      covered: labelled >= e.low && labelled <= e.high,
    };
  }).sort((a, b) => b.labelled - a.labelled || a.country.localeCompare(b.country));
  const judged = countries.filter((c) => c.labelled > 0 || c.expectedShare * N >= 1);
  return {
    labelled: preds.length, attributed: attributed.length,
    accuracy: tops.filter(correct).length / Math.max(1, tops.length),
    coverage, calibration, ece, countries,
    intervalCoverage: judged.filter((c) => c.covered).length / Math.max(1, judged.length),
  };
}
