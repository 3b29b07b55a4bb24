// The dashboard's JSON answers: reports by name from the registry (never SQL from the browser), the people behind a
// table row, one person's page, and the footer's completeness. Requests are checked here (a 4xx never costs a
// query); the database work runs in the query worker; answers are cached per copy of the database.
import type { Config } from '../config.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { getReport, reportNames, type ReportResult } from '../reports/registry.ts';
import { periods } from '../reports/options.ts';
import { checkFilters, keepTop } from '../commands/report.ts';
import { segmentNames } from '../segments/segments.ts';
import { workKinds } from '../areas/work-kinds.ts';
import { keepLabels, payload } from '../views/report-payload.ts';
import { AnswerCache } from './cache.ts';
import { Answer } from './answer.ts';
import type { Lease } from './direct.ts';
import type { QueryExecutor } from './executor.ts';
import { canonical, checkName, peopleParamNames, peopleQuery, readQuery, reportParamNames, reportQuery } from './params.ts';
import type { SnapshotState } from './snapshot.ts';

/** What the dashboard asks first on every view; answered on each new copy of the database before it is served. */
export const DEFAULT_QUESTIONS: readonly { report: string; search: string }[] = [
  { report: 'contributors-by-country', search: '' },
  { report: 'contributors-by-company', search: '' },
  { report: 'contributors-by-country', search: 'by=year' },
  { report: 'contributors-by-company', search: 'by=year' },
];

const MB = 1 << 20;

export class DashboardApi {
  private readonly results = new AnswerCache<ReportResult>(256 * MB, (r) => 200 + r.rows.length * (40 + 24 * r.columns.length));
  private readonly bodies = new AnswerCache<Answer>(192 * MB, (a) => a.weight);

  constructor(private readonly config: Config, private readonly executor: QueryExecutor) {}

  reports(): Answer {
    return new Answer(JSON.stringify({ reports: reportNames.map((name) => ({ name, summary: getReport(name).summary })) }));
  }

  meta(lease: Lease): Promise<Answer> {
    return this.bodies.get(`${lease.cacheKey}|meta`, async () => new Answer(JSON.stringify({
      reports: reportNames.map((name) => ({ name, summary: getReport(name).summary, filters: getReport(name).filters ?? [] })),
      params: reportParamNames,
      choices: { by: periods.filter((p) => p !== 'all'), regions: ['apart', 'fold-into-cn'], segment: segmentNames, kind: workKinds },
      defaults: { includeBots: this.config.includeBots, regions: this.config.regions },
      repositories: await this.executor.ask(lease.generation, { op: 'repositories' }),
    })));
  }

  report(lease: Lease, name: string, search: string): Promise<Answer> {
    checkName('report', name);
    if (!reportNames.includes(name)) {
      throw new CensusError(`unknown report "${name}"`, { hint: `reports: ${reportNames.join(', ')}`, exitCode: ExitCode.notFound });
    }
    const rq = reportQuery(readQuery(search, reportParamNames));
    checkFilters(getReport(name), rq.opts);
    return this.bodies.get(`${lease.cacheKey}|report|${name}|${canonical(rq)}`, async () => {
      const question = { op: 'report', name, opts: rq.opts, overrides: rq.overrides } as const;
      const full = await this.results.get(`${lease.cacheKey}|${canonical(question)}`, () => this.executor.ask(lease.generation, question));
      const top = rq.top === undefined ? full : keepTop(full, String(rq.top));
      return new Answer(JSON.stringify(payload(keepLabels(top, rq.labels))));
    });
  }

  /** The SIG view (issue 6's sigView): one row per SIG or area with its size, companies and bus and elephant factors. */
  sigs(lease: Lease, search: string): Promise<Answer> {
    const rq = reportQuery(readQuery(search, reportParamNames));
    return this.bodies.get(`${lease.cacheKey}|sigs|${canonical(rq)}`, async () => {
      const view = await this.executor.ask(lease.generation, { op: 'sigs', opts: rq.opts, overrides: rq.overrides });
      return new Answer(JSON.stringify({ name: 'sigs', header: view.header, columns: view.columns, coverage: null, rows: view.rows }));
    });
  }

  people(lease: Lease, search: string): Promise<Answer> {
    const query = peopleQuery(readQuery(search, peopleParamNames));
    return this.bodies.get(`${lease.cacheKey}|people|${canonical(query)}`, async () => {
      const people = await this.executor.ask(lease.generation, { op: 'people', query });
      return new Answer(JSON.stringify({ company: query.company, country: query.country, limit: query.limit, note: 'opted-out people are never listed', people }));
    });
  }

  person(lease: Lease, id: string): Promise<Answer> {
    checkName('person', id);
    return this.bodies.get(`${lease.cacheKey}|person|${id}`, async () => new Answer(JSON.stringify(await this.executor.ask(lease.generation, { op: 'person', id }))));
  }

  /** The footer's completeness (sources, problems, span), once per copy. */
  private completeness(lease: Lease): Promise<Answer> {
    return this.bodies.get(`${lease.cacheKey}|status`, async () => new Answer(JSON.stringify(await this.executor.ask(lease.generation, { op: 'completeness' }))));
  }

  async status(lease: Lease, state: SnapshotState): Promise<Answer> {
    const stored = await this.completeness(lease);
    return new Answer(`{"snapshot":${JSON.stringify(state)},${stored.text.slice(1)}`);
  }

  /**
   * Answers what every visitor's first page asks (the default questions, the footer, the filter bar) on a new copy:
   * at start, right after listening (requests meanwhile share these computations), and before a refresh is served.
   */
  async warm(lease: Lease): Promise<void> {
    await Promise.all([...DEFAULT_QUESTIONS.map((d) => this.report(lease, d.report, d.search)), this.meta(lease), this.completeness(lease)]);
  }
}
