// Bulk rows into DuckDB through its appender. Measured against a CSV bulk load and data chunks on a 400k-row log,
// direct appender calls were the fastest of the three (2.3 s vs 3.2 s and 3.3 s for kubernetes/kops).
import { LIST, VARCHAR, dateValue, listValue, timestampValue, type DuckDBAppender } from '@duckdb/node-api';
import type { Column, ColumnType } from './tables.ts';
import type { TableWriter } from './store.ts';

const DAY_MS = 86_400_000;

/** Row values as the store contract gives them: timestamps are epoch seconds, dates YYYY-MM-DD. */
function appendCell(a: DuckDBAppender, type: ColumnType, v: unknown): void {
  if (v === null || v === undefined) return a.appendNull();
  switch (type) {
    case 'string': return a.appendVarchar(String(v));
    case 'int': return a.appendInteger(Number(v));
    case 'bigint': return a.appendBigInt(BigInt(v as number));
    case 'double': return a.appendDouble(Number(v));
    case 'bool': return a.appendBoolean(Boolean(v));
    case 'timestamp': return a.appendTimestamp(timestampValue(BigInt(Math.round(Number(v))) * 1_000_000n));
    case 'date': return a.appendDate(dateValue(Math.floor(Date.parse(`${String(v)}T00:00:00Z`) / DAY_MS)));
    case 'strings': return a.appendValue(listValue((v as unknown[]).map(String)), LIST(VARCHAR));
  }
}

export function appenderWriter(appender: DuckDBAppender, columns: readonly Column[]): TableWriter {
  let count = 0;
  return {
    append(row) {
      for (let i = 0; i < columns.length; i++) appendCell(appender, columns[i]![1], row[i]);
      appender.endRow();
      count++;
    },
    get count() { return count; },
    async close() { appender.closeSync(); },
  };
}
