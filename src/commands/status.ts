// `census status`: the sources read and, on request, every record problem in the ingest log.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { renderCsv, renderTable, resolveFormat } from '../output.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export async function status(ctx: Context, problems: boolean, formatFlag: string | undefined): Promise<string> {
  const rows = await ctx.store.query(q(problems ? 'status-problems' : 'status-sources'));
  const format = resolveFormat(formatFlag, Boolean(process.stdout.isTTY), 'json');
  const cols = problems
    ? ['source_id', 'file', 'line', 'byte_offset', 'reason', 'sample']
    : ['source_id', 'kind', 'records', 'added', 'bad_records', 'finished_at', 'location'];
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (format === 'ndjson') return rows.map((r) => JSON.stringify(r)).join('\n');
  if (format === 'csv') return renderCsv(cols, rows);
  return rows.length === 0 ? (problems ? 'no problems recorded' : 'nothing ingested yet') : renderTable(cols, rows);
}
