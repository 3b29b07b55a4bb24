// Types of format.js for the server side (census export html); the browser loads the .js directly.
export interface CoverageRow { period: string; contributors: number; knownContributors: number; contributions: number; knownContributions: number }
export interface ReportLike { columns: string[]; rows: Record<string, unknown>[]; header: Record<string, string>; coverage: CoverageRow[] | null }
export interface TableOptions { sortBy?: string; desc?: boolean; limit?: number; linkColumn?: string; titles?: Record<string, string>; titleColumn?: string; selected?: string | null; intervals?: boolean }
export function esc(s: unknown): string;
export function fmtNumber(v: unknown): string;
export function pct(part: number, whole: number): number;
export function fmtPct(x: number): string;
export function dimensionOf(report: { columns: string[] }): string;
export function coverageFigures(report: Pick<ReportLike, 'columns' | 'coverage'>): { period: string; contributorsPct: number; contributionsPct: number; text: string }[];
export function coverageHtml(report: Pick<ReportLike, 'columns' | 'coverage'>): string;
export function headerHtml(header: Record<string, string>): string;
export function tableHtml(columns: string[], rows: Record<string, unknown>[], opts?: TableOptions): string;
export function sortRows(rows: Record<string, unknown>[], col: string, desc: boolean): Record<string, unknown>[];
export function completenessHtml(c: {
  spec: Record<string, string>; sources: Record<string, unknown>[]; problems: number; span: Record<string, unknown> | null;
  gharchive?: { first: string | null; last: string | null; hoursRead: number; missingHours: number; shortHours: number } | null;
}): string;
export function columnTitle(c: string): string;
