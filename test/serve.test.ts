// End to end: `census serve` answers reports by name with the CLI's numbers, people with opt-out respected, and
// refuses hostile requests with a 4xx before anything reaches SQL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { sql } from './cli-harness.ts';
import { fixtureDb, getJson, serve, type Served } from './serve-harness.ts';

let dir: string;
let s: Served;
let hidden: string;

before(async () => {
  dir = fixtureDb();
  hidden = String((await sql(dir, 'SELECT person_id FROM people WHERE opted_out'))[0]!.person_id);
  s = await serve(dir);
});
after(async () => { await s.stop(); });

const row = (rows: Record<string, unknown>[] | undefined, col: string, v: string) => rows?.find((r) => r[col] === v);

test('reports come by name with header, coverage and the same rows as the CLI; filters and label/top cuts apply', async () => {
  const list = await getJson(`${s.url}api/reports`);
  assert.ok((list.body.reports as { name: string }[]).some((r) => r.name === 'contributors-by-company'));
  const all = await getJson(`${s.url}api/reports/contributors-by-country`);
  assert.equal(all.status, 200);
  for (const c of ['rank', 'country', 'contributors', 'contributors_pct', 'contributions', 'contributions_pct']) assert.ok((all.body.columns as string[]).includes(c), c);
  assert.equal(row(all.body.rows, 'country', 'CN')!.contributors, 2);
  assert.deepEqual((all.body.coverage as { contributors: number }[]).map((c) => c.contributors), [7]);
  assert.equal(Object.keys(all.body.rows![0]!).join(), (all.body.columns as string[]).join(), 'rows carry exactly the columns');
  const since = await getJson(`${s.url}api/reports/contributors-by-country?since=2024-01-01`);
  assert.equal(row(since.body.rows, 'country', 'CN')!.contributions, 3);
  const repo = await getJson(`${s.url}api/reports/contributors-by-country?repo=other/*`);
  assert.deepEqual(repo.body.rows, []);
  const byYear = await getJson(`${s.url}api/reports/contributors-by-company?by=year&label=Example%20Corp&label=Navy%20Labs`);
  assert.deepEqual([...new Set(byYear.body.rows!.map((r) => r.company))].sort(), ['Example Corp', 'Navy Labs']);
  assert.ok((byYear.body.coverage as unknown[]).length >= 3, 'coverage per period survives the label cut');
  const top = await getJson(`${s.url}api/reports/contributors-by-company?top=1`);
  assert.deepEqual(top.body.rows!.map((r) => r.company), ['Unknown']);
  const sigs = await getJson(`${s.url}api/views/sigs?kind=code`);
  assert.equal(sigs.status, 200);
  assert.ok((sigs.body.columns as string[]).includes('bus_factor') && Array.isArray(sigs.body.rows));
  const bots = await getJson(`${s.url}api/reports/contributors-by-company?include-bots=1`);
  assert.equal(row(bots.body.rows, 'company', 'Unknown')!.contributors, Number(row((await getJson(`${s.url}api/reports/contributors-by-company`)).body.rows, 'company', 'Unknown')!.contributors) + 1);
});

test('people: the drill-down lists no opted-out person, and an opted-out id has no page', async () => {
  const cn = await getJson(`${s.url}api/people?country=CN`);
  assert.deepEqual((cn.body.people as { display_name: string }[]).map((p) => p.display_name), ['Ada Lovelace', 'Wei Zhang']);
  const unknown = await getJson(`${s.url}api/people?company=Unknown&limit=200`);
  const ids = (unknown.body.people as { person_id: string; display_name: string }[]);
  assert.ok(ids.length > 0);
  assert.equal(ids.some((p) => p.person_id === hidden || /Hidden/.test(p.display_name)), false);
  const ada = (cn.body.people as { person_id: string }[])[0]!.person_id;
  const page = await getJson(`${s.url}api/people/${ada}`);
  assert.equal(page.status, 200);
  assert.equal((page.body.person as { name: string }).name, 'Ada Lovelace');
  assert.match(JSON.stringify(page.body.person), /Shenzhen/);
  assert.doesNotMatch(JSON.stringify(page.body), /ada@example-corp\.com/i, 'e-mails are hashed');
  assert.ok((page.body.activity as unknown[]).length > 0);
  const model = page.body.country_model as { probabilities: { country: string }[]; evidence: { kind: string }[]; explanation: string };
  assert.equal(model.probabilities[0]!.country, 'CN');
  assert.match(model.explanation, /Most likely country: China/);
  assert.doesNotMatch(model.explanation, /@example-corp/, 'e-mails hashed in the explanation too');
  assert.ok(model.evidence.some((e) => e.kind === 'declared'));
  const gone = await getJson(`${s.url}api/people/${hidden}`);
  assert.equal(gone.status, 404);
  assert.doesNotMatch(JSON.stringify(gone.body), /Hidden|optout\.example/);
});

test('the footer status names the counting rules, what was read and the problems', async () => {
  const st = await getJson(`${s.url}api/status`);
  assert.equal(st.status, 200);
  assert.match(JSON.stringify(st.body.spec), /commits authored or co-authored/);
  assert.equal(st.body.problems, 1);
  assert.ok((st.body.sources as { kind: string }[]).some((x) => x.kind === 'gitlog'));
  assert.equal((st.body.snapshot as { generation: number }).generation, 1);
});

/** A raw request, so the path goes out exactly as written (fetch would normalise `..`). */
function raw(url: string, path: string, method = 'GET', host?: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('hostile requests get a 4xx with a clear message and never reach SQL as text', async () => {
  const r = '/api/reports/contributors-by-country';
  const cases: [string, number, RegExp][] = [
    ['/api/reports/no-such-report', 404, /unknown report "no-such-report"/],
    ['/api/reports/contributors-by-country;DROP%20TABLE%20credits', 400, /not a report name/],
    [`${r}?repo=${encodeURIComponent("x/y' OR '1'='1")}`, 400, /--repo must be owner\/name/],
    [`${r}?since=${encodeURIComponent("2020-01-01'); DROP TABLE credits; --")}`, 400, /--since must be a date/],
    [`${r}?by=${encodeURIComponent('year UNION SELECT * FROM people')}`, 400, /--by must be year, quarter or month/],
    [`${r}?regions=${encodeURIComponent("apart' --")}`, 400, /regions/],
    [`${r}?top=1e309`, 400, /"top" must be a whole number/],
    [`${r}?top=-1`, 400, /"top" must be a whole number/],
    [`${r}?known-only=maybe`, 400, /"known-only" must be 1 or 0/],
    [`${r}?select=*`, 400, /unknown parameter "select"/],
    [`${r}?since=${'9'.repeat(5000)}`, 400, /query string too long/],
    [`${r}?repo=${'a'.repeat(300)}/b`, 400, /too long/],
    [`${r}?${Array.from({ length: 25 }, () => 'repo=a/b').join('&')}`, 400, /more than 20 times/],
    [`${r}?by=year&by=month`, 400, /given more than once/],
    [`${r}?segment=${encodeURIComponent("core' OR 1=1")}`, 400, /segment/],
    [`${r}?segment=core`, 400, /does not take --segment/],
    ['/api/people?company=x&country=y', 400, /exactly one of/],
    [`/api/people?company=${encodeURIComponent("' OR 1=1 --")}&limit=100000`, 400, /"limit" must be a whole number from 1 to 200/],
    ['/api/people/p1%27%20OR%20%271%27%3D%271', 400, /not a person id/],
    ['/api/reports/..%2F..%2Fetc%2Fpasswd', 400, /not a report name/],
    ['/api/nothing-here', 404, /no such API/],
  ];
  for (const [path, status, message] of cases) {
    const res = await raw(s.url, path);
    assert.equal(res.status, status, `${path} -> ${res.status} ${res.body}`);
    assert.match(JSON.parse(res.body).error, message, path);
  }
  // A label is compared with finished rows in the server, never put into SQL: SQL text is just a label nobody has.
  const label = await getJson(`${s.url}api/reports/contributors-by-country?label=${encodeURIComponent("CN' OR '1'='1")}`);
  assert.equal(label.status, 200);
  assert.deepEqual(label.body.rows, []);
  for (const path of ['/../../etc/passwd', '/api/reports/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json', '/web/../package.json']) {
    const res = await raw(s.url, path);
    assert.ok(res.status === 404 || res.status === 400, `${path} -> ${res.status}`);
    assert.doesNotMatch(res.body, /root:|"dependencies"/, path);
  }
  assert.equal((await raw(s.url, '/api/reports', 'POST')).status, 405);
  assert.equal((await raw(s.url, '/api/reports', 'GET', 'evil.example:80')).status, 403, 'another Host name is refused (DNS rebinding)');
  // Nothing above changed the data.
  const after = await getJson(`${s.url}api/reports/contributors-by-country`);
  assert.equal(row(after.body.rows, 'country', 'CN')!.contributors, 2);
});
