// The one suite every Store backend runs (Hono's pattern): known gaps are skipped by name, with the reason.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { sqlFile, type Store } from './store.ts';
import { tableNames } from './tables.ts';
import type { Context } from '../context.ts';
import { loadConfig } from '../config.ts';
import { loadOptOutLists, optOutMatcher } from '../identity/optout.ts';
import { ingestCommits } from '../ingest/commits.ts';
import { gitlogFileSource } from '../ingest/gitlog-file.ts';

export interface Backend {
  readonly name: string;
  /** A new, empty, initialised store for one test. */
  open(): Promise<Store>;
  /** Contract tests this backend cannot meet: test name -> why. */
  readonly gaps?: Readonly<Record<string, string>>;
}

const q = (name: string) => sqlFile(import.meta.url, `contract/${name}`);
const FIXTURE = fileURLToPath(new URL('../../test/fixtures/gitlog/demo__app.log.gz', import.meta.url));
const OPTOUT = fileURLToPath(new URL('../../test/fixtures/optout/forbidden-sha256.csv', import.meta.url));

const SHA = 'c'.repeat(40);
const commit = [
  'demo/x', SHA, 'Zoë', 'zoe@example.com', 1_700_000_000, -420, 'Zoë', 'zoe@example.com', 1_700_000_100, 120,
  'ünïcode "quoted" \\ subject', 1, 9_007_199_254_740_000, 0,
];
const file = ['demo/x', SHA, 'a/b.txt', null, null, null, true];
const person = ['p1', 'Zoë', ['zoe', 'zoe2'], ['zoe@example.com'], ['Zoë'], null, null, false];
const affiliation = ['p1', 'Acme', '1999-12-31', null, 'gitdm', SHA];

async function fill(store: Store, table: Parameters<Store['writer']>[0], rows: unknown[][]): Promise<void> {
  const w = await store.writer(table);
  for (const r of rows) w.append(r);
  await w.close();
}

function context(store: Store): Context {
  const config = loadConfig({ db: 'unused.duckdb', optOut: [OPTOUT] });
  return { store, config, optout: optOutMatcher(loadOptOutLists([OPTOUT])), log: { info() {}, warn() {} }, progress: () => ({ update() {}, stop() {} }) };
}

const countsOf = async (s: Store) => ({
  commits: await s.count('commits'), files: await s.count('commit_files'), coauthors: await s.count('commit_coauthors'),
  sources: await s.count('ingest_sources'),
});

export function storeContract(backend: Backend): void {
  const it = (name: string, fn: (s: Store) => Promise<void>) => {
    const gap = backend.gaps?.[name];
    test(name, gap ? { skip: `known gap on ${backend.name}: ${gap}` } : {}, async () => {
      const store = await backend.open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    });
  };

  describe(`Store contract: ${backend.name}`, () => {
    it('creates every declared table empty, and init runs again safely', async (s) => {
      await s.init();
      for (const t of tableNames) assert.equal(await s.count(t), 0, t);
    });

    it('prefers the sibling <name>.<kind>.sql of a statement', async (s) => {
      assert.deepEqual(await s.query(q('kind')), [{ kind: s.kind }]);
    });

    it('reads BIGINT as numbers, TIMESTAMP and DATE as ISO instants, lists as arrays, NULL as null', async (s) => {
      await fill(s, 'commits', [commit]);
      await fill(s, 'commit_files', [file]);
      await fill(s, 'people', [person]);
      await fill(s, 'affiliations', [affiliation]);
      assert.deepEqual(await s.query(q('values')), [{
        sha: SHA, author_at: '2023-11-14T22:13:20.000Z', author_tz: -420, added: 9_007_199_254_740_000, subject: commit[10],
        old_path: null, file_added: null, is_binary: true, from_date: '1999-12-31T00:00:00.000Z', until_date: null, logins: ['zoe', 'zoe2'],
      }]);
    });

    it('binds only the parameters a statement names; lists and nulls bind', async (s) => {
      await fill(s, 'people', [person, ['p2', 'Ann', [], [], [], null, null, false]]);
      const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.person_id);
      assert.deepEqual(ids(await s.query(q('params'), { name: null, ids: [], flag: true, unused: 'x' })), ['p1', 'p2']);
      assert.deepEqual(ids(await s.query(q('params'), { name: 'Ann', ids: [], flag: true })), ['p2']);
      assert.deepEqual(ids(await s.query(q('params'), { name: null, ids: ['p1', "o'brien"], flag: true })), ['p1']);
      assert.deepEqual(ids(await s.query(q('params'), { name: null, ids: [], flag: false })), []);
      await assert.rejects(() => s.query(q('params'), { name: null, ids: [] }));
    });

    it('a staging writer gives an empty private copy that SQL merges into the table', async (s) => {
      for (const round of [1, 2]) {
        const w = await s.writer('profiles', 'stage');
        w.append([`login${round}`, null, null, null, 'Berlin', 1_600_000_000, 'test']);
        await w.close();
        await s.run(q('merge-profiles'));
      }
      assert.deepEqual(await s.query(q('count-profiles')), [{ n: 2 }]);
    });

    it('refuses a NULL in a NOT NULL column', async (s) => {
      await assert.rejects(() => fill(s, 'email_companies', [['a@b.example', null]]));
    });

    it('truncate empties a table', async (s) => {
      await fill(s, 'email_companies', [['a@b.example', 'B']]);
      await s.truncate('email_companies');
      assert.equal(await s.count('email_companies'), 0);
    });

    it('a failed transaction leaves nothing behind', async (s) => {
      await assert.rejects(() => s.transaction(async () => {
        await fill(s, 'email_companies', [['a@b.example', 'B']]);
        throw new Error('interrupted');
      }));
      assert.equal(await s.count('email_companies'), 0);
    });

    it('a rebuild replaces the derived tables it truncates and keeps the others', async (s) => {
      await fill(s, 'email_companies', [['old@b.example', 'Old']]);
      await fill(s, 'company_owners', [['Old', 'Owner', '2020-01-01']]);
      const out = await s.rebuild(async () => {
        await s.truncate('email_companies');
        await fill(s, 'email_companies', [['new@b.example', 'New'], ['new2@b.example', 'New']]);
        assert.equal(await s.count('email_companies'), 2, 'the rebuild sees its own rows');
        assert.equal(await s.count('company_owners'), 1, 'and the tables it has not touched');
        return 'done';
      });
      assert.equal(out, 'done');
      assert.equal(await s.count('email_companies'), 2);
      assert.equal(await s.count('company_owners'), 1);
    });

    it('a failed rebuild keeps the previous derived tables', async (s) => {
      await fill(s, 'email_companies', [['old@b.example', 'Old']]);
      await assert.rejects(() => s.rebuild(async () => {
        await s.truncate('email_companies');
        await fill(s, 'email_companies', [['new@b.example', 'New']]);
        throw new Error('killed half-way');
      }));
      assert.deepEqual([...(await rowsOf(s, 'email_companies'))], [['old@b.example', 'Old']]);
    });

    it('scan gives every row back in the shapes writers take', async (s) => {
      await fill(s, 'commits', [commit]);
      await fill(s, 'commit_files', [file]);
      await fill(s, 'people', [person]);
      await fill(s, 'affiliations', [affiliation]);
      assert.deepEqual(await rowsOf(s, 'commits'), [commit]);
      assert.deepEqual(await rowsOf(s, 'commit_files'), [file]);
      assert.deepEqual(await rowsOf(s, 'people'), [person]);
      assert.deepEqual(await rowsOf(s, 'affiliations'), [affiliation]);
    });

    it('the same source ingested twice counts once', async (s) => {
      const ctx = context(s);
      const first = await ingestCommits(ctx, await gitlogFileSource(FIXTURE, 'demo/app'));
      const again = await ingestCommits(ctx, await gitlogFileSource(FIXTURE, 'demo/app'));
      assert.deepEqual([first.added, again.skipped], [10, true]);
      assert.deepEqual(await countsOf(s), { commits: 10, files: 12, coauthors: 2, sources: 1 });
    });

    it('an ingest interrupted after some rows were written completes when run again', async (s) => {
      const ctx = context(s);
      const clean = await ingestCommits(ctx, await gitlogFileSource(FIXTURE, 'demo/app'));
      const stored = await rowsOf(s, 'commits');
      for (const t of ['commits', 'commit_files', 'commit_coauthors', 'ingest_sources'] as const) await s.truncate(t);
      // A kill after the commits batch reached the database, before their files and the ingest_sources row did.
      await fill(s, 'commits', stored.slice(0, 4));
      const resumed = await ingestCommits(ctx, await gitlogFileSource(FIXTURE, 'demo/app'));
      assert.equal(resumed.added, clean.added - 4);
      assert.deepEqual(await countsOf(s), { commits: 10, files: 12, coauthors: 2, sources: 1 });
    });
  });
}

async function rowsOf(s: Store, table: Parameters<Store['scan']>[0]): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const batch of s.scan(table)) out.push(...batch);
  return out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
