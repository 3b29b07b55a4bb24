// Tests for the completeness rules: missing runs, short hours against their neighbours, periods that can be vouched for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR, missingRuns, periodCompleteness, periodSpan, shortHours, type HourRead } from './completeness.ts';

const T0 = Date.UTC(2025, 0, 6) / 1000; // a Monday, 00:00 UTC
const diurnal = (h: number) => 100_000 + 80_000 * Math.sin(((h % 24) / 24) * 2 * Math.PI); // peak/trough ~9x
const week = (lost: Record<number, number> = {}): HourRead[] =>
  Array.from({ length: 24 * 14 }, (_, i) => ({ hour: T0 + i * HOUR, events: Math.round((lost[i] ?? 1) * diurnal(i)) }));

test('the daily rhythm is not a loss; an hour with a third of its usual volume is', () => {
  assert.deepEqual(shortHours(week()), []);
  const short = shortHours(week({ 100: 0.3, 200: 0.6 }));
  assert.deepEqual(short.map((s) => (s.hour - T0) / HOUR), [100]);
  assert.ok(Math.abs(short[0]!.reference - diurnal(100)) < 1);
});

test('with less than a few days read, adjacent hours are the reference', () => {
  const day = Array.from({ length: 12 }, (_, i) => ({ hour: T0 + i * HOUR, events: i === 5 ? 10 : 100 }));
  assert.deepEqual(shortHours(day).map((s) => (s.hour - T0) / HOUR), [5]);
  assert.deepEqual(shortHours([{ hour: T0, events: 1 }]), []); // nothing to compare with
});

test('missing hours come as runs between the first and last hour read', () => {
  const hours = [0, 1, 2, 5, 6, 9].map((i) => ({ hour: T0 + i * HOUR, events: 1 }));
  assert.deepEqual(missingRuns(hours).map(([a, b]) => [(a - T0) / HOUR, (b - T0) / HOUR]), [[3, 4], [7, 8]]);
});

test('periods are vouched for only when every hour was read and none is short', () => {
  assert.deepEqual(periodSpan('2024-Q2', 0, 0), [Date.UTC(2024, 3, 1) / 1000, Date.UTC(2024, 6, 1) / 1000]);
  assert.deepEqual(periodSpan('2024-02', 0, 0)!.map((t) => (t - Date.UTC(2024, 1, 1) / 1000) / HOUR), [0, 29 * 24]);
  const jan = Array.from({ length: 31 * 24 }, (_, i) => ({ hour: Date.UTC(2025, 0, 1) / 1000 + i * HOUR, events: 100 }));
  assert.deepEqual(periodCompleteness('2025-01', jan, []), { period: '2025-01', hours: 744, read: 744, short: 0, vouched: true });
  assert.equal(periodCompleteness('2025-01', jan.slice(1), []).vouched, false);
  assert.equal(periodCompleteness('2025-01', jan, [{ hour: jan[3]!.hour, events: 1, reference: 100 }]).vouched, false);
  assert.deepEqual(periodCompleteness('2024', jan, []), { period: '2024', hours: 8784, read: 0, short: 0, vouched: false });
  assert.equal(periodCompleteness('all', jan.slice(0, 10), []).vouched, true);
});
