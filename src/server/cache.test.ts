// The answer cache: one computation per question however many ask at once, failures retried, oldest dropped past budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnswerCache } from './cache.ts';

test('concurrent askers share one computation; a later ask is a hit', async () => {
  const cache = new AnswerCache<string>(1000, (s) => s.length);
  let runs = 0;
  const compute = async () => { runs++; await new Promise((r) => setTimeout(r, 5)); return 'answer'; };
  const answers = await Promise.all(Array.from({ length: 50 }, () => cache.get('q', compute)));
  assert.deepEqual(new Set(answers), new Set(['answer']));
  assert.equal(runs, 1);
  await cache.get('q', compute);
  assert.equal(runs, 1);
});

test('a failure is not remembered', async () => {
  const cache = new AnswerCache<string>(1000, (s) => s.length);
  await assert.rejects(cache.get('q', async () => { throw new Error('boom'); }), /boom/);
  assert.equal(await cache.get('q', async () => 'ok'), 'ok');
});

test('past the budget the least recently used answers go first', async () => {
  const cache = new AnswerCache<string>(10, (s) => s.length);
  await cache.get('a', async () => 'aaaa');
  await cache.get('b', async () => 'bbbb');
  await cache.get('a', async () => 'never');
  await cache.get('c', async () => 'cccc');
  let recomputed = false;
  assert.equal(await cache.get('a', async () => 'x'), 'aaaa');
  assert.equal(await cache.get('b', async () => { recomputed = true; return 'bbbb'; }), 'bbbb');
  assert.ok(recomputed, 'b was the least recently used');
});
