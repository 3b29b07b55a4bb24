// Parser for CNCF gitdm developers_affiliations*.txt: login/e-mail headers with dated company lines.
import { CensusError, ExitCode } from '../errors.ts';

/** One dated employment line. Dates are YYYY-MM-DD; `from` is inclusive, `until` exclusive; null = open. */
export interface GitdmAffiliation {
  company: string;
  from: string | null;
  until: string | null;
}

/** One `login: emails` block. A login may head several blocks (gitdm lists each e-mail set separately). */
export interface GitdmEntry {
  login: string;
  /** Lower-cased, `!` written back as `@`; obfuscated addresses ("x at gmail dot com") are dropped. */
  emails: string[];
  affiliations: GitdmAffiliation[];
  file: string;
  /** 1-based line of the header. */
  line: number;
}

export interface BadRecord {
  file: string;
  line: number;
  reason: string;
  sample: string;
}

export type GitdmCompanyKind = 'company' | 'independent' | 'unknown' | 'robot';

// These markers are part of the gitdm file format (like `from`/`until`), not reference data:
// `(Robots)` tags bot accounts; NotFound / (Unknown) / ? / unknown are what gitdm and DevStats write
// when no employer is known, so they must never be counted as a company named "NotFound".
export const ROBOT_MARKER = '(robots)';
const ROBOT_MARKERS = new Set([ROBOT_MARKER]);
const UNKNOWN_MARKERS = new Set(['notfound', '(unknown)', 'unknown', '?', '']);
const INDEPENDENT_MARKERS = new Set(['independent']);

/**
 * How a gitdm company value should be reported:
 * - 'robot': `(Robots)`, the account is a bot; exclude it from people counts.
 * - 'unknown': `NotFound`, `(Unknown)`, `unknown`, `?`: no affiliation known for that period.
 * - 'independent': `Independent`, self-employed or hobbyist; reported as a company named "Independent".
 * - 'company': anything else.
 */
export function gitdmCompanyKind(company: string): GitdmCompanyKind {
  const key = company.trim().toLowerCase();
  if (ROBOT_MARKERS.has(key)) return 'robot';
  if (UNKNOWN_MARKERS.has(key)) return 'unknown';
  if (INDEPENDENT_MARKERS.has(key)) return 'independent';
  return 'company';
}

const SAMPLE_MAX = 200;
const DATE = String.raw`(\d{4}-\d{2}-\d{2})`;
// Dates sit only at the end of the line, so "Nuage Networks from Nokia from 2014-12-01" keeps its name.
const DATED_TAIL = new RegExp(String.raw`^(.*?)(?:\s+from\s+${DATE})?(?:\s+until\s+${DATE})?$`);
const STRAY_DATE = /\d{4}-\d{2}-\d{2}/;
const STRAY_KEYWORD = /\s(from|until)$/i;
const LOGIN = /^[^\s:]+$/;
const EMAIL = /^[^\s@!,]+[@!][^\s@!,]+\.[^\s@!,]+$/;
// The derived company-first file: `Company:` headers over tab-indented `login: e!mail ...` lines.
const DERIVED_MARKER = /derived from developers_affiliations/i;
const COMPANY_DEV_LINE = /^\s+[^\s:]+:\s.*[!@]/;

function sample(text: string): string {
  return text.length > SAMPLE_MAX ? `${text.slice(0, SAMPLE_MAX)}…` : text;
}

// Arithmetic rather than Date round-trips: this runs for every one of ~115k dated lines.
function isCalendarDate(d: string): boolean {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  if (m < 1 || m > 12 || day < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return day <= days;
}

function wrongFormat(file: string, line: number, why: string): CensusError {
  return new CensusError(`${file}:${line}: this looks like a company_developers file (${why}), not developers_affiliations`, {
    hint: 'company_developers*.txt is the company-first view gitdm generates from developers_affiliations*.txt; import the developers_affiliations*.txt files instead',
    exitCode: ExitCode.badInput,
  });
}

/** E-mail tokens are comma separated, but some headers forget the comma, so split on whitespace too. */
function parseEmails(list: string): string[] {
  const out: string[] = [];
  for (const token of list.split(/[\s,]+/)) {
    if (!EMAIL.test(token)) continue;
    const email = token.replace('!', '@').toLowerCase();
    if (!out.includes(email)) out.push(email);
  }
  return out;
}

type AffiliationResult = { ok: GitdmAffiliation } | { bad: string };

function parseAffiliation(body: string): AffiliationResult {
  const m = DATED_TAIL.exec(body);
  const company = (m?.[1] ?? '').replace(/\s+/g, ' ').trim();
  const from = m?.[2] ?? null;
  const until = m?.[3] ?? null;
  if (company === '') return { bad: 'affiliation line has no company name' };
  // "X from from 2020-11-22" or "X 2020-01-20 from ...": a typo we refuse to guess around.
  if (STRAY_KEYWORD.test(company)) return { bad: 'company name ends in "from"/"until" (doubled keyword?)' };
  if (STRAY_DATE.test(company)) return { bad: 'date without "from"/"until" inside the company name' };
  for (const d of [from, until]) {
    if (d !== null && !isCalendarDate(d)) return { bad: `invalid date ${d}` };
  }
  if (from !== null && until !== null && from > until) return { bad: `from ${from} is after until ${until}` };
  return { ok: { company, from, until } };
}

export function parseGitdm(text: string, file: string): { entries: GitdmEntry[]; bad: BadRecord[] } {
  const entries: GitdmEntry[] = [];
  const bad: BadRecord[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fail = (lineNo: number, raw: string, reason: string): number => bad.push({ file, line: lineNo, reason, sample: sample(raw) });
  let current: GitdmEntry | null = null;
  // Set after a header we refused, so its affiliation lines are reported, not attached to the previous login.
  let orphaned = false;
  // A header with nothing after the colon, followed by `login: e!mail` lines, is the company-first format.
  let emptyHeader = false;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1;
    if (raw.trim() === '') continue;
    if (raw.startsWith('#')) {
      if (DERIVED_MARKER.test(raw)) throw wrongFormat(file, lineNo, 'its header says it is derived');
      continue;
    }

    if (/^\s/.test(raw)) {
      if (emptyHeader && COMPANY_DEV_LINE.test(raw)) throw wrongFormat(file, lineNo, 'a developer line under a company header');
      if (current === null) {
        fail(lineNo, raw, orphaned ? 'affiliation line under a rejected header' : 'affiliation line before any developer header');
        continue;
      }
      const r = parseAffiliation(raw.trim());
      if ('ok' in r) current.affiliations.push(r.ok);
      else fail(lineNo, raw, r.bad);
      continue;
    }

    const colon = raw.indexOf(':');
    const rest = colon < 0 ? '' : raw.slice(colon + 1);
    emptyHeader = colon >= 0 && rest.trim() === '';
    // Asterisk marks "several affiliations found, please merge": a note to humans, not part of the login.
    const login = (colon < 0 ? '' : raw.slice(0, colon)).replace(/\*/g, '').trim();
    if (colon < 0 || !LOGIN.test(login)) {
      fail(lineNo, raw, colon < 0 ? 'header line without "login:"' : 'header line with an invalid login');
      current = null;
      orphaned = true;
      continue;
    }
    current = { login, emails: parseEmails(rest), affiliations: [], file, line: lineNo };
    orphaned = false;
    entries.push(current);
  }
  return { entries, bad };
}
