// End to end: `census serve` computes what every first visit asks (default views, footer, filter bar) right after it
// listens, and /api/status says when that is done, so a visitor (or a load test) knows the first page will not wait.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureDb, getJson, serve, type Served } from './serve-harness.ts';

let s: Served;
before(async () => { s = await serve(fixtureDb()); });
after(async () => { await s.stop(); });

test('the default views are computed at start; /api/status reports ready, and the log says how long it took', async () => {
  let status = await getJson(`${s.url}api/status`);
  assert.equal(status.status, 200);
  const deadline = Date.now() + 30_000;
  while (!(status.body.snapshot as { ready: boolean }).ready && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    status = await getJson(`${s.url}api/status`);
  }
  assert.equal((status.body.snapshot as { ready: boolean }).ready, true, 'ready within 30 s on the fixtures');
  assert.match(s.stderr(), /copy 1: the default views' answers are ready \(\d+ ms\)/);
  // Two query threads answer distinct questions at once, each with its copy open.
  const answers = await Promise.all(['2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01'].map((since) => getJson(`${s.url}api/reports/contributors-by-country?since=${since}`)));
  assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200]);
});
