// Stage `events` (+ event_commits, gharchive_hours): one GH Archive hour file -> rows, in one transaction per hour.
import { createHash } from 'node:crypto';
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { redact, type Problem } from './commits.ts';
import { parseEvent, type GhEvent } from './gharchive-event.ts';
import { fingerprintFile, openHour, type HourFile } from './gharchive-files.ts';
import { LineScanner } from './gharchive-lines.ts';
import type { Scope } from './gharchive-scope.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export interface HourOutcome {
  sourceId: string;
  file: HourFile;
  skipped: boolean;
  /** Events in the file (every non-blank line), in scope or not. */
  lines: number;
  inScope: number;
  /** New events stored; in scope minus those already stored from another file. */
  added: number;
  duplicates: number;
  bad: number;
  samples: Problem[];
}

const SAMPLES_KEPT = 20;
const SAMPLE_CHARS = 200;
/** Where the profile a Timeline event carries (`actor_attributes`) is filed in `profiles`. */
export const TIMELINE_PROFILE_SOURCE = 'gharchive actor_attributes';
const OPTED_OUT_LOGIN = 'opted-out.';

/** Opt-out at ingest: a matching login is stored only as a stable hash; never a valid GitHub login (it has a dot). */
export const redactLogin = (login: string) => `${OPTED_OUT_LOGIN}${createHash('sha256').update(login.toLowerCase()).digest('hex').slice(0, 16)}`;
export const isRedactedLogin = (login: string | null) => login !== null && login.startsWith(OPTED_OUT_LOGIN);

const hourText = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** Opt-out decisions are hashes of every value: each is decided once per run (logins recur hour after hour). */
const CACHE_LIMIT = 500_000;
const caches = new WeakMap<Context, ReturnType<typeof newCache>>();
const newCache = () => ({ logins: new Map<string, string>(), people: new Map<string, { name: string; email: string }>() });

function optOutCache(ctx: Context) {
  let c = caches.get(ctx);
  if (!c || c.logins.size + c.people.size > CACHE_LIMIT) caches.set(ctx, (c = newCache()));
  const { logins, people } = c;
  return {
    login(l: string | null): string | null {
      if (l === null) return null;
      let r = logins.get(l);
      if (r === undefined) logins.set(l, (r = ctx.optout.matchesAny([l]) ? redactLogin(l) : l));
      return r;
    },
    person(name: string, email: string) {
      const k = `${name}\0${email}`;
      let r = people.get(k);
      if (r === undefined) people.set(k, (r = redact(ctx, { name, email })));
      return r;
    },
  };
}

export async function ingestHour(ctx: Context, file: HourFile, scope: Scope): Promise<HourOutcome> {
  const { store } = ctx;
  const sourceId = `gharchive:${file.label}`;
  const outcome: HourOutcome = { sourceId, file, skipped: false, lines: 0, inScope: 0, added: 0, duplicates: 0, bad: 0, samples: [] };
  const fingerprint = `${await fingerprintFile(file.path)};${scope.key}`;
  const done = await store.query(q('ingest_sources.done'), { source_id: sourceId, fingerprint });
  if (done.length > 0) return { ...outcome, skipped: true, inScope: Number(done[0]!.records), bad: Number(done[0]!.bad_records) };

  const hour = hourText(file.hour);
  await store.transaction(async () => {
    const events = await store.writer('events', 'stage');
    const commits = await store.writer('event_commits', 'stage');
    await store.run(q('ingest_problems.forget'), { source_id: sourceId });
    const problems = await store.writer('ingest_problems');
    const profiles = new Map<string, GhEvent>();
    const seen = new Set<string>();
    const opt = optOutCache(ctx);
    const problem = (line: number, offset: number, reason: string, sample: string) => {
      outcome.bad++;
      const p = { file: file.path, line, byteOffset: offset, reason, sample: sample.slice(0, SAMPLE_CHARS) };
      if (outcome.samples.length < SAMPLES_KEPT) outcome.samples.push(p);
      problems.append([sourceId, p.file, p.line, p.byteOffset, p.reason, p.sample]);
    };
    const keep = (e: GhEvent) => {
      outcome.inScope++;
      if (seen.has(e.id)) { outcome.duplicates++; return; }
      seen.add(e.id);
      events.append([
        e.id, e.type, opt.login(e.actorLogin), e.actorId, e.repo, e.repoId, e.org, e.createdAt, e.action, e.number, e.merged,
        opt.login(e.subjectLogin), e.commits, e.distinctCommits, e.ref, e.reviewState, e.bodyLength, e.bodySig, e.format, file.hour,
      ]);
      for (const c of e.pushed) {
        const a = opt.person(c.authorName, c.authorEmail);
        commits.append([e.id, e.repo, c.sha, a.name, a.email, c.distinct, e.createdAt]);
      }
      if (e.actorProfile) profiles.set(e.actorLogin, e);
    };
    const scanner = new LineScanner(scope.mayMatch, {
      candidate(text, line, offset) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (err) {
          return problem(line, offset, `not valid JSON (${(err as Error).message.slice(0, 80)})`, text);
        }
        const r = parseEvent(value, scope.matches);
        if (!r.ok) problem(line, offset, r.reason, text);
        else if (r.event) keep(r.event);
      },
      malformed: (reason, sample, line, offset) => problem(line, offset, reason, sample),
    });
    try {
      for await (const chunk of openHour(file)) scanner.push(chunk);
      scanner.end();
    } finally {
      for (const w of [events, commits, problems]) await w.close();
    }
    outcome.lines = scanner.lines;

    const w = await store.writer('profiles', 'stage');
    for (const [login, e] of profiles) {
      const p = e.actorProfile!;
      if (ctx.optout.matchesAny([login, p.name, p.email])) continue;
      w.append([login, p.name, p.email?.includes('@') ? p.email.toLowerCase() : null, p.company, p.location, null, TIMELINE_PROFILE_SOURCE]);
    }
    await w.close();

    const params = { hour, source: TIMELINE_PROFILE_SOURCE };
    await store.run(q('event_commits.forget-hour'), params);
    await store.run(q('events.forget-hour'), params);
    await store.run(q('events.drop-stored'));
    const fresh = Number((await store.query(q('events.count-new')))[0]!.n);
    outcome.added = fresh;
    outcome.duplicates += events.count - fresh;
    await store.run(q('event_commits.merge'));
    await store.run(q('events.merge'));
    await store.run(q('profiles.timeline-forget'), params);
    await store.run(q('profiles.timeline-merge'));
    await store.run(q('gharchive_hours.forget'), params);
    await store.run(q('gharchive_hours.record'), {
      hour, label: file.label, file: file.path, events: outcome.lines, in_scope: outcome.inScope, stored: outcome.added,
      bad_lines: outcome.bad, bytes: scanner.bytes, scope: scope.key,
    });
    await store.run(q('ingest_sources.forget'), { source_id: sourceId });
    await store.run(q('ingest_sources.record'), {
      source_id: sourceId, kind: 'gharchive', location: file.path, repo: '', fingerprint,
      records: outcome.inScope, added: outcome.added, bad_records: outcome.bad, bytes: scanner.bytes,
    });
  });
  return outcome;
}
