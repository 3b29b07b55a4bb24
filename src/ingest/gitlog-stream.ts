// Bytes of a git log (live or exported, gzip or not) -> raw records split on \x1e, with line and byte offset.
import { isUtf8 } from 'node:buffer';

export interface RawRecord {
  text: string;
  /** 1-based line of the record's header in the uncompressed log. */
  line: number;
  /** Byte offset of the record's \x1e in the uncompressed log. */
  byteOffset: number;
  /** The record was not valid UTF-8: kept with U+FFFD in place of the bad bytes. */
  invalidUtf8: boolean;
  /** Longer than the cap: its text is only the first bytes, and it cannot be kept. */
  oversize: boolean;
  /** Bytes before the first \x1e: not a record at all. */
  preamble: boolean;
}

/** A record this long is a corrupt or hostile input, not a commit: real ones stay well under a megabyte. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
const RS = 0x1e;
const LF = 0x0a;

function countLines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1)) n++;
  return n;
}

export async function* splitRecords(source: AsyncIterable<Buffer>, maxBytes = MAX_RECORD_BYTES): AsyncGenerator<RawRecord> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversize = false;
  let started = false; // seen the first \x1e
  let recLine = 1;
  let recOffset = 0;
  let line = 1;
  let base = 0;

  const emit = (): RawRecord | null => {
    const buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    const preamble = !started;
    const wasOversize = oversize;
    oversize = false;
    if (preamble && buf.length === 0) return null;
    const invalidUtf8 = !isUtf8(buf);
    return { text: buf.toString('utf8'), line: recLine, byteOffset: recOffset, invalidUtf8, oversize: wasOversize, preamble };
  };

  for await (const chunk of source) {
    let pos = 0;
    for (;;) {
      const rs = chunk.indexOf(RS, pos);
      const end = rs < 0 ? chunk.length : rs;
      if (end > pos) {
        line += countLines(chunk, pos, end);
        if (!oversize && size + (end - pos) > maxBytes) {
          oversize = true;
          parts = [Buffer.concat(parts, size).subarray(0, 200)];
          size = parts[0]!.length;
        }
        if (!oversize) {
          parts.push(chunk.subarray(pos, end));
          size += end - pos;
        }
      }
      if (rs < 0) break;
      const rec = emit();
      if (rec) yield rec;
      started = true;
      recLine = line;
      recOffset = base + rs;
      pos = rs + 1;
    }
    base += chunk.length;
  }
  if (started || size > 0) {
    const rec = emit();
    if (rec) yield rec;
  }
}
