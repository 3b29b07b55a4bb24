// `census optout hash|update`: compute the hashes gitdm and DevStats publish, and install newer lists after checking them.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { hashPhrase, parseOptOutList } from '../identity/optout.ts';
import { CensusError, ExitCode } from '../errors.ts';

export function hashLines(phrases: string[]): string[] {
  return phrases.flatMap((p) => {
    if (/[,;'"/\\]/.test(p)) throw new CensusError(`"${p}" holds a character gitdm does not allow in a phrase (, ; ' " / \\)`, { exitCode: ExitCode.usage });
    const h = hashPhrase(p);
    return [`sha1   ${h.sha1}`, `sha256 ${h.sha256}`];
  });
}

/** Each file is parsed first; nothing is copied unless all of them are valid lists. */
export function updateLists(files: string[], into: string): string[] {
  const lists = files.map((f) => ({ file: f, list: parseOptOutList(readFileSync(f, 'utf8'), f) }));
  mkdirSync(into, { recursive: true });
  return lists.map(({ file, list }) => {
    const target = join(into, basename(file));
    copyFileSync(file, target);
    return `${target}: ${list.hashes.size} ${list.algorithm} hashes`;
  });
}
