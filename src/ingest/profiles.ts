// Import `profiles`: JSON arrays or NDJSON of profiles; a login imported again replaces its earlier profile.
import { readFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { NO_LOGIN, parseProfile, type Profile } from './profile-record.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export interface ProfileProblem { file: string; line: number; reason: string; sample: string }

/** Parses a JSON array or NDJSON; the line named in a problem is the NDJSON line, or the array index + 1. */
export function parseProfiles(textIn: string, file: string): { profiles: Profile[]; bad: ProfileProblem[]; withoutLogin: number } {
  const text = textIn.replace(/^\uFEFF/, '');
  const profiles: Profile[] = [];
  const bad: ProfileProblem[] = [];
  let withoutLogin = 0;
  const take = (v: unknown, line: number, raw: string) => {
    const p = parseProfile(v);
    if (p === NO_LOGIN) withoutLogin++;
    else if (typeof p === 'string') bad.push({ file, line, reason: p, sample: raw.slice(0, 200) });
    else profiles.push(p);
  };
  if (text.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new CensusError(`${file}: not valid JSON (${(err as Error).message})`, { exitCode: ExitCode.badInput });
    }
    if (!Array.isArray(parsed)) throw new CensusError(`${file}: expected a JSON array or NDJSON`, { exitCode: ExitCode.badInput });
    parsed.forEach((v: unknown, i) => take(v, i + 1, JSON.stringify(v) ?? ''));
    return { profiles, bad, withoutLogin };
  }
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      take(JSON.parse(raw), i + 1, raw);
    } catch {
      bad.push({ file, line: i + 1, reason: 'not a JSON object', sample: raw.slice(0, 200) });
    }
  });
  return { profiles, bad, withoutLogin };
}

export async function importProfiles(ctx: Context, file: string): Promise<{ file: string; imported: number; withoutLogin: number; bad: ProfileProblem[] }> {
  if (!existsSync(file)) throw new CensusError(`${file}: no such file`, { exitCode: ExitCode.notFound });
  const bytes = readFileSync(file);
  const { profiles, bad, withoutLogin } = parseProfiles(bytes.toString('utf8'), file);
  const source = basename(file);
  const sourceId = `profiles:${source}`;
  const w = await ctx.store.writer('profiles', 'stage');
  const seen = new Set<string>();
  for (const p of profiles) {
    const key = p.login.toLowerCase();
    if (seen.has(key) || ctx.optout.matchesAny([p.login, p.name, p.email])) continue;
    seen.add(key);
    w.append([p.login, p.name, p.email, p.company, p.location, p.createdAt, source]);
  }
  const problems = await ctx.store.writer('ingest_problems', 'stage');
  for (const b of bad) problems.append([sourceId, b.file, b.line, null, b.reason, b.sample]);
  await w.close();
  await problems.close();
  await ctx.store.transaction(async () => {
    await ctx.store.run(q('profiles.forget'));
    await ctx.store.run(q('profiles.merge'));
    await ctx.store.run(q('ingest_problems.forget'), { source_id: sourceId });
    await ctx.store.run(q('ingest_problems.merge'));
    await ctx.store.run(q('ingest_sources.forget'), { source_id: sourceId });
    await ctx.store.run(q('ingest_sources.record'), {
      source_id: sourceId, kind: 'profiles', location: file, repo: '',
      fingerprint: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      records: profiles.length, added: w.count, bad_records: bad.length, bytes: bytes.length,
    });
  });
  return { file, imported: w.count, withoutLogin, bad };
}
