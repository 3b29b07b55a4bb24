// Types of charts.js for the server side (census export html renders these options to SVG).
import type { ReportLike } from './format.js';
export const UNKNOWN: string;
export type Metric = 'contributors' | 'contributions';
export function intervalColumns(columns: string[], col: string): { low: string; high: string } | null;
export function profileColumn(columns: string[], metric: string): string | null;
export function shareBand(report: ReportLike, metric: string): ((row: Record<string, unknown>) => [number, number]) | null;
export function topLabels(report: Pick<ReportLike, 'columns' | 'rows'>, n: number, metric: string): string[];
export function mapOption(report: ReportLike, o: { metric: Metric; titles: Record<string, string>; interactive?: boolean }): Record<string, unknown>;
export function trendOption(report: ReportLike, o: { metric: Metric; labels: string[]; titles?: Record<string, string>; title?: string }): Record<string, unknown>;
