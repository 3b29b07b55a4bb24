// Measures geocode() on the labelled location texts (../shared/data/labels): coverage, precision, worst misses.
// A measurement, not a test: the file is a training split and a hidden hold-out exists, so fix rules, not rows.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadGazetteer } from '../src/attribution/gazetteer.ts';
import { geocode } from '../src/attribution/geocode.ts';

const LABELS = new URL('../../shared/data/labels/locations-train.csv', import.meta.url);
const TOP = 20;

/** RFC 4180: quoted fields may hold commas, newlines and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

function top(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP).map(([k, n]) => `${String(n).padStart(4)}  ${k}`);
}
const bump = (m: Map<string, number>, k: string): void => { m.set(k, (m.get(k) ?? 0) + 1); };
const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

if (!existsSync(LABELS)) {
  console.log(`no labels at ${LABELS.pathname}: nothing to measure`);
  process.exit(0);
}
const [header, ...rows] = parseCsv(readFileSync(LABELS, 'utf8'));
const col = (name: string): number => {
  const i = header?.indexOf(name) ?? -1;
  if (i < 0) throw new Error(`${LABELS.pathname}: no column ${name}`);
  return i;
};
const [textCol, countryCol] = [col('location_text'), col('country')];

const { buildMs } = loadGazetteer(); // built here, before the timed loop

let resolved = 0;
let correct = 0;
const wrong = new Map<string, number>();
const unresolved = new Map<string, number>();
const rules = new Map<string, number>();
const started = performance.now();
for (const row of rows) {
  const text = row[textCol] ?? '';
  const expected = row[countryCol] ?? '';
  const g = geocode(text);
  bump(rules, g.rule);
  if (g.country === null) { bump(unresolved, `${JSON.stringify(text)} (${g.rule}${g.matched ? `: ${g.matched}` : ''}) want ${expected}`); continue; }
  resolved++;
  if (g.country === expected) correct++;
  else bump(wrong, `${JSON.stringify(text)} -> ${g.country} (${g.rule}: ${g.matched}) want ${expected}`);
}
const geocodeMs = performance.now() - started;

console.log(`rows        ${rows.length}`);
console.log(`resolved    ${resolved} (coverage ${pct(resolved, rows.length)})`);
console.log(`correct     ${correct} (precision on resolved ${pct(correct, resolved)}, of all rows ${pct(correct, rows.length)})`);
console.log(`index build ${buildMs.toFixed(0)} ms; geocoding ${rows.length} texts ${geocodeMs.toFixed(0)} ms`);
console.log(`rules       ${[...rules].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`);
console.log(`\ntop ${TOP} wrong:`);
for (const line of top(wrong)) console.log(line);
console.log(`\ntop ${TOP} unresolved:`);
for (const line of top(unresolved)) console.log(line);
