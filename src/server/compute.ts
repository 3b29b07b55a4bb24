// The questions the dashboard puts to the database, answered on one copy of it. They run in the query worker
// (query-worker.ts), off the server's event loop: a report may compute for seconds (the country model draws
// thousands of samples) and the server keeps answering from its cache meanwhile.
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { getReport, type ReportResult } from '../reports/registry.ts';
import { scopeParams, type ReportOptions } from '../reports/options.ts';
import { listPeople } from '../commands/people.ts';
import { explain } from '../commands/explain.ts';
import { sqlFile, type Row } from '../store/store.ts';
import { completeness, type Completeness } from '../views/completeness.ts';
import { sigView, type SigView } from '../reports/sig-section.ts';
import type { PeopleQuery, ScopeOverrides } from './params.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export type Question =
  | { op: 'report'; name: string; opts: ReportOptions; overrides: ScopeOverrides }
  | { op: 'sigs'; opts: ReportOptions; overrides: ScopeOverrides }
  | { op: 'people'; query: PeopleQuery }
  | { op: 'person'; id: string }
  | { op: 'repositories' }
  | { op: 'completeness' };

export interface CountryReading { probabilities: Row[]; evidence: Row[]; explanation: string | null }
export interface PersonPage { person: Record<string, unknown>; activity: Row[]; country_model: CountryReading | null }

export interface Answers {
  report: ReportResult;
  sigs: SigView;
  people: Row[];
  person: PersonPage;
  repositories: Row[];
  completeness: Completeness;
}

/** The CLI's global flags that a dashboard request may set for itself. */
function scoped(ctx: Context, o: ScopeOverrides): Context {
  return o.includeBots === undefined && o.regions === undefined ? ctx : { ...ctx, config: { ...ctx.config, ...o } };
}

async function personPage(ctx: Context, id: string): Promise<PersonPage> {
  // Bots are shown with their flag when asked for by id; opted-out people are never shown (listPeople drops them).
  const c = scoped(ctx, { includeBots: true });
  const { people } = await listPeople(c, { showEmails: false, personId: id });
  const person = people[0];
  if (!person) throw new CensusError(`no person "${id}" to show`, { hint: 'people who opted out are not shown', exitCode: ExitCode.notFound });
  const activity = await c.store.query(q('person-activity'), { person_id: id });
  // The country model's reading: its probabilities, the evidence rows, and `census explain`'s words for them.
  const probabilities = await c.store.query(q('person-country-probabilities'), { person_id: id });
  const evidence = await c.store.query(q('person-country-evidence'), { person_id: id });
  if (!probabilities.length && !evidence.length) return { person, activity, country_model: null };
  const explanation = await explain(c, id, false).then((x) => x.text, (err: unknown) => {
    if (err instanceof CensusError) return null;
    throw err;
  });
  return { person, activity, country_model: { probabilities, evidence, explanation } };
}

export async function answer(ctx: Context, question: Question): Promise<Answers[Question['op']]> {
  switch (question.op) {
    case 'report':
      return getReport(question.name).run(scoped(ctx, question.overrides), question.opts);
    case 'sigs':
      return sigView(scoped(ctx, question.overrides), question.opts);
    case 'people': {
      const pq = question.query;
      const c = scoped(ctx, pq.overrides);
      return c.store.query(q('people-top'), { ...scopeParams(c, pq.opts), company: pq.company, country: pq.country, limit: pq.limit });
    }
    case 'person':
      return personPage(ctx, question.id);
    case 'repositories':
      return ctx.store.query(q('repositories'));
    case 'completeness':
      return completeness(ctx);
  }
}
