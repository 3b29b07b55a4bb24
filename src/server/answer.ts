// One JSON answer, encoded once: the bytes, and their gzip made on first need and kept, so a burst of identical
// requests costs no encoding and no compression per request.
import { gzipSync } from 'node:zlib';

/** Smaller bodies go out as they are: compressing them saves nothing worth the bytes of the header. */
const GZIP_FROM_BYTES = 1024;

export class Answer {
  readonly bytes: Buffer<ArrayBuffer>;
  private zipped: Buffer<ArrayBuffer> | null = null;

  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
  }

  get worthZipping(): boolean { return this.bytes.length >= GZIP_FROM_BYTES; }

  get gzip(): Buffer<ArrayBuffer> {
    this.zipped ??= gzipSync(this.bytes);
    return this.zipped;
  }

  /** What the cache counts against its budget. */
  get weight(): number { return this.bytes.length + (this.zipped?.length ?? 0) + this.text.length * 2; }
}
