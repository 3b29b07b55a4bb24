// Entry: parse arguments, lazy-import the command, and the only try/catch (CensusError -> message, hint, exit code).
import { Command, CommanderError, Option } from 'commander';
import { CensusError, ExitCode } from './errors.ts';
import { loadConfig, type ConfigInput } from './config.ts';
import type { Context } from './context.ts';

const program = new Command('census')
  .description('Who builds an open-source community: contributors by country and company, with the coverage behind every share.')
  .option('--db <path>', 'census database (default ./census.duckdb)')
  .option('--data-dir <dir>', 'reference data (companies, bots, places, opt-out lists)')
  .option('--opt-out <file>', 'an opt-out hash list; repeatable (default: data/optout/*.csv)', (v: string, prev: string[] = []) => [...prev, v])
  .option('--strict-opt-out', 'drop opted-out people entirely, totals included')
  .option('--include-bots', 'keep bots and AI agents in reports')
  .addOption(new Option('--regions <mode>', 'Hong Kong, Macao, Taiwan').choices(['apart', 'fold-into-cn']))
  .option('--memory-limit <size>', 'DuckDB buffer pool, e.g. 256MB (spills to disk past it)')
  .option('--config <file>', 'census.json with the same settings')
  .option('--debug', 'stack traces for bugs')
  .showHelpAfterError()
  .exitOverride();

function config() {
  const o = program.opts<ConfigInput>();
  return loadConfig(o);
}

async function withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const { openContext } = await import('./session.ts');
  const ctx = await openContext(config());
  try {
    return await fn(ctx);
  } finally {
    await ctx.store.close();
  }
}

function write(text: string): void {
  if (text !== '') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

program.command('scan')
  .description('the main job: ingest clones and/or exported logs, resolve people, attribute, print the country and company tables')
  .argument('<paths...>', 'git clones (directories) or exported logs (owner__name.log[.gz])')
  .option('--gitdm <files...>', 'gitdm developers_affiliations*.txt to import first')
  .option('--profiles <files...>', 'profiles (JSON/NDJSON) to import first')
  .option('--since <date>').option('--until <date>').option('--branch <ref>')
  .option('--top <n>', 'rows per table', '15')
  .option('--strict', 'exit non-zero when any record could not be used')
  .option('--format <format>', 'table, json, ndjson or csv')
  .action(async (paths: string[], o) => withContext(async (ctx) => {
    const { scan } = await import('./commands/scan.ts');
    await scan(ctx, paths, o, write);
  }));

const ingest = program.command('ingest').description('read commit history into the census database');
ingest.command('git').description('run git log on local clones (default branch, no merges)')
  .argument('<repo-paths...>')
  .option('--since <date>').option('--until <date>').option('--branch <ref>').option('--repo <owner/name>', 'name to file it under')
  .option('--no-rebuild', 'leave the derived tables for a later `census rebuild` (batch loads)')
  .action(async (dirs: string[], o) => withContext(async (ctx) => {
    const { ingestGit, rebuildAndSay, failOnProblems } = await import('./commands/ingest.ts');
    const outcomes = await ingestGit(ctx, dirs, o);
    if (o.rebuild !== false) await rebuildAndSay(ctx);
    failOnProblems(outcomes);
  }));
ingest.command('gitlog').description('read exported logs (format of ../shared/data/gitlog/FORMAT.md)')
  .argument('<files...>', '.log or .log.gz files')
  .option('--repo <owner/name>', 'repository (default: from an owner__name.log.gz file name)')
  .option('--mailmap <file>', "the repository's .mailmap")
  .option('--no-rebuild', 'leave the derived tables for a later `census rebuild` (batch loads)')
  .action(async (files: string[], o) => withContext(async (ctx) => {
    const { ingestGitlog, rebuildAndSay, failOnProblems } = await import('./commands/ingest.ts');
    const outcomes = await ingestGitlog(ctx, files, o);
    if (o.rebuild !== false) await rebuildAndSay(ctx);
    failOnProblems(outcomes);
  }));

const imp = program.command('import').description('import reference about people');
imp.command('gitdm').description("gitdm developers_affiliations*.txt (login, e-mails, employers with dates)")
  .argument('<files...>')
  .action(async (files: string[]) => withContext(async (ctx) => {
    const { importGitdmFiles, failOnImportProblems } = await import('./commands/import.ts');
    const { rebuildAndSay } = await import('./commands/ingest.ts');
    const problems = await importGitdmFiles(ctx, files);
    await rebuildAndSay(ctx);
    failOnImportProblems(problems);
  }));
imp.command('profiles').description('profiles: GitHub API users, gitdm github_users.json, cncf/people (JSON or NDJSON)')
  .argument('<files...>')
  .action(async (files: string[]) => withContext(async (ctx) => {
    const { importProfileFiles, failOnImportProblems } = await import('./commands/import.ts');
    const { rebuildAndSay } = await import('./commands/ingest.ts');
    const problems = await importProfileFiles(ctx, files);
    await rebuildAndSay(ctx);
    failOnImportProblems(problems);
  }));

program.command('rebuild').description('recompute people, affiliations, locations and credits from the raw tables')
  .action(async () => withContext(async (ctx) => {
    const { rebuildAndSay } = await import('./commands/ingest.ts');
    await rebuildAndSay(ctx);
  }));

program.command('report').description('a named report (`census report --list` names them)')
  .argument('[name]')
  .option('--list', 'name every report')
  .option('--repo <owner/name>', 'only this repository or pattern such as kubernetes/* (repeatable)', collect)
  .option('--roll-up-acquisitions', 'report an acquired company under its owner at the commit date')
  .option('--since <date>', 'from this date (YYYY-MM-DD, inclusive)')
  .option('--until <date>', 'to this date (exclusive)')
  .option('--by <period>', 'year, quarter or month')
  .option('--known-only', 'shares of the attributed subset only (how DevStats publishes)')
  .option('--top <n>', 'rows per period')
  .option('--format <format>', 'table, json, ndjson or csv')
  .action(async (name: string | undefined, o) => {
    const { getReport, reportNames } = await import('./reports/registry.ts');
    if (o.list || !name) return write(reportNames.join('\n'));
    const { reportOptions, renderReport, keepTop } = await import('./commands/report.ts');
    const { resolveFormat } = await import('./output.ts');
    const report = getReport(name);
    const opts = reportOptions(o);
    const format = resolveFormat(o.format, Boolean(process.stdout.isTTY), 'json');
    await withContext(async (ctx) => write(renderReport(keepTop(await report.run(ctx, opts), o.top), format)));
  });

program.command('people').description('one line per person: id, names, logins, e-mails (hashed), bot flag, employer now, country and evidence')
  .option('--format <format>', 'table, json, ndjson or csv')
  .option('--show-emails', 'print e-mail addresses instead of their hashes')
  .action(async (o) => withContext(async (ctx) => {
    const { listPeople, renderPeople } = await import('./commands/people.ts');
    const { resolveFormat } = await import('./output.ts');
    const { people, hidden } = await listPeople(ctx, { showEmails: Boolean(o.showEmails) });
    write(renderPeople(people, resolveFormat(o.format, Boolean(process.stdout.isTTY), 'ndjson')));
    if (hidden > 0) ctx.log.info(`${hidden} opted-out people not shown`);
  }));

program.command('status').description('what has been read, and the record problems kept in the ingest log')
  .option('--problems', 'list every problem')
  .option('--format <format>', 'table, json, ndjson or csv')
  .action(async (o) => withContext(async (ctx) => {
    const { status } = await import('./commands/status.ts');
    write(await status(ctx, Boolean(o.problems), o.format));
  }));

const optout = program.command('optout').description('opt-out hash lists (gitdm forbidden-sha*.csv, DevStats hide.csv)');
optout.command('hash').description('print the SHA-1 and SHA-256 of phrases, as add_forbidden_data.rb does')
  .argument('<phrases...>')
  .action(async (phrases: string[]) => {
    const { hashLines } = await import('./commands/optout.ts');
    write(hashLines(phrases).join('\n'));
  });
optout.command('update').description('check newer lists and install them into the opt-out folder')
  .argument('<files...>', 'forbidden-sha256.csv, forbidden-sha1.csv, hide.csv from cncf/gitdm and cncf/devstats')
  .option('--into <dir>', 'target folder (default: <data-dir>/optout)')
  .action(async (files: string[], o) => {
    const { updateLists } = await import('./commands/optout.ts');
    const { join } = await import('node:path');
    write(updateLists(files, o.into ?? join(config().dataDir, 'optout')).join('\n'));
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // commander printed its own message; help and version are not failures.
    process.exitCode = err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  } else if (err instanceof CensusError) {
    process.stderr.write(`census: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
    process.exitCode = err.exitCode;
  } else {
    const debug = process.argv.includes('--debug');
    process.stderr.write(debug && err instanceof Error ? `${err.stack}\n` : `census: internal error: ${(err as Error).message ?? String(err)}\n(run with --debug for the stack)\n`);
    process.exitCode = ExitCode.failure;
  }
}
