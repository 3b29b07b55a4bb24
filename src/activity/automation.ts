// Accounts whose GitHub activity looks automated: round-the-clock cadence, or the same long text posted again and again.
// A verdict here is "suspected" (behaviour), never "confirmed" (that needs the reviewed list, data/bots.yaml).

/** People sleep: the 6 quietest consecutive UTC hours of a person hold almost none of their events. */
export const ROUND_THE_CLOCK = {
  /** Below this many events the hour histogram says little. */
  minEvents: 200,
  /** Spread over at least this many days, so one long night of work is not mistaken for a machine. */
  minDays: 5,
  quietWindowHours: 6,
  /** A uniform machine puts 6/24 = 25% in any 6-hour window; a person who sleeps, a few %. */
  minQuietShare: 0.15,
} as const;

/** A template is one long text (see MIN_TEMPLATE_CHARS) posted with only names and numbers changed. */
export const TEMPLATED = {
  minLongComments: 20,
  /** The most common long text is at least this share of the account's long comments. */
  minTopShare: 0.5,
} as const;

export interface ActivityProfile {
  login: string;
  events: number;
  days: number;
  /** Events per UTC hour of day, 24 entries. */
  byHour: number[];
  longComments: number;
  /** How many of the long comments share the most common signature. */
  topTemplate: number;
}

/** The smallest share of events in any window of `width` consecutive hours (wrapping at midnight). */
export function quietestShare(byHour: readonly number[], width: number): number {
  const total = byHour.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let best = Infinity;
  for (let start = 0; start < 24; start++) {
    let sum = 0;
    for (let i = 0; i < width; i++) sum += byHour[(start + i) % 24]!;
    best = Math.min(best, sum);
  }
  return best / total;
}

export function suspectAutomation(p: ActivityProfile): string | null {
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const reasons: string[] = [];
  if (p.events >= ROUND_THE_CLOCK.minEvents && p.days >= ROUND_THE_CLOCK.minDays) {
    const quiet = quietestShare(p.byHour, ROUND_THE_CLOCK.quietWindowHours);
    if (quiet >= ROUND_THE_CLOCK.minQuietShare) {
      reasons.push(`round-the-clock: ${pct(quiet)} of ${p.events} events fall in its quietest ${ROUND_THE_CLOCK.quietWindowHours} hours (people: a few %)`);
    }
  }
  if (p.longComments >= TEMPLATED.minLongComments && p.topTemplate / p.longComments >= TEMPLATED.minTopShare) {
    reasons.push(`templated text: ${p.topTemplate} of its ${p.longComments} long comments are one text`);
  }
  return reasons.length ? `suspected: ${reasons.join('; ')}` : null;
}
