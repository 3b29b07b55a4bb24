// Decompressed NDJSON bytes -> lines, with line numbers and byte offsets; only lines that may be in scope are decoded.
//
// Speed: a GH Archive hour is 100-200 MB of JSON of which a community keeps ~1%. A line the scope's byte-level
// test rules out is never turned into a string or parsed; it is only counted and checked for the shape of a
// JSON object.

/** A line this long is corrupt or hostile, not an event (the largest real events are a few megabytes). */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }

export interface LineSink {
  /** A line that may be in scope: its text, 1-based number and byte offset in the uncompressed file. */
  candidate(text: string, line: number, offset: number): void;
  /** A line that is not a JSON object at all (or longer than the cap), wherever it is. */
  malformed(reason: string, sample: string, line: number, offset: number): void;
}

export class LineScanner {
  /** Non-empty lines seen (every event of the hour, in scope or not). */
  lines = 0;
  /** Uncompressed bytes seen. */
  bytes = 0;
  private lineNo = 0;
  private carry: Buffer[] = [];
  private carrySize = 0;
  private carryOversize = false;

  constructor(private readonly mayMatch: (buf: Buffer, start: number, end: number) => boolean, private readonly sink: LineSink) {}

  push(chunk: Buffer): void {
    const base = this.bytes;
    this.bytes += chunk.length;
    let start = 0;
    const first = chunk.indexOf(LF);
    if (first < 0) {
      this.keep(chunk);
      return;
    }
    if (this.carrySize > 0 || this.carryOversize) {
      this.keep(chunk.subarray(0, first));
      const whole = this.carryOversize ? null : Buffer.concat(this.carry, this.carrySize);
      this.finishCarry(whole, base - (this.carrySize - first));
      start = first + 1;
    }
    while (start < chunk.length) {
      const end = chunk.indexOf(LF, start);
      if (end < 0) {
        this.keep(chunk.subarray(start));
        return;
      }
      this.line(chunk, start, end, base + start);
      start = end + 1;
    }
  }

  /** The last line when the file does not end in a newline. */
  end(): void {
    if (this.carrySize > 0 || this.carryOversize) this.finishCarry(this.carryOversize ? null : Buffer.concat(this.carry, this.carrySize), this.bytes - this.carrySize);
  }

  private keep(part: Buffer): void {
    if (this.carryOversize) { this.carrySize += part.length; return; }
    if (this.carrySize + part.length > MAX_LINE_BYTES) {
      this.carry = [Buffer.concat(this.carry, this.carrySize).subarray(0, 200)];
      this.carryOversize = true;
      this.carrySize += part.length;
      return;
    }
    this.carry.push(Buffer.from(part)); // a copy: the chunk's memory is reused by the decompressor
    this.carrySize += part.length;
  }

  private finishCarry(whole: Buffer | null, offset: number): void {
    if (whole === null) {
      this.lineNo++;
      this.lines++;
      const sample = this.carry[0]?.toString('utf8', 0, 200) ?? '';
      this.sink.malformed(`line longer than ${MAX_LINE_BYTES} bytes; skipped`, sample, this.lineNo, offset);
    } else {
      this.line(whole, 0, whole.length, offset);
    }
    this.carry = [];
    this.carrySize = 0;
    this.carryOversize = false;
  }

  private line(buf: Buffer, start: number, endIn: number, offset: number): void {
    this.lineNo++;
    let end = endIn;
    if (end > start && buf[end - 1] === CR) end--;
    if (end === start) return; // blank line: nothing to count
    this.lines++;
    if (buf[start] !== OPEN || buf[end - 1] !== CLOSE) {
      this.sink.malformed('not a JSON object', buf.toString('utf8', start, Math.min(end, start + 200)), this.lineNo, offset);
      return;
    }
    if (this.mayMatch(buf, start, end)) this.sink.candidate(buf.toString('utf8', start, end), this.lineNo, offset);
  }
}
