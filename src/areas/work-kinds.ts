// Kinds of work (code, docs, tests, build, community) from the reviewed path rules in data/work-kinds.yaml.
import { join } from 'node:path';
import { asMap, badData, readYamlMap, requiredString, stringList } from '../identity/data-file.ts';
import { CensusError, ExitCode } from '../errors.ts';

export const workKinds = ['code', 'docs', 'tests', 'build', 'community'] as const;
export type WorkKind = (typeof workKinds)[number];
/** The kind of a file no rule matches. */
export const FALLBACK_KIND: WorkKind = 'code';

export interface KindRule {
  kind: WorkKind;
  why: string;
  patterns: string[];
  /** One regular expression (RE2 and JavaScript alike) over `owner/name:path`. */
  regex: string;
}

const REPO_PREFIX = /^([\w.-]+\/[\w.-]+):(.*)$/;
const escapeRe = (s: string) => s.replace(/[.+^$(){}|[\]\\]/g, (c) => `\\${c}`);

/** A glob over a repository path (syntax in data/work-kinds.yaml) -> regex source over `owner/name:path`. */
export function globToRegex(pattern: string): string {
  const m = REPO_PREFIX.exec(pattern);
  const repo = m ? escapeRe(m[1]!) : '[^:]+';
  const glob = m ? m[2]! : pattern;
  if (glob === '' || glob.startsWith('/')) throw new Error(`"${pattern}": empty or absolute pattern`);
  let body = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      body += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') body += '[^/]*';
    else if (c === '?') body += '[^/]';
    else body += escapeRe(c);
  }
  // Without a slash a pattern names a file in any folder.
  const anchored = glob.includes('/') ? body : `(?:.*/)?${body}`;
  return `${repo}:${anchored}`;
}

export function parseWorkKinds(doc: Record<string, unknown>, file: string): KindRule[] {
  const list = doc.kinds;
  if (!Array.isArray(list)) throw badData(file, '`kinds` must be a list');
  const seen = new Set<WorkKind>();
  const rules = list.map((entry, i): KindRule => {
    const e = asMap(entry, file, `kinds[${i}]`);
    const kind = requiredString(e.kind, file, `kinds[${i}].kind`) as WorkKind;
    if (!workKinds.includes(kind) || kind === FALLBACK_KIND) {
      throw badData(file, `kinds[${i}].kind "${kind}" must be one of ${workKinds.filter((k) => k !== FALLBACK_KIND).join(', ')}`);
    }
    if (seen.has(kind)) throw badData(file, `kind "${kind}" is listed twice; put all its patterns in one entry`);
    seen.add(kind);
    const patterns = stringList(e.patterns, file, `kinds[${i}].patterns`);
    if (patterns.length === 0) throw badData(file, `kinds[${i}] has no patterns`);
    const alternatives = patterns.map((p) => {
      try {
        return globToRegex(p);
      } catch (err) {
        throw badData(file, `kinds[${i}]: ${(err as Error).message}`);
      }
    });
    return { kind, why: requiredString(e.why, file, `kinds[${i}].why`), patterns, regex: `(?:${alternatives.join('|')})` };
  });
  const missing = workKinds.filter((k) => k !== FALLBACK_KIND && !seen.has(k));
  if (missing.length > 0) throw badData(file, `no rules for ${missing.join(', ')}`);
  return rules;
}

export function loadWorkKinds(dataDir: string): KindRule[] {
  const file = join(dataDir, 'work-kinds.yaml');
  return parseWorkKinds(readYamlMap(file), file);
}

/** The same decision the commit_kinds stage makes in SQL, for tests and for one-off checks. */
export function kindOf(rules: KindRule[], repo: string, path: string): WorkKind {
  const key = `${repo}:${path}`;
  return rules.find((r) => new RegExp(`^${r.regex}$`).test(key))?.kind ?? FALLBACK_KIND;
}

export function parseKind(v: string | undefined): WorkKind | null {
  if (v === undefined) return null;
  if (!(workKinds as readonly string[]).includes(v)) {
    throw new CensusError(`--kind must be one of ${workKinds.join(', ')}, not "${v}"`, { exitCode: ExitCode.usage });
  }
  return v as WorkKind;
}
