// Data to stdout as a table on a terminal, JSON/NDJSON/CSV otherwise; headers and progress go to stderr.
import { CensusError, ExitCode } from './errors.ts';

export const formats = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof formats)[number];

export function resolveFormat(flag: string | undefined, isTTY: boolean, piped: Format): Format {
  if (flag === undefined) return isTTY ? 'table' : piped;
  if (!(formats as readonly string[]).includes(flag)) {
    throw new CensusError(`--format must be one of ${formats.join(', ')}, not "${flag}"`, { exitCode: ExitCode.usage });
  }
  return flag as Format;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return String(v);
}

export function renderTable(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number' || r[c] === null));
  const line = (vals: string[]) => vals.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line([...columns]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\n');
}

export function pick(columns: readonly string[], row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c, row[c]]));
}
