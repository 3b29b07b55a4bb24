// Tests for parseEvent: both GH Archive formats, the awkward cases, and what counts as a bad event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEvent, type GhEvent } from './gharchive-event.ts';
import { issueComment, pr, push, rng, timeline, type Common } from '../../test/fixtures/gharchive/events.ts';

const r = rng(1);
const all = () => true;
const c = (over: Partial<Common> = {}): Common => ({ id: '42', actor: { login: 'adal', id: 7 }, repo: { name: 'demo/app', id: 9, org: { login: 'demo', id: 3 } }, at: 1_717_200_000, ...over });
const ok = (v: unknown): GhEvent => {
  const res = parseEvent(v, all);
  assert.ok(res.ok && res.event, JSON.stringify(res));
  return res.event;
};
const bad = (v: unknown) => {
  const res = parseEvent(v, all);
  assert.equal(res.ok, false);
  return res.ok ? '' : res.reason;
};

test('Events API: the fields the counting spec needs, from a merged pull request', () => {
  const e = ok(pr(c(), { action: 'closed', number: 12, author: { login: 'ghopper', id: 8 }, title: 't', body: 'naïve 修复 🚀', merged: true }, r));
  assert.deepEqual(
    [e.id, e.format, e.type, e.actorLogin, e.actorId, e.repo, e.repoId, e.org, e.createdAt, e.action, e.number, e.merged, e.subjectLogin],
    ['42', 'events', 'PullRequestEvent', 'adal', 7, 'demo/app', 9, 'demo', 1_717_200_000, 'closed', 12, true, 'ghopper'],
  );
  assert.equal(e.bodyLength, 'naïve 修复 🚀'.length);
  assert.equal(e.bodySig, null); // short text: no template signature
});

test('Events API pushes list their commits (author as git wrote it) and their size', () => {
  const e = ok(push(c(), { commits: [{ sha: 'a'.repeat(40), name: 'Zoë', email: 'zoe@x.io', message: 'm' }], size: 25 }, r));
  assert.equal(e.commits, 25);
  assert.deepEqual(e.pushed, [{ sha: 'a'.repeat(40), authorName: 'Zoë', authorEmail: 'zoe@x.io', distinct: true }]);
  // GitHub stopped listing commits in 2025: no list, no size; the push is still an event.
  const bare = ok({ ...push(c(), { commits: [] }, r), payload: { ref: 'refs/heads/main', head: 'b'.repeat(40) } });
  assert.deepEqual([bare.commits, bare.pushed], [null, []]);
});

test('null payload fields are data, not errors', () => {
  const e = ok({ ...issueComment(c(), { number: 1, issueAuthor: { login: 'x', id: 1 }, body: 'b' }, r), payload: { action: 'created', issue: null, comment: null } });
  assert.deepEqual([e.number, e.subjectLogin, e.bodyLength], [null, null, null]);
  assert.ok(ok({ ...issueComment(c(), { number: 1, issueAuthor: { login: 'x', id: 1 }, body: 'b' }, r), payload: null }));
});

test('Timeline (2011-2014): actor as a string, repository object, Pacific offsets, no id', () => {
  const repo = { owner: 'demo-legacy', name: 'app', id: 9, organization: 'demo-legacy' };
  const line = timeline('PushEvent', { login: 'adal', name: 'Ada', email: 'ada@x.io', location: 'Berlin' }, repo, 1_402_174_860,
    { shas: [['c'.repeat(40), 'ada@x.io', 'msg', 'Ada Lovelace', true]], size: 1, ref: 'refs/heads/master', head: 'c'.repeat(40) }, 'https://github.com/demo-legacy/app/compare/a...b');
  const e = ok(line);
  assert.deepEqual([e.format, e.repo, e.org, e.actorLogin, e.createdAt, e.actorId], ['timeline', 'demo-legacy/app', 'demo-legacy', 'adal', 1_402_174_860, null]);
  assert.deepEqual(e.pushed, [{ sha: 'c'.repeat(40), authorEmail: 'ada@x.io', authorName: 'Ada Lovelace', distinct: true }]);
  assert.deepEqual(e.actorProfile, { name: 'Ada', email: 'ada@x.io', company: null, location: 'Berlin' });
  // The derived id is the same for the same event (a copy in another file) and differs for another one.
  assert.equal(ok(JSON.parse(JSON.stringify(line))).id, e.id);
  assert.notEqual(ok({ ...line, created_at: '2014-06-07T14:02:00-07:00' }).id, e.id);
  assert.match(e.id, /^t[0-9a-f]{24}$/);
  // Comment events of that era carry no action: each was a creation.
  const comment = ok(timeline('IssueCommentEvent', { login: 'adal' }, repo, 1_402_174_860, { issue_id: 1, comment_id: 2 }, 'u'));
  assert.equal(comment.action, 'created');
});

test('out of scope is decided on the repository alone; events without a repository are simply not in scope', () => {
  const noDemo = (repo: string) => !repo.startsWith('demo/');
  assert.deepEqual(parseEvent({ ...pr(c(), { action: 'opened', number: 1, author: { login: 'a', id: 1 }, title: 't', body: null }, r), type: 'Nonsense' }, noDemo), { ok: true, event: null });
  assert.deepEqual(parseEvent({ type: 'FollowEvent', actor: 'adal', created_at: '2014-01-01T00:00:00-08:00', payload: {} }, all), { ok: true, event: null });
});

test('bad events in scope: missing fields, unknown types, unreadable dates', () => {
  const base = pr(c(), { action: 'opened', number: 1, author: { login: 'a', id: 1 }, title: 't', body: null }, r);
  assert.equal(bad('x'), 'not a JSON object');
  assert.equal(bad({ ...base, id: undefined }), 'missing field: id');
  assert.equal(bad({ ...base, actor: null }), 'missing field: actor login');
  assert.equal(bad({ ...base, type: 'FutureEvent' }), 'unknown event type "FutureEvent"');
  assert.equal(bad({ ...base, type: undefined }), 'missing field: type');
  assert.match(bad({ ...base, created_at: 'yesterday' }), /created_at "yesterday"/);
  assert.equal(bad({ ...base, repo: { id: 1 } }), 'missing field: repository name');
  assert.equal(ok({ ...base, id: 123 }).id, '123'); // a numeric id, as some re-serialised archives have
});
