// Tests for the counting spec: the shipped data/contribution-spec.yaml is valid and says what DevStats counts; bad specs fail clearly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../config.ts';
import { describeSpec, loadSpec, readSpec, specKinds, specLabel } from './spec.ts';

test('the shipped spec: the seven DevStats event types, commits credited to their author, exact counts', () => {
  const s = loadSpec(DEFAULT_DATA_DIR);
  assert.equal(specLabel(s), 'devstats-7 v1');
  assert.deepEqual([...s.events].sort(), ['CommitCommentEvent', 'IssueCommentEvent', 'IssuesEvent', 'PullRequestEvent', 'PullRequestReviewCommentEvent', 'PullRequestReviewEvent', 'PushEvent']);
  assert.deepEqual(s.commitRoles, ['author']);
  assert.deepEqual(specKinds(s), ['prs_opened', 'prs_merged', 'reviews', 'review_comments', 'issue_comments', 'issues', 'commit_comments', 'commits', 'other']);
  assert.equal(s.rules.find((r) => r.kind === 'prs_merged')?.credit, 'subject');
  assert.match(describeSpec(s), /prs_merged +PullRequestEvent \(action closed\), merged: credited to the author/);
});

const dir = mkdtempSync(join(tmpdir(), 'census-spec-'));
const specFile = (body: string) => {
  const f = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, body);
  return f;
};
const valid = `id: x
version: 2
summary: s
events: [PushEvent, IssuesEvent]
kinds:
  - { kind: issues, type: IssuesEvent, actions: [opened] }
  - { kind: commits, type: PushEvent }
commits: { roles: [author, pusher], from: [pushes] }
distinct: exact
`;

test('a valid custom spec loads; each mistake is named with the file', () => {
  assert.deepEqual(readSpec(specFile(valid)).commitRoles, ['author', 'pusher']);
  const cases: [string, RegExp][] = [
    [valid.replace('version: 2', 'version: two'), /version must be a whole number/],
    [valid.replace('IssuesEvent]', 'StarEvent]'), /"StarEvent" is not a GitHub event type/],
    [valid.replace('kind: issues', 'kind: stars'), /"stars" is not one of/],
    [valid.replace('type: PushEvent }', 'type: IssuesEvent }'), /kind commits comes from PushEvent/],
    [valid.replace('{ kind: commits, type: PushEvent }', '{ kind: issues, type: PushEvent }'), /kind issues has two rules/],
    [valid.replace('pusher', 'reviewer'), /"reviewer" is not one of author, committer, pusher/],
    [valid.replace('distinct: exact', 'distinct: approximate'), /distinct must be "exact"/],
    [valid.replace('type: IssuesEvent, actions', 'type: WatchEvent, actions'), /WatchEvent is not among the counted events/],
  ];
  for (const [body, want] of cases) assert.throws(() => readSpec(specFile(body)), want);
});
