// An exported log file (`.log` or `.log.gz`, as ../shared/data/gitlog/FORMAT.md) as a CommitSource.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { CensusError, ExitCode } from '../errors.ts';
import type { CommitSource } from './source.ts';

export async function fileFingerprint(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

export async function isGzip(path: string): Promise<boolean> {
  for await (const chunk of createReadStream(path, { start: 0, end: 1 })) {
    const b = chunk as Buffer;
    return b[0] === 0x1f && b[1] === 0x8b;
  }
  return false;
}

/** A file's bytes, gunzipped when `gz`; a truncated or corrupt gzip throws a CensusError naming the compressed byte. */
export async function* readBytes(path: string, gz: boolean, progress: (read: number) => void, hint: string): AsyncGenerator<Buffer> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  let read = 0;
  raw.on('data', (c) => { read += c.length; progress(read); });
  if (!gz) {
    yield* raw as AsyncIterable<Buffer>;
    return;
  }
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  try {
    yield* gunzip as AsyncIterable<Buffer>;
  } catch (err) {
    throw new CensusError(`${path}: truncated or corrupt gzip near compressed byte ${read} (${(err as Error).message})`, { hint, exitCode: ExitCode.badInput });
  } finally {
    raw.destroy();
  }
}

export async function gitlogFileSource(path: string, repo: string): Promise<CommitSource> {
  if (!existsSync(path)) throw new CensusError(`${path}: no such file`, { exitCode: ExitCode.notFound });
  const st = statSync(path);
  if (!st.isFile()) throw new CensusError(`${path}: not a file`, { hint: 'for a clone, use `census ingest git`', exitCode: ExitCode.badInput });
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new CensusError(`--repo "${repo}" is not owner/name`, { exitCode: ExitCode.usage });
  }
  const gz = await isGzip(path);
  const fingerprint = await fileFingerprint(path);
  return {
    sourceId: `gitlog:${repo}`,
    kind: 'gitlog',
    location: path,
    repo,
    fingerprint,
    total: st.size,
    async *open(progress) {
      yield* readBytes(path, gz, progress, 'nothing from this file was stored; export the log again');
    },
    async finish() {},
  };
}
