// DuckDB's spelling read by ClickHouse: the rewrites as text, and (where chDB loads) the same answers from both engines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { fromDuckDB } from './clickhouse-dialect.ts';
import { chdbUnavailable } from './chdb-probe.ts';
import { ChSession, parseTarget } from './clickhouse-session.ts';

test('functions ClickHouse names differently are renamed; strings, comments, columns and parameters are not', () => {
  assert.equal(fromDuckDB("SELECT arg_max(company, at), list_contains($fold, c) -- lower(x)\nFROM t WHERE t.lower = 'arg_max(' AND $lower"),
    "SELECT argMax(company, at), has($fold, c) -- lower(x)\nFROM t WHERE t.lower = 'arg_max(' AND $lower");
  assert.equal(fromDuckDB("SELECT lower(trim(email)), strftime(at, '%Y-%m')"), "SELECT lowerUTF8(trim(email)), formatDateTime(at, '%Y-%m')");
  assert.equal(fromDuckDB("x LIKE p ESCAPE '\\'"), "x LIKE p ESCAPE '\\\\'", 'a DuckDB backslash is literal; ClickHouse needs it escaped');
  assert.equal(fromDuckDB("SELECT 'it''s'"), "SELECT 'it''s'");
});

test('joins, typed literals, casts, ordered first() and columns named as DuckDB names them', () => {
  assert.equal(fromDuckDB("SELECT s.* FROM a s ANTI JOIN b ON x SEMI JOIN c ON y LEFT JOIN d ON z"),
    'SELECT s.* FROM a s LEFT ANTI JOIN b ON x LEFT SEMI JOIN c ON y LEFT JOIN d ON z');
  assert.equal(fromDuckDB("SELECT DATE '1900-01-01', TIMESTAMP '2024-01-01 00:00:00', CAST(x AS DATE)"),
    "SELECT toDate32('1900-01-01'), toDateTime64('2024-01-01 00:00:00', 0, 'UTC'), CAST(x AS DATE)");
  assert.equal(fromDuckDB("TRY_CAST(string_split(ref, ':')[-1] AS INTEGER)"), "accurateCastOrNull(splitByString(':', ref)[-1], 'INTEGER')");
  assert.equal(fromDuckDB('first(unit ORDER BY n DESC, unit) FILTER (WHERE $by)'), 'argMin(unit, (-(n), unit)) FILTER (WHERE $by)');
  assert.equal(fromDuckDB('SELECT f.period, f.a + 1 AS b, (SELECT u.c FROM u) FROM f GROUP BY f.period'),
    'SELECT f.period AS period, f.a + 1 AS b, (SELECT u.c AS c FROM u) FROM f GROUP BY f.period');
});

test('round() becomes half away from zero; FROM unnest(x) AS t(c) a subquery; len() a signed count', () => {
  assert.equal(fromDuckDB('round(100.0 * a / b, 2)'),
    '(sign(100.0 * a / b) * if(abs((100.0 * a / b) * 100) - floor(abs((100.0 * a / b) * 100)) >= 0.5, ' +
    'ceil(abs((100.0 * a / b) * 100)), floor(abs((100.0 * a / b) * 100))) / 100)');
  assert.equal(fromDuckDB('EXISTS (SELECT 1 FROM unnest($repos) AS t(pattern) WHERE r LIKE t.pattern)'),
    'EXISTS (SELECT 1 FROM (SELECT arrayJoin($repos) AS pattern) AS t WHERE r LIKE t.pattern)');
  assert.equal(fromDuckDB('len($repos) = 0'), 'toInt64(length($repos)) = 0');
  assert.equal(fromDuckDB('round(x, n)'), 'round(x, n)', 'a non-literal precision is left for a sibling');
  assert.throws(() => fromDuckDB('SELECT unnest(a), unnest(b) FROM t'), /DuckDB zips them/);
  assert.equal(fromDuckDB('SELECT unnest(a) FROM (SELECT unnest(b) AS a FROM t)'), 'SELECT arrayJoin(a) FROM (SELECT arrayJoin(b) AS a FROM t)');
});

const why = await chdbUnavailable();
test('each rewrite answers as DuckDB does, value for value', { skip: why ?? false }, async () => {
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const ch = await ChSession.open(parseTarget(`chdb://${mkdtempSync(join(tmpdir(), 'census-dialect-'))}`), undefined);
  try {
    const both = async (sql: string) => {
      const d = (await duck.runAndReadAll(sql)).getRowsJS().map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
      const c = (await ch.rows(fromDuckDB(sql))).map((r) => Object.values(r));
      return { d, c };
    };
    // Shares: every a/b with b up to 120, where half-to-even and half-away-from-zero would part (1/8 -> 12.5%).
    const upTo = (n: number) => `[${Array.from({ length: n + 1 }, (_, i) => i).join(', ')}]`;
    const shares = await both(`SELECT a, b, round(100.0 * a / b, 2), round(100.0 * a / b, 1), round(a / 8.0) FROM
      (SELECT unnest(${upTo(120)}) AS a) x, (SELECT unnest(${upTo(120)}) AS b) y WHERE b > 0 AND a <= b ORDER BY a, b`);
    assert.equal(shares.d.length, 7380);
    assert.deepEqual(shares.c, shares.d);
    const paths = ['a/b/c.txt', 'c.txt', 'a/b/', '/x', '', 'a//b', 'é/ü.md'];
    const text = await both(`SELECT p, parse_dirpath(p, 'forward_slash'), regexp_full_match(p, '[a-z/]+\\.txt'), lower(upper(p)),
      strftime(TIMESTAMP '2024-03-01 02:04:05', '%Y-%m-%d %H:%M:%S'), epoch(TIMESTAMP '2024-03-01 02:04:05'), len([p, p]),
      TRY_CAST(string_split(p || ':12', ':')[-1] AS INTEGER), TRY_CAST(p AS INTEGER),
      -- (a comparison selected as a column is a UInt8 in ClickHouse, a BOOLEAN in DuckDB: compared through CASE here)
      CASE WHEN DATE '1900-01-01' < DATE '1960-01-01' THEN 'y' END,
      CASE WHEN TIMESTAMP '2024-03-03 00:00:00' - TIMESTAMP '2024-03-01 12:00:00' <= to_days(2) THEN 'y' ELSE 'n' END,
      CASE WHEN TIMESTAMP '2024-03-03 00:00:00' - TIMESTAMP '2024-03-01 12:00:00' <= to_days(1) THEN 'y' ELSE 'n' END
      FROM (SELECT unnest([${paths.map((p) => `'${p}'`).join(', ')}]) AS p) ORDER BY p`);
    assert.deepEqual(text.c, text.d);
    const rows = [[1, 'b', 2], [1, 'a', 2], [1, 'c', 1], [2, 'd', 5]].map(([g, v, n]) => `SELECT ${g} AS g, '${v}' AS v, ${n} AS n`);
    const firsts = await both(`SELECT g, first(v ORDER BY n DESC, v) FROM (${rows.join(' UNION ALL ')}) GROUP BY g ORDER BY g`);
    assert.deepEqual(firsts.c, firsts.d);
  } finally {
    duck.closeSync();
    await ch.close();
  }
});
