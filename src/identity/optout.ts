// Opt-out lists (gitdm forbidden-sha*.csv, DevStats hide.csv) and matching names, logins and e-mails against them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CensusError, ExitCode } from '../errors.ts';

export type OptOutAlgorithm = 'sha1' | 'sha256';

export interface OptOutList {
  file: string;
  algorithm: OptOutAlgorithm;
  /** Lower-case hex digests. */
  hashes: Set<string>;
}

export interface OptOutMatcher {
  matches(value: string | null | undefined): boolean;
  matchesAny(values: Iterable<string | null | undefined>): boolean;
  /** Distinct hashes across all lists. */
  size: number;
}

const HEX_LENGTH: Record<OptOutAlgorithm, number> = { sha1: 40, sha256: 64 };
const HEX = /^[0-9a-f]+$/;
// Header names used by the published lists: gitdm writes `sha`, DevStats `sha1`.
const HEADERS = new Set(['sha', 'sha1', 'sha256']);

function badList(file: string, line: number, message: string): CensusError {
  return new CensusError(`${file}:${line}: ${message}`, {
    hint: 'opt-out lists hold one SHA-1 (40 hex) or SHA-256 (64 hex) digest per line under a "sha"/"sha1" header; see data/optout/README.md',
    exitCode: ExitCode.badInput,
  });
}

function algorithmOf(hex: string): OptOutAlgorithm | null {
  if (hex.length === HEX_LENGTH.sha1) return 'sha1';
  if (hex.length === HEX_LENGTH.sha256) return 'sha256';
  return null;
}

export function parseOptOutList(text: string, file: string): OptOutList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let algorithm: OptOutAlgorithm | null = null;
  const hashes = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const value = (lines[i] ?? '').trim().toLowerCase();
    if (value === '') continue;
    if (i === 0 && HEADERS.has(value)) {
      if (value !== 'sha') algorithm = value === 'sha1' ? 'sha1' : 'sha256';
      continue;
    }
    const kind = HEX.test(value) ? algorithmOf(value) : null;
    if (kind === null) throw badList(file, i + 1, 'not a SHA-1 or SHA-256 hex digest');
    // One list, one algorithm: a mixed file means a copy/paste went wrong.
    if (algorithm !== null && kind !== algorithm) throw badList(file, i + 1, `${kind} digest in a ${algorithm} list`);
    algorithm = kind;
    hashes.add(value);
  }
  // An empty list matches nothing, so its algorithm does not matter.
  return { file, algorithm: algorithm ?? 'sha256', hashes };
}

export function loadOptOutLists(files: string[]): OptOutList[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new CensusError(`${file}: cannot read opt-out list`, { hint: 'see data/optout/README.md', exitCode: ExitCode.notFound });
    }
    return parseOptOutList(text, file);
  });
}

/** What gitdm's add_forbidden_data.rb and DevStats' hide_data store: digests of the trimmed phrase, case kept. */
export function hashPhrase(phrase: string): { sha1: string; sha256: string } {
  const p = phrase.trim();
  return {
    sha1: createHash('sha1').update(p, 'utf8').digest('hex'),
    sha256: createHash('sha256').update(p, 'utf8').digest('hex'),
  };
}

/**
 * Spellings worth hashing: people opted out with whatever form they typed, so try the value as-is,
 * trimmed, lower-cased, and each with `@` and `!` (gitdm's e-mail form) swapped.
 */
export function optOutVariants(value: string): string[] {
  const out = new Set<string>();
  for (const v of [value, value.trim(), value.trim().toLowerCase()]) {
    if (v === '') continue;
    out.add(v);
    if (v.includes('@')) out.add(v.replaceAll('@', '!'));
    if (v.includes('!')) out.add(v.replaceAll('!', '@'));
  }
  return [...out];
}

function digest(algorithm: OptOutAlgorithm, text: string): string {
  return createHash(algorithm).update(text, 'utf8').digest('hex');
}

export function optOutMatcher(lists: OptOutList[]): OptOutMatcher {
  const byAlgorithm: Record<OptOutAlgorithm, Set<string>> = { sha1: new Set(), sha256: new Set() };
  for (const list of lists) for (const h of list.hashes) byAlgorithm[list.algorithm].add(h);
  const algorithms = (Object.keys(byAlgorithm) as OptOutAlgorithm[]).filter((a) => byAlgorithm[a].size > 0);
  // Identities repeat across thousands of commits; hashing each distinct value once keeps scans cheap.
  const cache = new Map<string, boolean>();

  const matches = (value: string | null | undefined): boolean => {
    if (value === null || value === undefined || value.trim() === '') return false;
    const known = cache.get(value);
    if (known !== undefined) return known;
    const hit = optOutVariants(value).some((v) => algorithms.some((a) => byAlgorithm[a].has(digest(a, v))));
    cache.set(value, hit);
    return hit;
  };

  const matchesAny = (values: Iterable<string | null | undefined>): boolean => {
    for (const v of values) if (matches(v)) return true;
    return false;
  };

  return { matches, matchesAny, size: byAlgorithm.sha1.size + byAlgorithm.sha256.size };
}
