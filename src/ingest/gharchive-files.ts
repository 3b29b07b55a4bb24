// GH Archive hour files on disk: which paths are hours (YYYY-MM-DD-H.json.gz), their fingerprint, and their bytes decompressed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CensusError, ExitCode } from '../errors.ts';
import { fileFingerprint, isGzip, readBytes } from './gitlog-file.ts';

export { fileFingerprint as fingerprintFile };

export interface HourFile {
  path: string;
  /** `2015-01-01-15`, as GH Archive names the hour. */
  label: string;
  /** The hour's start, epoch seconds UTC. */
  hour: number;
  size: number;
}

// GH Archive writes the hour without a leading zero (2015-01-01-5.json.gz); a zero-padded copy is accepted too.
const HOUR_NAME = /^(\d{4})-(\d{2})-(\d{2})-(\d{1,2})\.json(\.gz)?$/;

export function hourOf(name: string): { label: string; hour: number } | null {
  const m = HOUR_NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const ms = Date.UTC(y, mo - 1, d, h);
  const check = new Date(ms);
  if (h > 23 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return { label: `${m[1]}-${m[2]}-${m[3]}-${h}`, hour: ms / 1000 };
}

/** Files and directories (not recursive) -> hour files in time order; a file name that is not an hour is a usage error. */
export function listHourFiles(args: string[]): HourFile[] {
  const out: HourFile[] = [];
  for (const arg of args) {
    if (!existsSync(arg)) throw new CensusError(`${arg}: no such file or directory`, { exitCode: ExitCode.notFound });
    const st = statSync(arg);
    if (st.isDirectory()) {
      for (const name of readdirSync(arg)) {
        const h = hourOf(name);
        const p = join(arg, name);
        if (h && statSync(p).isFile()) out.push({ path: p, ...h, size: statSync(p).size });
      }
      continue;
    }
    const h = hourOf(basename(arg));
    if (!h) {
      throw new CensusError(`${arg}: not a GH Archive hour file`, {
        hint: 'GH Archive names each hour YYYY-MM-DD-H.json.gz (https://www.gharchive.org); the name gives the hour it covers',
        exitCode: ExitCode.usage,
      });
    }
    out.push({ path: arg, ...h, size: st.size });
  }
  out.sort((a, b) => a.hour - b.hour || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seen = new Map<string, string>();
  for (const f of out) {
    const prior = seen.get(f.label);
    if (prior && prior !== f.path) throw new CensusError(`two files for the hour ${f.label}: ${prior} and ${f.path}`, { exitCode: ExitCode.usage });
    seen.set(f.label, f.path);
  }
  return out.filter((f, i) => i === 0 || f.path !== out[i - 1]!.path);
}

/** The file's JSON bytes. A truncated or corrupt gzip throws a CensusError naming the compressed byte it broke at. */
export async function* openHour(file: HourFile): AsyncGenerator<Buffer> {
  yield* readBytes(file.path, await isGzip(file.path), () => {}, 'nothing from this hour was stored; download the hour again (the other hours are kept)');
}
