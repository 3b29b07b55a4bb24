// Statements and rows across the ClickHouse boundary: `$name` becomes `{name:Type}`, result values become what DuckDB gives.
import type { Params, Row } from './store.ts';

/** The ClickHouse type a bound value is sent as; a hand-written `.clickhouse.sql` may name its own with `{name:Type}`. */
export function paramType(value: unknown): string {
  if (value === null || value === undefined) return 'Nullable(Nothing)';
  if (Array.isArray(value)) return 'Array(String)';
  if (typeof value === 'boolean') return 'Bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Int64' : 'Float64';
  return 'String';
}

// Quoted text and comments are copied as they are; a `$` or `{` inside them is not a parameter.
const TOKENS = /'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.)*"|`[^`]*`|--[^\n]*|\/\*[\s\S]*?\*\/|\$([A-Za-z_]\w*)|\{([A-Za-z_]\w*):[^{}]+\}/g;

export interface BoundStatement {
  readonly query: string;
  readonly params: Record<string, unknown>;
}

/** Rewrites `$name` to `{name:Type}` and binds only the parameters the statement names (callers pass a superset). */
export function bindStatement(sql: string, params: Params | undefined): BoundStatement {
  const bound: Record<string, unknown> = {};
  const take = (name: string) => {
    if (!params || !(name in params)) throw new Error(`parameter ${name} is named by the statement but not bound`);
    bound[name] = params[name];
    return params[name];
  };
  const query = sql.replace(TOKENS, (whole, dollar: string | undefined, braced: string | undefined) => {
    if (dollar !== undefined) return `{${dollar}:${paramType(take(dollar))}}`;
    if (braced !== undefined) take(braced);
    return whole;
  });
  return { query, params: bound };
}

export interface ColumnMeta { name: string; type: string }

const WIDE_INT = /^U?Int(64|128|256)$/;

/** One value of a JSON result, given its ClickHouse type, as the DuckDB store returns it. */
export function decodeValue(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const inner = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(type);
  if (inner) return decodeValue(inner[1]!, value);
  const array = /^Array\((.*)\)$/.exec(type);
  if (array && Array.isArray(value)) return value.map((v) => decodeValue(array[1]!, v));
  if (WIDE_INT.test(type) && typeof value === 'string') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  }
  // DuckDB hands back TIMESTAMP and DATE as instants, which the store turns into ISO strings.
  if (/^DateTime(64)?\b/.test(type)) return new Date(`${String(value).replace(' ', 'T')}Z`).toISOString();
  if (/^Date(32)?$/.test(type)) return new Date(`${String(value)}T00:00:00Z`).toISOString();
  return value;
}

/** ClickHouse names a selected `c.sha` "c.sha" where a join makes `sha` ambiguous; DuckDB names it "sha". */
function outputNames(meta: readonly ColumnMeta[]): string[] {
  const plain = meta.map((m) => m.name.replace(/^[A-Za-z_]\w*\.(?=[A-Za-z_]\w*$)/, ''));
  return plain.map((p, i) => (plain.indexOf(p) === plain.lastIndexOf(p) ? p : meta[i]!.name));
}

export function decodeRows(meta: readonly ColumnMeta[], data: readonly Record<string, unknown>[]): Row[] {
  const names = outputNames(meta);
  const renamed = names.some((n, i) => n !== meta[i]!.name);
  if (!renamed && !meta.some((m) => /Int(64|128|256)|Date/.test(m.type))) return data as Row[];
  return data.map((r) => {
    const out: Row = {};
    meta.forEach((m, i) => { out[names[i]!] = decodeValue(m.type, r[m.name]); });
    return out;
  });
}

