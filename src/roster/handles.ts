// A list of attendees' GitHub handles from a .txt (one per line) or a .csv (a github/handle/login column, else the first).
import { readFileSync, existsSync } from 'node:fs';
import { CensusError, ExitCode } from '../errors.ts';

/** GitHub's rule: letters, digits and single hyphens, not at either end, at most 39 characters. */
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const HANDLE_COLUMNS = ['github', 'github_handle', 'handle', 'login', 'github_login', 'username', 'gh'];

export interface HandleList {
  /** In the file's order, first spelling kept, duplicates (case-insensitive) dropped. */
  handles: string[];
  /** Entries that are not GitHub handles, with their line. */
  invalid: { line: number; text: string }[];
}

/** `@Alice`, `https://github.com/alice`, ` alice ` -> `alice`'s spelling as written. */
export function cleanHandle(raw: string): string {
  return raw.trim().replace(/^["']|["']$/g, '').trim().replace(/^https?:\/\/(www\.)?github\.com\//i, '').replace(/\/+$/, '').replace(/^@/, '');
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

export function parseHandles(text: string, kind: 'txt' | 'csv'): HandleList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries: { line: number; text: string }[] = [];
  if (kind === 'csv') {
    const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
    const named = header.findIndex((h) => HANDLE_COLUMNS.includes(h));
    const col = named >= 0 ? named : 0;
    // Without a recognised header the first line is data too.
    lines.forEach((l, i) => {
      if ((named >= 0 && i === 0) || l.trim() === '') return;
      entries.push({ line: i + 1, text: splitCsvLine(l)[col] ?? '' });
    });
  } else {
    lines.forEach((l, i) => {
      const text = l.replace(/#.*$/, '').trim();
      if (text !== '') entries.push({ line: i + 1, text });
    });
  }
  const seen = new Set<string>();
  const out: HandleList = { handles: [], invalid: [] };
  for (const e of entries) {
    const h = cleanHandle(e.text);
    if (!GITHUB_LOGIN.test(h)) {
      out.invalid.push(e);
      continue;
    }
    if (seen.has(h.toLowerCase())) continue;
    seen.add(h.toLowerCase());
    out.handles.push(h);
  }
  return out;
}

export function readHandles(file: string): HandleList {
  if (!existsSync(file)) throw new CensusError(`${file}: no such file`, { exitCode: ExitCode.notFound });
  const list = parseHandles(readFileSync(file, 'utf8'), /\.csv$/i.test(file) ? 'csv' : 'txt');
  if (list.handles.length === 0 && list.invalid.length === 0) {
    throw new CensusError(`${file}: no handles`, { hint: 'one GitHub handle per line, or a CSV with a "github" column', exitCode: ExitCode.badInput });
  }
  return list;
}
