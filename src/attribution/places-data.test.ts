// Validates the reviewed place data (data/places/aliases.yaml, stop.yaml) the geocoder is built from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import countries from 'i18n-iso-countries';
import { normalise, readPlacesData, stopKey, PLACES_DIR } from './gazetteer.ts';
import { geocode } from './geocode.ts';

const data = readPlacesData();
const stop = new Set(data.stop.flatMap((s) => [normalise(s), stopKey(s)]).filter((s) => s !== ''));

for (const file of ['aliases.yaml', 'stop.yaml']) {
  test(`${file} parses without errors or duplicate keys`, () => {
    const doc = parseDocument(readFileSync(new URL(file, PLACES_DIR), 'utf8'), { uniqueKeys: true });
    assert.deepEqual(doc.errors.map((e) => e.message), []);
  });
}

test('every country code is an upper-case ISO 3166-1 alpha-2 code', () => {
  const bad = data.entries.flatMap((e) => e.countries.filter((c) => !/^[A-Z]{2}$/.test(c) || !countries.isValid(c)).map((c) => `${e.section}: ${e.text} -> ${c}`));
  assert.deepEqual(bad, []);
});

test('no name is listed twice once normalised', () => {
  const seen = new Map<string, string>();
  const dupes: string[] = [];
  for (const e of data.entries) {
    // A subdivision or code may belong to two countries on purpose (Punjab, WA); not twice to one.
    const scope = e.section === 'countries' || e.section === 'places' ? 'alias' : `${e.section}:${e.countries.join()}`;
    const key = `${scope}\n${e.section === 'codes' ? e.text : normalise(e.text)}`;
    const before = seen.get(key);
    if (before !== undefined) dupes.push(`${e.text} (${e.section}) = ${before}`);
    seen.set(key, `${e.text} (${e.section})`);
    assert.notEqual(normalise(e.text), '', `${e.text} normalises to nothing`);
  }
  assert.deepEqual(dupes, []);
});

test('no stop text is listed twice', () => {
  const keys = data.stop.map(stopKey);
  assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), []);
});

test('codes are upper case, two or three letters', () => {
  const bad = data.entries.filter((e) => e.section === 'codes' && !/^[A-Z]{2,3}$/.test(e.text)).map((e) => e.text);
  assert.deepEqual(bad, []);
});

test('no alias is also a stop word', () => {
  const both = data.entries.filter((e) => e.section !== 'codes' && (stop.has(normalise(e.text)) || stop.has(stopKey(e.text)))).map((e) => e.text);
  assert.deepEqual(both, []);
});

test('each reviewed name, alone, resolves to its own country or to nothing, never to another', () => {
  const wrong: string[] = [];
  for (const e of data.entries) {
    if (e.section === 'codes') continue;
    const g = geocode(e.text);
    const ok = e.section === 'countries' ? g.country === e.countries[0] : g.country === null || e.countries.includes(g.country);
    if (!ok) wrong.push(`${e.text} (${e.section}) -> ${JSON.stringify(g)}, listed ${e.countries.join('/')}`);
  }
  assert.deepEqual(wrong, []);
});

test('a single-country reviewed place resolves alone', () => {
  const missed = data.entries
    .filter((e) => e.section === 'places' && e.countries.length === 1 && geocode(e.text).country !== e.countries[0])
    .map((e) => e.text);
  assert.deepEqual(missed, []);
});
