// Tests for resolvePeople, normaliseEmail and loginFromNoreply: merges happen only on evidence, ids are stable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { loginFromNoreply, normaliseEmail, resolvePeople, type AliasRow, type IdentityLink } from './people.ts';

// A tiny stand-in for data/generic-emails.yaml, so these tests pin the algorithm, not the data file.
const GENERIC = new Set(['noreply@github.com', 'root@localhost', 'you@example.com']);
const isGeneric = (e: string): boolean => GENERIC.has(e) || !e.includes('@');

let seq = 0;
const alias = (name: string, email: string, login: string | null = null, contributions = 1): AliasRow =>
  ({ aliasId: `a${++seq}`, name, email, login, contributions });
const gitdm = (login: string, email: string, line = 1): IdentityLink => ({ source: 'gitdm', login, email, ref: `developers_affiliations1.txt:${line}` });
const mailmap = (email: string, toEmail: string): IdentityLink => ({ source: 'mailmap', email, toEmail, ref: 'repo/.mailmap:3' });
const profile = (login: string, email: string): IdentityLink => ({ source: 'profile', login, email, ref: 'profiles.json:7' });

/** Groups of alias names per person, each group sorted, so a case reads as "who ended up together". */
function groups(aliases: AliasRow[], links: IdentityLink[] = []): string[][] {
  const { people } = resolvePeople(aliases, links, isGeneric);
  const nameOf = new Map(aliases.map((a) => [a.aliasId, `${a.name}<${a.email}>`]));
  return people.map((p) => p.aliasIds.map((id) => nameOf.get(id)!).sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
}

test('normaliseEmail trims and lower-cases, nothing else', () => {
  const cases: [string, string][] = [
    ['  Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['jane+tag@x.io', 'jane+tag@x.io'],
    ['j.a.n.e@gmail.com', 'j.a.n.e@gmail.com'],
  ];
  for (const [input, want] of cases) assert.equal(normaliseEmail(input), want, input);
});

test('loginFromNoreply reads both noreply forms and nothing else', () => {
  const cases: [string, string | null][] = [
    ['12345+octocat@users.noreply.github.com', 'octocat'],
    ['octocat@users.noreply.github.com', 'octocat'],
    [' 49699333+dependabot[bot]@users.noreply.github.com', 'dependabot[bot]'],
    ['198982749+Copilot@USERS.NOREPLY.GITHUB.COM', 'Copilot'],
    ['noreply@github.com', null],
    ['octocat@github.com', null],
    ['14729934+someone@user.noreply.gitee.com', null],
    ['a+b+c@users.noreply.github.com', null],
    ['octocat@users.noreply.github.com.evil.io', null],
  ];
  for (const [input, want] of cases) assert.equal(loginFromNoreply(input), want, input);
});

const cases: { name: string; aliases: AliasRow[]; links?: IdentityLink[]; want: string[][] }[] = [
  {
    name: 'same name, different unlinked e-mails: two people',
    aliases: [alias('Jane Doe', 'jane@a.io'), alias('Jane Doe', 'jane@b.io')],
    want: [['Jane Doe<jane@a.io>'], ['Jane Doe<jane@b.io>']],
  },
  {
    name: 'same e-mail after trim + lower-case, different names: one person',
    aliases: [alias('Jane Doe', 'Jane@A.io'), alias('jdoe', ' jane@a.io')],
    want: [['Jane Doe<Jane@A.io>', 'jdoe< jane@a.io>']],
  },
  {
    name: 'noreply with and without numeric id give the same login',
    aliases: [alias('Jane', '123+jdoe@users.noreply.github.com'), alias('J', 'jdoe@users.noreply.github.com'), alias('Other', '9+other@users.noreply.github.com')],
    want: [['J<jdoe@users.noreply.github.com>', 'Jane<123+jdoe@users.noreply.github.com>'], ['Other<9+other@users.noreply.github.com>']],
  },
  {
    name: 'noreply login meets an alias that carries the login',
    aliases: [alias('Jane', '123+JDoe@users.noreply.github.com'), alias('Jane D', 'jane@work.io', 'jdoe')],
    want: [['Jane D<jane@work.io>', 'Jane<123+JDoe@users.noreply.github.com>']],
  },
  {
    name: 'mailmap merges two e-mails',
    aliases: [alias('Jane', 'jane@old.io'), alias('Jane Doe', 'jane@new.io')],
    links: [mailmap('JANE@OLD.IO', 'jane@new.io')],
    want: [['Jane Doe<jane@new.io>', 'Jane<jane@old.io>']],
  },
  {
    name: 'gitdm login with two e-mails merges them',
    aliases: [alias('Jane', 'jane@a.io'), alias('Jane', 'jane@b.io')],
    links: [gitdm('jdoe', 'jane@a.io'), gitdm('JDoe', 'jane@b.io', 9)],
    want: [['Jane<jane@a.io>', 'Jane<jane@b.io>']],
  },
  {
    name: 'gitdm e-mail under two logins merges no one',
    aliases: [alias('Jane', 'jane@a.io'), alias('Joe', 'joe@b.io'), alias('Shared', 'shared@c.io')],
    links: [gitdm('jdoe', 'jane@a.io'), gitdm('jdoe', 'shared@c.io'), gitdm('joe', 'joe@b.io'), gitdm('joe', 'Shared@c.io')],
    want: [['Jane<jane@a.io>'], ['Joe<joe@b.io>'], ['Shared<shared@c.io>']],
  },
  {
    name: 'gitdm noreply address of another login is ignored',
    aliases: [alias('Jane', 'jane@a.io'), alias('Bob', '5+bob@users.noreply.github.com')],
    links: [gitdm('jdoe', 'jane@a.io'), gitdm('jdoe', '5+bob@users.noreply.github.com')],
    want: [['Bob<5+bob@users.noreply.github.com>'], ['Jane<jane@a.io>']],
  },
  {
    name: 'generic e-mail never merges, whatever the links say',
    aliases: [alias('Jane', 'root@localhost'), alias('Joe', 'root@localhost'), alias('Jane', 'jane@a.io')],
    links: [mailmap('root@localhost', 'jane@a.io'), gitdm('jdoe', 'root@localhost'), profile('jdoe', 'jane@a.io')],
    want: [['Jane<jane@a.io>'], ['Jane<root@localhost>'], ['Joe<root@localhost>']],
  },
  {
    name: 'same name on two different generic e-mails: two people',
    aliases: [alias('Jane', 'root@localhost'), alias('Jane', 'you@example.com')],
    want: [['Jane<root@localhost>'], ['Jane<you@example.com>']],
  },
  {
    name: 'generic e-mail with the same name stays one alias key, and a login still merges',
    aliases: [alias('Jane', 'noreply@github.com'), alias('Jane', 'NOREPLY@github.com'), alias('Jane', 'noreply@github.com', 'jdoe'), alias('J', 'j@a.io', 'jdoe')],
    want: [['J<j@a.io>', 'Jane<noreply@github.com>'], ['Jane<NOREPLY@github.com>', 'Jane<noreply@github.com>']],
  },
  {
    name: 'profile login links an e-mail to a noreply alias',
    aliases: [alias('Jane', 'jane@a.io'), alias('jdoe', 'jdoe@users.noreply.github.com')],
    links: [profile('jdoe', 'jane@a.io')],
    want: [['Jane<jane@a.io>', 'jdoe<jdoe@users.noreply.github.com>']],
  },
  {
    name: 'links are transitive through nodes no alias uses',
    aliases: [alias('Jane', 'jane@a.io'), alias('Jane', 'jane@c.io')],
    links: [gitdm('jdoe', 'jane@a.io'), gitdm('jdoe', 'jane@b.io'), mailmap('jane@c.io', 'jane@b.io')],
    want: [['Jane<jane@a.io>', 'Jane<jane@c.io>']],
  },
  {
    name: 'empty e-mail without login stays apart from other empty e-mails',
    aliases: [alias('Copilot Autofix', ''), alias('Someone', '')],
    want: [['Copilot Autofix<>'], ['Someone<>']],
  },
];

for (const c of cases) {
  test(`resolvePeople: ${c.name}`, () => {
    assert.deepEqual(groups(c.aliases, c.links ?? []), c.want);
  });
}

test('rejected links say why, and links that touch no alias create no people', () => {
  const aliases = [alias('Jane', 'jane@a.io')];
  const links = [gitdm('x', 'dup@z.io'), gitdm('y', 'dup@z.io'), gitdm('jdoe', '7+bob@users.noreply.github.com'), gitdm('lonely', 'lonely@z.io'), mailmap('you@example.com', 'jane@a.io'), profile('', 'jane@a.io')];
  const { people, rejected } = resolvePeople(aliases, links, isGeneric);
  assert.equal(people.length, 1);
  assert.deepEqual(people[0]!.logins, []);
  const reasons = rejected.map((r) => `${r.link.login ?? r.link.email}: ${r.reason.split(':')[0]}`);
  assert.deepEqual(reasons, ['x: ambiguous', 'y: ambiguous', 'jdoe: gitdm error', 'you@example.com: generic e-mail', ': profile link without a login']);
});

test('person id is p + sha1(smallest node id), independent of input order', () => {
  const aliases = [alias('Jane', 'jane@b.io', null, 3), alias('Jane Doe', 'JANE@a.io', null, 5), alias('jd', '1+jdoe@users.noreply.github.com')];
  const links = [gitdm('jdoe', 'jane@b.io'), mailmap('jane@a.io', 'jane@b.io')];
  const forward = resolvePeople(aliases, links, isGeneric);
  const backward = resolvePeople([...aliases].reverse(), [...links].reverse(), isGeneric);
  assert.equal(forward.people.length, 1);
  assert.deepEqual(backward.people, forward.people);
  const want = `p${createHash('sha1').update('email:1+jdoe@users.noreply.github.com').digest('hex').slice(0, 12)}`;
  assert.equal(forward.people[0]!.personId, want);
  assert.deepEqual([...forward.personOf.values()], [want, want, want]);
});

test('person fields: display name by contributions, ties alphabetical; evidence explains the merge', () => {
  const a = [alias('Zed', 'z@a.io', null, 2), alias('Amy', 'z@a.io', null, 2), alias('Bob', 'b@a.io', 'bob', 1)];
  const { people } = resolvePeople(a, [gitdm('bob', 'z@a.io', 4)], isGeneric);
  const p = people[0]!;
  assert.equal(p.displayName, 'Amy');
  assert.deepEqual(p.names, ['Amy', 'Bob', 'Zed']);
  assert.deepEqual(p.emails, ['b@a.io', 'z@a.io']);
  assert.deepEqual(p.logins, ['bob']);
  assert.deepEqual(p.evidence.map((e) => e.kind), ['gitdm', 'same-email', 'same-login']);
  assert.match(p.evidence[0]!.detail, /developers_affiliations1\.txt:4/);
  const heavier = resolvePeople([alias('Zed', 'z@a.io', null, 3), alias('Amy', 'z@a.io', null, 2)], [], isGeneric);
  assert.equal(heavier.people[0]!.displayName, 'Zed');
});

// The measured figure lives in bench/people-scale.ts; this bound only catches a super-linear regression, with room
// for a busy shared test machine (the bench measured well under a second of CPU for this size).
test('scale: 40,000 aliases and 150,000 links resolve in linear time', () => {
  const aliases: AliasRow[] = [];
  const links: IdentityLink[] = [];
  for (let i = 0; i < 40_000; i++) aliases.push({ aliasId: `s${i}`, name: `N${i % 5000}`, email: `u${i}@d${i % 97}.io`, login: i % 4 === 0 ? `l${i % 9000}` : null, contributions: 1 });
  for (let i = 0; i < 150_000; i++) {
    links.push(i % 3 === 0 ? mailmap(`u${(i * 7) % 60_000}@d${i % 97}.io`, `u${(i * 13) % 60_000}@d${i % 89}.io`) : gitdm(`g${i % 50_000}`, `u${(i * 31) % 80_000}@d${(i * 31) % 97}.io`, i));
  }
  const t0 = performance.now();
  const { people } = resolvePeople(aliases, links, isGeneric);
  const ms = performance.now() - t0;
  assert.ok(people.length > 0);
  assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
});
