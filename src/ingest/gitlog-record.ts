// One git log record (the text between two \x1e) -> a typed commit; the format is ../shared/data/gitlog/FORMAT.md.
import { parseNumstat, type FileChange } from './numstat.ts';

export interface Person { name: string; email: string }
export interface CommitRecord {
  sha: string;
  author: Person;
  authorAt: number; // epoch seconds (UTC instant)
  authorTz: number; // the author's own UTC offset in minutes
  committer: Person;
  committerAt: number;
  committerTz: number;
  subject: string;
  coauthors: Person[];
  files: FileChange[];
}

/** A problem inside a record that was still kept (a bad numstat line) or that made it unusable. */
export interface RecordProblem { lineInRecord: number; reason: string; sample: string }
export type ParsedRecord =
  | { ok: true; commit: CommitRecord; problems: RecordProblem[] }
  | { ok: false; problem: RecordProblem };

/** The --format string both the live git path and the exported logs use. */
export const GIT_LOG_FORMAT =
  '%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%s%x1f%(trailers:key=Co-authored-by,valueonly,separator=%x1d)';

const FIELDS = 9;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):?(\d{2}))$/;

export function parseIsoDate(s: string): { at: number; tz: number } | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const tz = m[7] === 'Z' ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const local = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000;
  return Number.isFinite(local) ? { at: local - tz * 60, tz } : null;
}

/** `Name <email>`; a value with no angle brackets is kept whole as the name. */
export function parsePersonValue(value: string): Person | null {
  const v = value.replace(/\s+/g, ' ').trim();
  if (v === '') return null;
  const m = /^(.*?)\s*<([^<>]*)>\s*$/.exec(v);
  return m ? { name: m[1]!.trim(), email: m[2]!.trim() } : { name: v, email: '' };
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

export function parseRecord(text: string): ParsedRecord {
  // The header ends at the blank line before numstat; a folded trailer may put a newline inside it.
  const body = text.replace(/\r(?=\n|$)/g, '');
  const blank = body.indexOf('\n\n');
  const header = (blank >= 0 ? body.slice(0, blank) : body).replace(/\n+$/, '');
  const fields = header.split('\x1f');
  if (fields.length !== FIELDS) {
    return { ok: false, problem: { lineInRecord: 1, reason: `header has ${fields.length} fields, expected ${FIELDS}`, sample: clip(header) } };
  }
  const [sha, an, ae, aI, cn, ce, cI, subject, trailers] = fields as [string, string, string, string, string, string, string, string, string];
  if (!SHA.test(sha)) return { ok: false, problem: { lineInRecord: 1, reason: 'not a commit hash', sample: clip(sha) } };
  const ad = parseIsoDate(aI);
  const cd = parseIsoDate(cI);
  if (!ad || !cd) return { ok: false, problem: { lineInRecord: 1, reason: `bad date "${clip(ad ? cI : aI)}"`, sample: sha } };

  const problems: RecordProblem[] = [];
  const files: FileChange[] = [];
  if (blank >= 0) {
    const headerLines = header.split('\n').length;
    const lines = body.slice(blank + 2).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      try {
        files.push(parseNumstat(line));
      } catch (err) {
        problems.push({ lineInRecord: headerLines + 2 + i, reason: (err as Error).message, sample: clip(line) });
      }
    }
  }
  const coauthors = trailers.split('\x1d').map(parsePersonValue).filter((p): p is Person => p !== null);
  return {
    ok: true,
    problems,
    commit: {
      sha, subject: subject.replace(/[\r\n]+/g, ' '),
      author: { name: an, email: ae }, authorAt: ad.at, authorTz: ad.tz,
      committer: { name: cn, email: ce }, committerAt: cd.at, committerTz: cd.tz,
      coauthors, files,
    },
  };
}
