// Bulk rows into ClickHouse as JSONEachRow: encoded as they are appended, sent in batches while the caller keeps parsing.
import type { Column, ColumnType } from './tables.ts';
import type { TableWriter } from './store.ts';
import type { ChSession } from './clickhouse-session.ts';

/**
 * One INSERT per this many bytes of JSON: small enough that inserts overlap parsing (2 MB gave 2.4k commits/s on chDB,
 * 8 and 16 MB 1.8k, on a busy machine), large enough for ClickHouse's advice of 1,000+ rows an insert.
 */
export const BATCH_BYTES = 2 * 1024 * 1024;

/** A cell as JSON, from the store contract's shapes: timestamps in epoch seconds, dates as YYYY-MM-DD, lists as string[]. */
function cell(type: ColumnType, v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (type) {
    case 'string': case 'date': return JSON.stringify(String(v));
    case 'int': case 'bigint': case 'double': {
      if (typeof v === 'bigint') return v.toString();
      const n = Number(v);
      if (!Number.isFinite(n)) throw new Error(`not a finite number: ${String(v)}`);
      return String(n);
    }
    case 'bool': return v ? 'true' : 'false';
    case 'timestamp': return String(Math.round(Number(v)));
    case 'strings': return JSON.stringify((v as unknown[]).map(String));
  }
}

export function jsonRowsWriter(session: ChSession, table: string, columns: readonly Column[], batchBytes = BATCH_BYTES): TableWriter {
  const keys = columns.map(([name], i) => `${i === 0 ? '{' : ','}${JSON.stringify(name)}:`);
  let lines: string[] = [];
  let bytes = 0;
  let count = 0;
  let sending: Promise<void> = Promise.resolve();
  let failed: unknown = null;
  const flush = () => {
    if (lines.length === 0) return;
    const batch = lines;
    lines = [];
    bytes = 0;
    sending = sending.then(() => session.insert(table, batch)).catch((err: unknown) => { failed ??= err; });
  };
  return {
    append(row) {
      if (failed) throw failed;
      let line = '';
      for (let i = 0; i < columns.length; i++) line += keys[i] + cell(columns[i]![1], row[i]);
      line += '}';
      lines.push(line);
      bytes += line.length;
      count++;
      if (bytes >= batchBytes) flush();
    },
    get count() { return count; },
    async close() {
      flush();
      await sending;
      if (failed) throw failed;
    },
  };
}
