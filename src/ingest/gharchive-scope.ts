// The community an ingest keeps (orgs and/or owner/name repos): an exact test per event and a byte-level prefilter per line.
import { CensusError, ExitCode } from '../errors.ts';

export interface Community { orgs: string[]; repos: string[] }

export interface Scope {
  /** Stable text of the scope, part of each hour's fingerprint: reading an hour with another scope reads it again. */
  readonly key: string;
  /** False only when the line's own repository is certainly outside the scope; true means "parse it and see". */
  mayMatch(buf: Buffer, start: number, end: number): boolean;
  matches(repo: string, org: string | null): boolean;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function checkCommunity(c: Community): Community {
  for (const o of c.orgs) {
    if (!NAME.test(o)) throw new CensusError(`"${o}" is not a GitHub organisation or user name`, { exitCode: ExitCode.usage });
  }
  for (const r of c.repos) {
    const [owner, name, extra] = r.split('/');
    if (extra !== undefined || !owner || !name || !NAME.test(owner) || !NAME.test(name)) {
      throw new CensusError(`"${r}" is not owner/name`, { exitCode: ExitCode.usage });
    }
  }
  return c;
}

const REPO_KEY = Buffer.from('"repo":{');
const REPOSITORY_KEY = Buffer.from('"repository":{');
const PAYLOAD_KEY = Buffer.from('"payload":');
const NAME_KEY = Buffer.from('"name":"');
const OWNER_KEY = Buffer.from('"owner":"');
const QUOTE = 0x22;
/** The envelope's repository object is small: its name follows its opening within this many bytes. */
const NEAR = 256;

function stringAt(line: Buffer, key: Buffer, from: number): string | null {
  const k = line.indexOf(key, from);
  if (k < 0 || k > from + NEAR) return null;
  const a = k + key.length;
  const b = line.indexOf(QUOTE, a);
  return b < 0 ? null : line.toString('latin1', a, b);
}

/**
 * The repository a GH Archive line is about, read from its bytes without parsing: Events API lines hold
 * `"repo":{"id":1,"name":"owner/name"` before `"payload"`, Timeline lines end with `"repository":{...,"name":...,
 * "owner":...}` after it. Any other layout returns null, and the line is parsed in full: the shortcut can only
 * skip work, never an event.
 */
export function lineRepo(buf: Buffer, start: number, end: number): string | null {
  const line = buf.subarray(start, end); // searches stay inside the line
  const r = line.indexOf(REPO_KEY);
  if (r >= 0) {
    const p = line.indexOf(PAYLOAD_KEY);
    if (p >= 0 && p < r) return null; // a nested "repo" (pull_request.head.repo) before the envelope's: not the usual layout
    return stringAt(line, NAME_KEY, r);
  }
  const t = line.lastIndexOf(REPOSITORY_KEY);
  if (t < 0 || line.lastIndexOf(PAYLOAD_KEY) > t) return null;
  // The Timeline repository object is flat; "owner" comes after "name" and the description.
  const name = stringAt(line, NAME_KEY, t);
  const o = line.indexOf(OWNER_KEY, t);
  if (name === null || o < 0) return null;
  const ownerEnd = line.indexOf(QUOTE, o + OWNER_KEY.length);
  return ownerEnd < 0 ? null : `${line.toString('latin1', o + OWNER_KEY.length, ownerEnd)}/${name}`;
}

/**
 * GitHub names compare case-insensitively. The cost per line does not grow with the number of orgs (a CNCF-wide
 * community has hundreds): the line's repository is read once and looked up in a set.
 */
export function compileScope(c: Community): Scope {
  const orgs = new Set(c.orgs.map((o) => o.toLowerCase()));
  const repos = new Set(c.repos.map((r) => r.toLowerCase()));
  const matchesName = (lower: string) => orgs.has(lower.slice(0, lower.indexOf('/'))) || repos.has(lower);
  return {
    key: `orgs=${[...orgs].sort().join(',')};repos=${[...repos].sort().join(',')}`,
    mayMatch(buf, start, end) {
      const repo = lineRepo(buf, start, end);
      return repo === null || matchesName(repo.toLowerCase());
    },
    matches(repo, org) {
      return matchesName(repo.toLowerCase()) || (org !== null && orgs.has(org.toLowerCase()));
    },
  };
}

/** Every event in scope: for benchmarks of the worst case, not offered on the command line. */
export const everything: Scope = { key: 'everything', mayMatch: () => true, matches: () => true };
