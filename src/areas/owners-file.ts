// OWNERS and OWNERS_ALIASES (Kubernetes' prow format, https://go.k8s.io/owners) -> labels, approvers and reviewers.
import { parse } from 'yaml';

export interface OwnersEntry {
  labels: string[];
  /** Logins or alias names, as written; expanded by `expandAliases`. */
  approvers: string[];
  reviewers: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const names = (v: unknown): string[] =>
  (Array.isArray(v) ? v : []).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());

/** The filter that applies to every file; prow treats its entries like top-level ones. */
const ALL_FILES = '.*';

/**
 * Top-level entries plus every filter's approvers and reviewers (they approve some files of the directory). Labels come
 * from the top level and the `.*` filter only: a label for a file pattern does not name the directory's area.
 * Emeritus lists are not current roles and are left out. Throws on YAML that does not parse.
 */
export function parseOwners(content: string): OwnersEntry {
  const doc: unknown = parse(content) ?? {};
  if (!isObj(doc)) throw new Error('an OWNERS file must be a mapping');
  const out: OwnersEntry = { labels: names(doc.labels), approvers: names(doc.approvers), reviewers: names(doc.reviewers) };
  if (isObj(doc.filters)) {
    for (const [pattern, f] of Object.entries(doc.filters)) {
      if (!isObj(f)) continue;
      out.approvers.push(...names(f.approvers));
      out.reviewers.push(...names(f.reviewers));
      if (pattern === ALL_FILES) out.labels.push(...names(f.labels));
    }
  }
  return { labels: [...new Set(out.labels)], approvers: [...new Set(out.approvers)], reviewers: [...new Set(out.reviewers)] };
}

/** OWNERS_ALIASES: alias name (lower-cased, as prow compares) -> logins. Throws on YAML that does not parse. */
export function parseAliases(content: string): Map<string, string[]> {
  const doc: unknown = parse(content) ?? {};
  const aliases = isObj(doc) && isObj(doc.aliases) ? doc.aliases : {};
  return new Map(Object.entries(aliases).map(([k, v]) => [k.toLowerCase(), names(v)]));
}

/** Alias names become their members (an alias naming another alias is expanded too, once); logins are lower-cased. */
export function expandAliases(entries: string[], aliases: Map<string, string[]>): string[] {
  const out = new Set<string>();
  const add = (name: string, depth: number): void => {
    const members = aliases.get(name.toLowerCase());
    if (members && depth < 2) for (const m of members) add(m, depth + 1);
    else if (!members) out.add(name.toLowerCase());
  };
  for (const e of entries) add(e, 0);
  return [...out].sort();
}

/** `a/b/OWNERS` -> `a/b`; `OWNERS` -> '' (the repository root). */
export function ownersDir(path: string): string {
  const parts = path.replace(/^\.?\/+/, '').split('/');
  return parts.slice(0, -1).join('/');
}

export const isOwnersFile = (path: string) => /(^|\/)OWNERS$/.test(path);
export const isAliasesFile = (path: string) => /(^|\/)OWNERS_ALIASES$/.test(path);
