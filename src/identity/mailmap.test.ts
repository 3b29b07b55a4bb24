// Tests for the .mailmap parser (git's four forms, comments, bad lines) and the links it yields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mailmapLinks, parseMailmap, type MailmapEntry } from './mailmap.ts';
import { resolvePeople } from './people.ts';

type Parsed = Omit<MailmapEntry, 'line'>;
const entry = (properName: string | null, properEmail: string | null, commitName: string | null, commitEmail: string): Parsed =>
  ({ properName, properEmail, commitName, commitEmail });

const forms: { name: string; line: string; want: Parsed | null }[] = [
  { name: 'name only', line: 'Jane Doe <jane@old.io>', want: entry('Jane Doe', null, null, 'jane@old.io') },
  { name: 'e-mail only', line: '<jane@new.io> <jane@old.io>', want: entry(null, 'jane@new.io', null, 'jane@old.io') },
  { name: 'name and e-mail', line: 'Jane Doe <jane@new.io> <jane@old.io>', want: entry('Jane Doe', 'jane@new.io', null, 'jane@old.io') },
  { name: 'name and e-mail for one commit pair', line: 'Jane Doe <jane@new.io> jd <jane@old.io>', want: entry('Jane Doe', 'jane@new.io', 'jd', 'jane@old.io') },
  { name: 'extra spaces are trimmed from names', line: '  Jane   Doe   <jane@new.io>   jd  <jane@old.io>', want: entry('Jane   Doe', 'jane@new.io', 'jd', 'jane@old.io') },
  { name: 'trailing comment is ignored', line: 'Jane <jane@new.io> <jane@old.io> # moved jobs', want: entry('Jane', 'jane@new.io', null, 'jane@old.io') },
  { name: 'trailing comment after the name form', line: 'Jane Doe <jane@old.io>   # fix the name', want: entry('Jane Doe', null, null, 'jane@old.io') },
  { name: 'empty commit e-mail is allowed in second place, as in git', line: 'Jane <jane@new.io> Jane <>', want: entry('Jane', 'jane@new.io', 'Jane', '') },
  { name: 'comment line', line: '# Jane <jane@new.io> <jane@old.io>', want: null },
  { name: 'blank line', line: '   ', want: null },
];

for (const f of forms) {
  test(`parseMailmap: ${f.name}`, () => {
    const { entries, bad } = parseMailmap(`${f.line}\n`, '.mailmap');
    assert.deepEqual(bad, []);
    assert.deepEqual(entries.map(({ line: _line, ...rest }) => rest), f.want ? [f.want] : []);
  });
}

const badLines: { line: string; reason: RegExp }[] = [
  { line: 'Jane Doe jane@old.io', reason: /no <e-mail>/ },
  { line: 'Jane Doe <jane@old.io', reason: /no closing >/ },
  { line: 'Jane <> <jane@old.io>', reason: /empty <>/ },
  { line: '<jane@old.io>', reason: /maps nothing/ },
];

for (const b of badLines) {
  test(`parseMailmap reports "${b.line}"`, () => {
    const { entries, bad } = parseMailmap(`# header\n${b.line}\n`, 'repo/.mailmap');
    assert.deepEqual(entries, []);
    assert.equal(bad.length, 1);
    assert.equal(bad[0]!.file, 'repo/.mailmap');
    assert.equal(bad[0]!.line, 2);
    assert.match(bad[0]!.reason, b.reason);
  });
}

test('parseMailmap keeps 1-based line numbers across CRLF files', () => {
  const { entries } = parseMailmap('# c\r\n\r\nA <a@x.io> <b@x.io>\r\nB <c@x.io>\r\n', 'm');
  assert.deepEqual(entries.map((e) => e.line), [3, 4]);
  assert.equal(entries[1]!.commitEmail, 'c@x.io');
});

test('mailmapLinks: e-mail evidence only, never a name-only mapping or a case-only one', () => {
  const { entries } = parseMailmap(
    ['Jane Doe <jane@old.io>', '<jane@new.io> <jane@old.io>', 'Jane <Jane@Old.IO> <jane@old.io>', 'Jane <jane@new.io> jd <jd@old.io>'].join('\n'),
    'repo/.mailmap',
  );
  assert.deepEqual(mailmapLinks(entries, 'repo/.mailmap'), [
    { email: 'jane@old.io', toEmail: 'jane@new.io', source: 'mailmap', ref: 'repo/.mailmap:2' },
    { email: 'jd@old.io', toEmail: 'jane@new.io', source: 'mailmap', ref: 'repo/.mailmap:4' },
  ]);
});

test('a mailmap merges aliases by e-mail, case-insensitively, and a name-only line merges nobody', () => {
  const { entries } = parseMailmap('<jane@new.io> <JANE@OLD.IO>\nJane Doe <joe@x.io>\n', '.mailmap');
  const aliases = [
    { aliasId: 'a1', name: 'Jane', email: 'jane@old.io', login: null, contributions: 1 },
    { aliasId: 'a2', name: 'Jane Doe', email: 'Jane@New.io', login: null, contributions: 1 },
    { aliasId: 'a3', name: 'Jane Doe', email: 'joe@x.io', login: null, contributions: 1 },
  ];
  const { people } = resolvePeople(aliases, mailmapLinks(entries, '.mailmap'), () => false);
  assert.deepEqual(people.map((p) => p.aliasIds).sort(), [['a1', 'a2'], ['a3']]);
  assert.equal(people.find((p) => p.aliasIds.length === 2)!.evidence.find((e) => e.kind === 'mailmap')!.detail, '.mailmap:1: jane@old.io -> jane@new.io');
});
