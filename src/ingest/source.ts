// A unit of commit history to ingest (one exported log file or one live clone), read as a byte stream.

export interface CommitSource {
  /** Stable id of the unit: `gitlog:<repo>` or `git:<repo>`; one ingest transaction each. */
  readonly sourceId: string;
  readonly kind: 'git' | 'gitlog';
  /** What a person would recognise in an error: the file or the clone's path. */
  readonly location: string;
  readonly repo: string;
  /** Same fingerprint as the last completed ingest of this source: nothing to do. */
  readonly fingerprint: string;
  /** Total units for a progress bar (bytes of the file, or commits), if known. */
  readonly total: number;
  /** The uncompressed log; `progress` is called with units done so far. */
  open(progress: (done: number) => void): AsyncIterable<Buffer>;
  /** Called after the stream ended: throws if the producer failed (git exited non-zero). */
  finish(): Promise<void>;
}
