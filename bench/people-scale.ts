// Measures identity resolution on the real git logs and gitdm files (plus a synthetic 40k/150k run); prints counts only, never personal data.
// Run: node --import tsx bench/people-scale.ts [gitlog-dir] [gitdm-dir]
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loginFromNoreply, resolvePeople, type AliasRow, type IdentityLink } from '../src/identity/people.ts';
import { loadGenericEmails } from '../src/identity/generic-emails.ts';
import { loadBotRules, type BotVerdict } from '../src/identity/bots.ts';
import { parseGitdm } from '../src/ingest/gitdm.ts';

const GITLOG = process.argv[2] ?? '/work/shared/data/gitlog';
const GITDM = process.argv[3] ?? '/work/shared/data/gitdm';
const DATA = fileURLToPath(new URL('../data/', import.meta.url));
const RUNS = 5;

// `Name <email>` as in a Co-authored-by value; a value without brackets is a bare name (seen in the logs).
function person(value: string): { name: string; email: string } | null {
  const v = value.replace(/\s+/g, ' ').trim();
  if (v === '') return null;
  const m = /^(.*?)\s*<([^<>]*)>$/.exec(v);
  return m ? { name: m[1]!.trim(), email: m[2]!.trim() } : { name: v, email: '' };
}

function readAliases(): { aliases: AliasRow[]; commits: number; files: number } {
  const counts = new Map<string, number>();
  const add = (name: string, email: string): void => {
    const k = `${name}\u001f${email}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  let commits = 0;
  const files = readdirSync(GITLOG).filter((f) => f.endsWith('.log.gz'));
  for (const f of files) {
    const text = gunzipSync(readFileSync(join(GITLOG, f))).toString('utf8');
    for (const rec of text.split('\u001e')) {
      if (rec === '') continue;
      const nl = rec.indexOf('\n');
      const fields = (nl < 0 ? rec : rec.slice(0, nl)).split('\u001f');
      if (fields.length < 9) continue;
      commits++;
      add(fields[1]!, fields[2]!);
      for (const v of fields[8]!.split('\u001d')) {
        const p = person(v);
        if (p) add(p.name, p.email);
      }
    }
  }
  const aliases: AliasRow[] = [];
  for (const [k, contributions] of counts) {
    const [name, email] = k.split('\u001f') as [string, string];
    aliases.push({ aliasId: `a${aliases.length}`, name, email, login: loginFromNoreply(email), contributions });
  }
  return { aliases, commits, files: files.length };
}

function readGitdmLinks(): { links: IdentityLink[]; entries: number; bad: number } {
  const links: IdentityLink[] = [];
  let entries = 0;
  let bad = 0;
  for (const f of readdirSync(GITDM).filter((x) => /^developers_affiliations\d*\.txt$/.test(x)).sort()) {
    const parsed = parseGitdm(readFileSync(join(GITDM, f), 'utf8'), f);
    bad += parsed.bad.length;
    for (const e of parsed.entries) {
      entries++;
      for (const email of e.emails) links.push({ source: 'gitdm', login: e.login, email, ref: `${f}:${e.line}` });
    }
  }
  return { links, entries, bad };
}

// Wall time and this process's CPU time: the box may be shared, and CPU time shows the cost without the waiting.
function timed<T>(run: () => T): { result: T; ms: number[]; cpu: number[] } {
  const ms: number[] = [];
  const cpu: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    result = run();
    const c = process.cpuUsage(c0);
    ms.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { result: result!, ms: ms.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const fmt = (t: { ms: number[]; cpu: number[] }): string => {
  const mid = Math.floor(t.ms.length / 2);
  return `wall min ${t.ms[0]!.toFixed(0)} / median ${t.ms[mid]!.toFixed(0)} ms; CPU min ${t.cpu[0]!.toFixed(0)} / median ${t.cpu[mid]!.toFixed(0)} ms (${t.ms.length} runs, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs)`;
};
const n = (x: number): string => x.toLocaleString('en-US');

let t0 = performance.now();
const { aliases, commits, files } = readAliases();
const { links, entries, bad } = readGitdmLinks();
const isGeneric = loadGenericEmails(DATA);
const bots = loadBotRules(DATA);
console.log(`read ${files} logs (${n(commits)} commits) and gitdm (${n(entries)} entries, ${n(bad)} bad lines) in ${(performance.now() - t0).toFixed(0)} ms`);

const real = timed(() => resolvePeople(aliases, links, isGeneric));
const { people, personOf, rejected } = real.result;

t0 = performance.now();
const verdict = new Map<string, BotVerdict>();
for (const a of aliases) {
  const v = bots.classify(a);
  if (v) verdict.set(a.aliasId, v);
}
const classifyMs = performance.now() - t0;

const reasons = new Map<string, number>();
for (const r of rejected) {
  const key = r.reason.split(':')[0]!;
  reasons.set(key, (reasons.get(key) ?? 0) + 1);
}
const byRule = new Map<string, number>();
for (const v of verdict.values()) {
  // Count per list or pattern, not per entry, so no identity is printed.
  const key = v.rule.replace(/^(bots\.yaml (?:bot|ai-agent) (?:login|email|name)):.*$/, '$1 list').replace(/ \((login|name|email)\)$/, ' ($1)');
  byRule.set(key, (byRule.get(key) ?? 0) + 1);
}
let botPeople = 0;
let agentPeople = 0;
let mixed = 0;
let genericOnly = 0;
for (const p of people) {
  const kinds = p.aliasIds.map((id) => verdict.get(id)?.kind);
  if (kinds.includes('ai-agent')) agentPeople++;
  else if (kinds.includes('bot')) botPeople++;
  if (kinds.some((k) => k) && kinds.some((k) => !k)) mixed++;
  if (p.emails.length > 0 && p.emails.every((e) => isGeneric(e)) && p.logins.length === 0) genericOnly++;
}
const multi = people.filter((p) => p.aliasIds.length > 1).length;
const largest = Math.max(...people.map((p) => p.aliasIds.length));

console.log(`\nreal data`);
console.log(`  aliases (author + co-author name/e-mail pairs): ${n(aliases.length)}`);
console.log(`  aliases with a login from a noreply address:    ${n(aliases.filter((a) => a.login).length)}`);
console.log(`  gitdm links (login, e-mail):                    ${n(links.length)}`);
console.log(`  people:                                          ${n(people.length)} (${n(multi)} with 2+ aliases; largest has ${largest})`);
console.log(`  aliases mapped:                                  ${n(personOf.size)}`);
console.log(`  people keyed by a generic e-mail only:           ${n(genericOnly)}`);
console.log(`  rejected links:                                  ${n(rejected.length)}`);
for (const [k, v] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`    ${k}: ${n(v)}`);
console.log(`  bot aliases: ${n([...verdict.values()].filter((v) => v.kind === 'bot').length)}, ai-agent aliases: ${n([...verdict.values()].filter((v) => v.kind === 'ai-agent').length)}`);
for (const [k, v] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`    ${k}: ${n(v)}`);
console.log(`  people flagged: ${n(botPeople)} bot, ${n(agentPeople)} ai-agent; ${n(mixed)} people mix flagged and unflagged aliases`);
console.log(`  resolvePeople: ${fmt(real)}`);
console.log(`  classify all aliases: ${classifyMs.toFixed(0)} ms`);

// Synthetic run at the size the spec asks for: 40,000 aliases and 150,000 links, with clusters and ambiguity.
const synthAliases: AliasRow[] = [];
const synthLinks: IdentityLink[] = [];
for (let i = 0; i < 40_000; i++) {
  const email = i % 10 === 0 ? `${i}+u${i}@users.noreply.github.com` : `u${i}@d${i % 97}.example.io`;
  synthAliases.push({ aliasId: `s${i}`, name: `N${i % 5000}`, email, login: i % 4 === 0 ? `l${i % 9000}` : null, contributions: 1 + (i % 7) });
}
for (let i = 0; i < 150_000; i++) {
  synthLinks.push(i % 3 === 0
    ? { source: 'mailmap', email: `u${(i * 7) % 60_000}@d${i % 97}.example.io`, toEmail: `u${(i * 13) % 60_000}@d${i % 89}.example.io`, ref: `m:${i}` }
    : { source: 'gitdm', login: `g${i % 50_000}`, email: `u${(i * 31) % 80_000}@d${(i * 31) % 97}.example.io`, ref: `f:${i}` });
}
const synth = timed(() => resolvePeople(synthAliases, synthLinks, isGeneric));
console.log(`\nsynthetic: ${n(synthAliases.length)} aliases, ${n(synthLinks.length)} links -> ${n(synth.result.people.length)} people, ${n(synth.result.rejected.length)} rejected`);
console.log(`  resolvePeople: ${fmt(synth)}`);
