// Measures the opt-out matcher on a git log export: distinct author/committer identities that match, and the time.
// Usage: node --import tsx bench/optout-scan.ts [log.gz ...]   (default: containerd's export in shared/data/gitlog)
// Prints counts and digest prefixes only: the point of the lists is that matched names and e-mails stay unshown.
import { createReadStream, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { hashPhrase, loadOptOutLists, optOutMatcher, optOutVariants, type OptOutList } from '../src/identity/optout.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const optoutDir = join(root, 'data', 'optout');
const defaultLog = resolve(root, '..', 'shared', 'data', 'gitlog', 'containerd__containerd.log.gz');

// Header fields (1-based in FORMAT.md): 2 author name, 3 author email, 5 committer name, 6 committer email.
const IDENTITY_FIELDS: ReadonlyArray<readonly [number, number]> = [
  [1, 2],
  [4, 5],
];

/** Yields each commit's header line; records start with \x1e and the header ends at the first newline. */
async function* headers(file: string): AsyncGenerator<string> {
  const stream = createReadStream(file).pipe(createGunzip());
  stream.setEncoding('utf8');
  let carry = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    const parts = (carry + chunk).split('\x1e');
    carry = parts.pop() ?? '';
    for (const record of parts) if (record !== '') yield firstLine(record);
  }
  if (carry !== '') yield firstLine(carry);
}

function firstLine(record: string): string {
  const nl = record.indexOf('\n');
  return nl < 0 ? record : record.slice(0, nl);
}

/** Which listed digests a value hits, as `algorithm:prefix`, for a report that shows no personal data. */
function hitPrefixes(value: string, lists: OptOutList[]): string[] {
  const out: string[] = [];
  for (const v of optOutVariants(value)) {
    const h = hashPhrase(v);
    for (const list of lists) {
      const d = list.algorithm === 'sha1' ? h.sha1 : h.sha256;
      if (list.hashes.has(d)) out.push(`${list.algorithm}:${d.slice(0, 8)}`);
    }
  }
  return [...new Set(out)];
}

async function scan(file: string, lists: OptOutList[]): Promise<void> {
  const matcher = optOutMatcher(lists);
  const t0 = performance.now();
  const identities = new Set<string>();
  const matched = new Map<string, string[]>();
  let commits = 0;
  for await (const header of headers(file)) {
    commits++;
    const fields = header.split('\x1f');
    for (const [nameIdx, emailIdx] of IDENTITY_FIELDS) {
      const name = fields[nameIdx] ?? '';
      const email = fields[emailIdx] ?? '';
      const key = `${name}\x00${email.toLowerCase()}`;
      if (identities.has(key)) continue;
      identities.add(key);
      if (!matcher.matchesAny([name, email])) continue;
      const hits = [
        ...hitPrefixes(name, lists).map((p) => `name ${p}`),
        ...hitPrefixes(email, lists).map((p) => `email ${p}`),
      ];
      matched.set(key, hits);
    }
  }
  const ms = Math.round(performance.now() - t0);
  console.log(`${file}: ${commits} commits, ${identities.size} distinct identities, ${matched.size} match the opt-out lists (${ms} ms)`);
  for (const hits of matched.values()) console.log(`  match via ${hits.join(', ')}`);
}

const lists = loadOptOutLists(
  readdirSync(optoutDir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(optoutDir, f)),
);
console.log(`opt-out lists: ${lists.map((l) => `${l.file.slice(optoutDir.length + 1)} (${l.algorithm}, ${l.hashes.size})`).join(', ')}`);
const files = process.argv.slice(2);
for (const file of files.length > 0 ? files : [defaultLog]) await scan(file, lists);
