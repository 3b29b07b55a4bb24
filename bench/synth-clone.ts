// A live clone for the ingest bench, made from an exported log with `git fast-import`: the same authors, committers,
// dates with their offsets, subjects, co-author trailers and paths, each changed file given as many lines as the log
// says were added (binary ones a NUL byte). ../shared/data has logs, not clones; this gives `--clone` a real history.
//   node --import tsx bench/synth-clone.ts <owner__name.log.gz> <new-repo-dir>
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gitlogFileSource } from '../src/ingest/gitlog-file.ts';
import { splitRecords } from '../src/ingest/gitlog-stream.ts';
import { parseRecord, type CommitRecord } from '../src/ingest/gitlog-record.ts';

const [log, dir] = process.argv.slice(2);
if (!log || !dir) throw new Error('usage: bench/synth-clone.ts <owner__name.log.gz> <new-repo-dir>');
if (existsSync(dir)) throw new Error(`${dir} exists: give a new directory`);

const commits: CommitRecord[] = [];
for await (const raw of splitRecords((await gitlogFileSource(log, 'bench/synth')).open(() => {}))) {
  const p = parseRecord(raw.text);
  if (p.ok) commits.push(p.commit);
}
commits.reverse(); // the log is newest first; history is built from the root

execFileSync('git', ['init', '-q', '-b', 'main', dir]);
const git = spawn('git', ['-C', dir, 'fast-import', '--quiet'], { stdio: ['pipe', 'inherit', 'inherit'] });
const out = git.stdin;
const write = (s: string | Buffer) => new Promise<void>((ok) => { if (out.write(s)) ok(); else out.once('drain', ok); });
const data = async (body: Buffer) => { await write(`data ${body.length}\n`); await write(body); await write('\n'); };
const zone = (tz: number) => `${tz < 0 ? '-' : '+'}${String(Math.floor(Math.abs(tz) / 60)).padStart(2, '0')}${String(Math.abs(tz) % 60).padStart(2, '0')}`;
const ident = (p: { name: string; email: string }, at: number, tz: number) => `${p.name.replace(/[<>\n]/g, '') || 'unknown'} <${p.email.replace(/[<>\n]/g, '')}> ${at} ${zone(tz)}`;

for (const c of commits) {
  await write(`commit refs/heads/main\nauthor ${ident(c.author, c.authorAt, c.authorTz)}\ncommitter ${ident(c.committer, c.committerAt, c.committerTz)}\n`);
  const trailers = c.coauthors.map((p) => `Co-authored-by: ${p.name} <${p.email}>`).join('\n');
  await data(Buffer.from(`${c.subject}${trailers ? `\n\n${trailers}` : ''}\n`));
  for (const f of c.files) {
    if (f.path.includes('\n') || f.path.startsWith('"')) continue;
    await write(`M 100644 inline ${f.path}\n`);
    await data(f.binary ? Buffer.from(`\0${c.sha}`) : Buffer.from(Array.from({ length: f.added ?? 0 }, (_, i) => `${c.sha.slice(0, 12)} ${i}\n`).join('')));
  }
}
out.end();
await new Promise<void>((ok, fail) => git.on('close', (code) => (code === 0 ? ok() : fail(new Error(`git fast-import exited ${code}`)))));
execFileSync('git', ['-C', dir, 'checkout', '-q', 'main']);
console.log(`${dir}: ${commits.length} commits from ${log}`);
