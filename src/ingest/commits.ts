// Stage `commits` (+ commit_files, commit_coauthors): one CommitSource -> rows, in one transaction per source.
import { createHash } from 'node:crypto';
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { splitRecords } from './gitlog-stream.ts';
import { parseRecord, type Person } from './gitlog-record.ts';
import type { CommitSource } from './source.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export interface Problem { file: string; line: number; byteOffset: number; reason: string; sample: string }
export interface IngestOutcome {
  sourceId: string;
  location: string;
  skipped: boolean;
  records: number;
  added: number;
  bad: number;
  samples: Problem[];
}

const SAMPLES_KEPT = 20;
export const OPTED_OUT_NAME = '(opted out)';
const OPTED_OUT_DOMAIN = 'opt-out.invalid';

/** Opt-out applies at ingest: a matching identity is stored only as a stable hash, never as its name or e-mail. */
export function redact(ctx: Context, p: Person): Person {
  if (!ctx.optout.matchesAny([p.name, p.email])) return p;
  const h = createHash('sha256').update(p.email.trim().toLowerCase() || p.name.trim().toLowerCase()).digest('hex').slice(0, 16);
  return { name: OPTED_OUT_NAME, email: `${h}@${OPTED_OUT_DOMAIN}` };
}

/** The same few thousand identities recur on every commit: decide each once per source. */
function redactor(ctx: Context): (p: Person) => Person {
  const seen = new Map<string, Person>();
  return (p) => {
    const key = `${p.name}\0${p.email}`;
    let r = seen.get(key);
    if (r === undefined) {
      r = redact(ctx, p);
      seen.set(key, r);
    }
    return r;
  };
}
export const isRedactedEmail = (email: string) => email.endsWith(`@${OPTED_OUT_DOMAIN}`);

export async function ingestCommits(ctx: Context, source: CommitSource): Promise<IngestOutcome> {
  const { store } = ctx;
  const outcome: IngestOutcome = { sourceId: source.sourceId, location: source.location, skipped: false, records: 0, added: 0, bad: 0, samples: [] };
  const done = await store.query(q('ingest_sources.done'), { source_id: source.sourceId, fingerprint: source.fingerprint });
  if (done.length > 0) {
    return { ...outcome, skipped: true, records: Number(done[0]!.records), bad: Number(done[0]!.bad_records) };
  }

  // One transaction for the whole source: a kill at any point leaves the store as it was before this run.
  await store.transaction(async () => {
    // A repository seen for the first time needs no de-duplication: rows go straight into the tables.
    const known = Number((await store.query(q('commits.repo-known'), { repo: source.repo }))[0]!.n) > 0;
    const target = known ? 'stage' : 'table';
    const commits = await store.writer('commits', target);
    const files = await store.writer('commit_files', target);
    const coauthors = await store.writer('commit_coauthors', target);
    await store.run(q('ingest_problems.forget'), { source_id: source.sourceId });
    const problems = await store.writer('ingest_problems');
    const problem = (p: Problem) => {
      outcome.bad++;
      if (outcome.samples.length < SAMPLES_KEPT) outcome.samples.push(p);
      problems.append([source.sourceId, p.file, p.line, p.byteOffset, p.reason, p.sample]);
    };

    const bar = ctx.progress(source.repo, source.total);
    const redacted = redactor(ctx);
    let bytes = 0;
    try {
      for await (const raw of splitRecords(source.open((n) => bar.update(n)))) {
        bytes += raw.text.length;
        const at = { file: source.location, line: raw.line, byteOffset: raw.byteOffset };
        if (raw.preamble) { problem({ ...at, reason: 'data before the first record separator (\\x1e)', sample: raw.text.slice(0, 200) }); continue; }
        if (raw.oversize) { problem({ ...at, reason: 'record larger than the limit; skipped', sample: raw.text.slice(0, 200) }); continue; }
        const parsed = parseRecord(raw.text);
        if (!parsed.ok) {
          problem({ ...at, line: raw.line + parsed.problem.lineInRecord - 1, reason: parsed.problem.reason, sample: parsed.problem.sample });
          continue;
        }
        const c = parsed.commit;
        if (raw.invalidUtf8) problem({ ...at, reason: 'invalid UTF-8; kept with U+FFFD in place of the bad bytes', sample: c.sha });
        for (const p of parsed.problems) problem({ ...at, line: raw.line + p.lineInRecord - 1, reason: p.reason, sample: p.sample });
        outcome.records++;
        const author = redacted(c.author);
        const committer = redacted(c.committer);
        let added = 0;
        let deleted = 0;
        for (const f of c.files) {
          added += f.added ?? 0;
          deleted += f.deleted ?? 0;
          files.append([source.repo, c.sha, f.path, f.oldPath, f.added, f.deleted, f.binary]);
        }
        c.coauthors.forEach((p, i) => {
          const r = redacted(p);
          coauthors.append([source.repo, c.sha, i, r.name, r.email]);
        });
        commits.append([
          source.repo, c.sha, author.name, author.email, c.authorAt, c.authorTz,
          committer.name, committer.email, c.committerAt, c.committerTz, c.subject, c.files.length, added, deleted,
        ]);
      }
      await source.finish();
    } finally {
      bar.stop();
      for (const w of [commits, files, coauthors, problems]) await w.close();
    }

    if (known) {
      outcome.added = Number((await store.query(q('commits.count-new')))[0]!.n);
      await store.run(q('commits.merge-files'));
      await store.run(q('commits.merge-coauthors'));
      await store.run(q('commits.merge'));
    } else {
      outcome.added = outcome.records;
    }
    await store.run(q('ingest_sources.forget'), { source_id: source.sourceId });
    await store.run(q('ingest_sources.record'), {
      source_id: source.sourceId, kind: source.kind, location: source.location, repo: source.repo,
      fingerprint: source.fingerprint, records: outcome.records, added: outcome.added, bad_records: outcome.bad, bytes,
    });
  });
  return outcome;
}
