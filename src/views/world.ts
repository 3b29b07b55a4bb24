// The world map the dashboard and the HTML export draw: Natural Earth shapes from world-atlas (shipped in node_modules,
// never fetched), each country named by its ISO 3166-1 alpha-2 code as the reports name them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries from 'i18n-iso-countries';

type Position = number[];
interface Geometry { type: string; coordinates: unknown }
export interface CountryFeature { type: 'Feature'; id?: string | number; properties: { name: string; title: string }; geometry: Geometry }
export interface WorldMap { type: 'FeatureCollection'; features: CountryFeature[] }

const require = createRequire(import.meta.url);

function load(scale: '110m' | '50m'): CountryFeature[] {
  const topo = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${scale}.json`), 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const fc = feature(topo, topo.objects.countries) as unknown as { features: { id?: string | number; properties: { name?: string }; geometry: Geometry | null }[] };
  return fc.features.filter((f) => f.geometry !== null).map((f) => {
    const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
    // Natural Earth's short names ("China", "Taiwan", "Dem. Rep. Congo") read better in a tooltip than ISO's official ones.
    const title = f.properties.name || (code && countries.getName(code, 'en')) || 'unnamed';
    return { type: 'Feature', properties: { name: code ?? title, title }, geometry: f.geometry as Geometry };
  });
}

/** Coordinates to `digits` decimals, dropping points that become repeats: a tenth of a degree is under a pixel here. */
function rounded(c: unknown, digits: number): unknown {
  const f = 10 ** digits;
  if (typeof (c as Position)[0] === 'number') return (c as Position).map((v) => Math.round(v * f) / f);
  const parts = (c as unknown[]).map((x) => rounded(x, digits));
  if (parts.length > 0 && typeof (parts[0] as Position)[0] === 'number') {
    return (parts as Position[]).filter((p, i) => i === 0 || i === parts.length - 1 || p[0] !== (parts[i - 1] as Position)[0] || p[1] !== (parts[i - 1] as Position)[1]);
  }
  return parts;
}

/**
 * Rings that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180 to -180 and would streak across a flat
 * map: move their far points to the other side of the edge instead (east of 180 for a ring that lies mostly east).
 */
function unwrapped(c: unknown): unknown {
  const ring = c as Position[];
  if (typeof ring[0]?.[0] !== 'number') return (c as unknown[]).map(unwrapped);
  if (!ring.some((p, i) => i > 0 && Math.abs(p[0]! - ring[i - 1]![0]!) > 180)) return ring;
  const east = ring.reduce((n, p) => n + Math.sign(p[0]!), 0) >= 0;
  return ring.map(([x, y]) => [east ? (x! < 0 ? x! + 360 : x!) : (x! > 0 ? x! - 360 : x!), y!]);
}

/** Antarctica has no contributors and would take a fifth of the map's height. */
const LEFT_OUT = new Set(['AQ']);

let cached: WorldMap | null = null;

/** The 1:110m shapes, plus the 1:50m shape of every country too small for them (Hong Kong, Macao, Singapore, ...). */
export function worldMap(): WorldMap {
  if (cached) return cached;
  const coarse = load('110m');
  const have = new Set(coarse.map((f) => f.properties.name));
  const small = load('50m').filter((f) => !have.has(f.properties.name));
  const shaped = (f: CountryFeature, digits: number): CountryFeature => ({ ...f, geometry: { ...f.geometry, coordinates: unwrapped(rounded(f.geometry.coordinates, digits)) } });
  const features = [...coarse.map((f) => shaped(f, 1)), ...small.map((f) => shaped(f, 2))].filter((f) => !LEFT_OUT.has(f.properties.name));
  cached = { type: 'FeatureCollection', features };
  return cached;
}

/** ISO code -> English name, for tooltips and tables ("CN" -> "China"); the code itself when it is not one. */
export function countryTitles(): Record<string, string> {
  return Object.fromEntries(worldMap().features.map((f) => [f.properties.name, f.properties.title]));
}
