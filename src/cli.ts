// Entry: parse arguments, lazy-import the command, and the only try/catch (CensusError -> message, hint, exit code).
import { Command, CommanderError, Option } from 'commander';
import { CensusError, ExitCode } from './errors.ts';
import { loadConfig, type ConfigInput } from './config.ts';
import type { Context } from './context.ts';

const program = new Command('census')
  .description('Who builds an open-source community: contributors by country and company, with the coverage behind every share.')
  .option('--db <path>', 'census database: a DuckDB file (default ./census.duckdb), clickhouse://user@host:8123/db or chdb:///dir')
  .option('--cluster <name>', 'ClickHouse: replicated tables ON CLUSTER with Distributed tables over them')
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
ingest.command('gharchive').description('GH Archive hour files (YYYY-MM-DD-H.json.gz, both formats), kept for the community')
  .argument('<paths...>', 'hour files or folders of them')
  .option('--org <org>', 'keep this organisation (repeatable; replaces census.json "community")', collect)
  .option('--repo <owner/name>', 'keep this repository (repeatable)', collect)
  .option('--no-rebuild', 'leave the derived tables for a later `census rebuild` (batch loads)')
  .action(async (paths: string[], o) => withContext(async (ctx) => {
    const { ingestGharchive, failOnHourProblems } = await import('./commands/gharchive.ts');
    const { rebuildAndSay } = await import('./commands/ingest.ts');
    const r = await ingestGharchive(ctx, paths, o);
    if (o.rebuild !== false && r.outcomes.some((x) => !x.skipped)) await rebuildAndSay(ctx);
    failOnHourProblems(r);
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
// Areas (docs/areas.md): which directories belong to which SIG or area, and who leads and reviews them.
imp.command('sigs').description("Kubernetes' sigs.yaml: SIGs, working groups, committees, their subprojects' OWNERS directories and leads")
  .argument('<files...>')
  .action(async (files: string[]) => withContext(async (ctx) => {
    const { importSigsFiles } = await import('./commands/import-areas.ts');
    const { failOnImportProblems } = await import('./commands/import.ts');
    const { rebuildAndSay } = await import('./commands/ingest.ts');
    const problems = await importSigsFiles(ctx, files);
    await rebuildAndSay(ctx);
    failOnImportProblems(problems);
  }));
imp.command('owners').description('OWNERS and OWNERS_ALIASES: a .jsonl export ({path, content, repo} per line) or a checked-out tree')
  .argument('<inputs...>', '.jsonl files or directories')
  .option('--repo <owner/name>', 'the repository of a directory (default: from a folder named owner__name)')
  .action(async (inputs: string[], o) => withContext(async (ctx) => {
    const { importOwnersInputs } = await import('./commands/import-areas.ts');
    const { failOnImportProblems } = await import('./commands/import.ts');
    const { rebuildAndSay } = await import('./commands/ingest.ts');
    const problems = await importOwnersInputs(ctx, inputs, o.repo);
    await rebuildAndSay(ctx);
    failOnImportProblems(problems);
  }));
imp.command('areas').description("a community's own areas file (area -> repositories, directories, leads; docs/areas.md)")
  .argument('<files...>')
  .action(async (files: string[]) => withContext(async (ctx) => {
    const { importAreasFiles } = await import('./commands/import-areas.ts');
    const { rebuildAndSay } = await import('./commands/ingest.ts');
    await importAreasFiles(ctx, files);
    await rebuildAndSay(ctx);
  }));

program.command('migrate').description('copy a census database to another backend, e.g. DuckDB to ClickHouse (docs/clickhouse.md)')
  .requiredOption('--from <db>', 'the database to read: a DuckDB file, clickhouse://... or chdb://...')
  .requiredOption('--to <db>', 'the database to fill (with --cluster for a cluster)')
  .option('--replace', 'empty the tables the target already holds first')
  .option('--rebuild', 'recompute the derived tables on the target instead of copying them')
  .action(async (o) => {
    const { migrate } = await import('./commands/migrate.ts');
    const { stderrLogger } = await import('./session.ts');
    await migrate(config(), o, stderrLogger);
  });

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
  .option('--segment <name>', 'only contributors in this segment: new, core, regular, casual, episodic, or a role (docs/segments.md)')
  .option('--kind <kind>', 'only commits with this kind of work: code, docs, tests, build, community')
  .option('--top <n>', 'rows per period')
  .option('--format <format>', 'table, json, ndjson or csv')
  .action(async (name: string | undefined, o) => {
    const { getReport, reportNames } = await import('./reports/registry.ts');
    if (o.list || !name) return write(reportNames.join('\n'));
    const { reportOptions, renderReport, keepTop, checkFilters } = await import('./commands/report.ts');
    const { resolveFormat } = await import('./output.ts');
    const report = getReport(name);
    const opts = reportOptions(o);
    checkFilters(report, opts);
    const format = resolveFormat(o.format, Boolean(process.stdout.isTTY), 'json');
    await withContext(async (ctx) => write(renderReport(keepTop(await report.run(ctx, opts), o.top), format)));
  });

program.command('explain').description('one person\'s country evidence and probabilities, in plain words')
  .argument('<who>', 'a GitHub login, an e-mail or a person id')
  .option('--show-emails', 'print e-mail addresses instead of their hashes')
  .option('--format <format>', 'text or json')
  .action(async (who: string, o) => withContext(async (ctx) => {
    const { explain } = await import('./commands/explain.ts');
    const x = await explain(ctx, who, Boolean(o.showEmails));
    write(o.format === 'json' ? JSON.stringify({ person_id: x.personId, name: x.name, logins: x.logins, probabilities: Object.fromEntries(x.probabilities), explanation: x.text }, null, 2) : x.text);
  }));

const evaluation = program.command('eval').description('measure the census against labelled data');
evaluation.command('countries').description("hide each labelled person's declared location and score the country model on the rest")
  .requiredOption('--labels <file>', 'CSV with columns login,country (more columns are ignored)')
  .option('--format <format>', 'table or json')
  .action(async (o) => withContext(async (ctx) => {
    const { evalCountries } = await import('./commands/eval-countries.ts');
    const { renderEval } = await import('./commands/eval-render.ts');
    const { report, outcome, temperatures } = await evalCountries(ctx, o.labels);
    write(o.format === 'json' ? JSON.stringify({ outcome, temperatures, report }, null, 2) : renderEval(report, outcome, temperatures));
  }));

program.command('roster').description('who-is-who cards for a summit: one per GitHub handle (name, company, country, SIGs, roles, segment)')
  .argument('<handles>', 'a .txt with one handle per line, or a .csv with a github/handle/login column')
  .option('--repo <owner/name>', 'only contributions to this repository or pattern (repeatable)', collect)
  .option('--since <date>', 'start of the window segments describe (default: a year before --until)')
  .option('--until <date>', 'end of that window (default: the day after the latest contribution in scope)')
  .option('--title <text>', 'heading of the HTML page')
  .option('--format <format>', 'table, json, csv or html (a printable page of cards)')
  .action(async (file: string, o) => {
    const { roster, rosterFormat } = await import('./commands/roster.ts');
    const format = rosterFormat(o.format, Boolean(process.stdout.isTTY));
    await withContext(async (ctx) => write(await roster(ctx, file, o, format)));
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

program.command('spec').description('the counting spec in force: which GitHub events are contributions, of which kind, credited to whom')
  .action(async () => {
    const { loadSpec, describeSpec } = await import('./activity/spec.ts');
    write(describeSpec(loadSpec(config().dataDir)));
  });

program.command('completeness').description('GH Archive hours read, missing and short; pushed commits against git history')
  .option('--format <format>', 'table, json, ndjson or csv')
  .action(async (o) => withContext(async (ctx) => {
    const { completeness } = await import('./commands/completeness.ts');
    write(await completeness(ctx, o.format));
  }));

const fetch = program.command('fetch').description('ask GitHub for what the archives lack (needs GITHUB_TOKEN)');
fetch.command('profiles').description('profiles (name, company, location, created_at) of the accounts seen; cached, rate-limit aware')
  .option('--limit <n>', 'ask for at most this many accounts in this run')
  .option('--ttl-days <n>', 'ask again for an account only after this many days (default 30, census.json "profileTtlDays")')
  .action(async (o) => withContext(async (ctx) => {
    const { fetchProfiles } = await import('./commands/fetch-profiles.ts');
    const { rebuildAndSay } = await import('./commands/ingest.ts');
    if ((await fetchProfiles(ctx, o)).stored > 0) await rebuildAndSay(ctx);
  }));

program.command('serve').description('the local dashboard: map, trends, tables, people (reads a private copy, so ingests never wait)')
  .option('--port <n>', 'port (default 8080; 0 picks a free one)')
  .option('--host <name>', 'interface to listen on (default 127.0.0.1, loopback only)')
  .option('--snapshot-dir <dir>', 'where the private copies of the database live (default: a temp folder)')
  .action(async (o) => {
    const { serve } = await import('./commands/serve.ts');
    const { stderrLogger } = await import('./session.ts');
    await serve(config(), o, stderrLogger, write);
  });

const exp = program.command('export').description('every report as files: one self-contained HTML page, or CSV / JSON per report');
for (const kind of ['html', 'csv', 'json'] as const) {
  exp.command(kind).description(kind === 'html'
    ? 'one self-contained page (map, trends, tables, every report; charts as SVG, no network) for a blog post or a mailing list'
    : `one ${kind.toUpperCase()} file per report into a folder, or all to stdout`)
    .argument(kind === 'html' ? '<file.html>' : '[dir]')
    .option('--report <name>', 'only this report (repeatable)', collect)
    .option('--repo <owner/name>', 'only this repository or pattern such as kubernetes/* (repeatable)', collect)
    .option('--roll-up-acquisitions', 'report an acquired company under its owner at the commit date')
    .option('--since <date>', 'from this date (YYYY-MM-DD, inclusive)')
    .option('--until <date>', 'to this date (exclusive)')
    .option('--by <period>', kind === 'html' ? 'trend period: year (default) or quarter' : 'year, quarter or month')
    .option('--known-only', 'shares of the attributed subset only (how DevStats publishes)')
    .option('--top <n>', 'rows per period')
    .action(async (target: string | undefined, o) => {
      const { exportReports } = await import('./commands/export.ts');
      await withContext((ctx) => exportReports(ctx, kind, target, o, write));
    });
}

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
