// Import `gitdm_affiliations` (+ gitdm_identities): one developers_affiliations file per transaction, replaced whole on re-import.
import { readFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { parseGitdm, type BadRecord } from './gitdm.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export interface ImportOutcome { file: string; skipped: boolean; entries: number; bad: BadRecord[] }

export async function importGitdm(ctx: Context, file: string): Promise<ImportOutcome> {
  if (!existsSync(file)) throw new CensusError(`${file}: no such file`, { exitCode: ExitCode.notFound });
  const bytes = readFileSync(file);
  const fingerprint = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const source = basename(file);
  const sourceId = `gitdm:${source}`;
  if ((await ctx.store.query(q('ingest_sources.done'), { source_id: sourceId, fingerprint })).length > 0) {
    return { file, skipped: true, entries: 0, bad: [] };
  }
  const { entries, bad } = parseGitdm(bytes.toString('utf8'), file);
  const ids = await ctx.store.writer('gitdm_identities', 'stage');
  const affs = await ctx.store.writer('gitdm_affiliations', 'stage');
  const problems = await ctx.store.writer('ingest_problems', 'stage');
  for (const e of entries) {
    // Opt-out at ingest: a matching login or e-mail keeps none of its rows.
    if (ctx.optout.matchesAny([e.login, ...e.emails])) continue;
    for (const email of e.emails) ids.append([source, e.line, e.login, email]);
    for (const a of e.affiliations) affs.append([source, e.line, e.login, a.company, a.from, a.until]);
  }
  for (const b of bad) problems.append([sourceId, b.file, b.line, null, b.reason, b.sample]);
  for (const w of [ids, affs, problems]) await w.close();
  await ctx.store.transaction(async () => {
    for (const t of ['gitdm_identities', 'gitdm_affiliations']) {
      await ctx.store.run(q(`${t}.forget`), { source });
      await ctx.store.run(q(`${t}.merge`));
    }
    await ctx.store.run(q('ingest_problems.forget'), { source_id: sourceId });
    await ctx.store.run(q('ingest_problems.merge'));
    await ctx.store.run(q('ingest_sources.forget'), { source_id: sourceId });
    await ctx.store.run(q('ingest_sources.record'), {
      source_id: sourceId, kind: 'gitdm', location: file, repo: '', fingerprint,
      records: entries.length, added: entries.length, bad_records: bad.length, bytes: bytes.length,
    });
  });
  return { file, skipped: false, entries: entries.length, bad };
}
