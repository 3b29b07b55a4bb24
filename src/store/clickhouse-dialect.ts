// DuckDB's spelling of the same SQL, for ClickHouse: functions ClickHouse names differently (same arguments, same
// results), string literals (DuckDB takes `\` literally, ClickHouse as an escape) and round() (half away from zero in
// DuckDB, half to even on a Float64 in ClickHouse). Anything that differs in structure gets a `.clickhouse.sql` sibling.

/** Equivalents (`hash` only as a key). `lower`/`upper`: DuckDB's are Unicode-aware, like lowerUTF8/upperUTF8. */
export const renamedFunctions: Readonly<Record<string, string>> = {
  arg_max: 'argMax', arg_min: 'argMin', any_value: 'any', count_if: 'countIf',
  list_contains: 'has', starts_with: 'startsWith', ends_with: 'endsWith',
  lower: 'lowerUTF8', upper: 'upperUTF8',
  // DuckDB's unnest in a select list expands rows as arrayJoin does; two in one select list are zipped by DuckDB and
  // multiplied by ClickHouse (no statement here does that; it needs a sibling).
  unnest: 'arrayJoin',
  // With formatdatetime_parsedatetime_m_is_month_name = 0 (session setting), %M is minutes in both.
  strftime: 'formatDateTime',
  // A 64-bit hash used as a join or grouping key: the values differ between engines, equality does not.
  hash: 'cityHash64',
  // Element order is unspecified in both; `list(DISTINCT x)` becomes groupArray's Distinct combinator.
  list: 'groupArray', array_agg: 'groupArray',
};

/** Calls rewritten whole, from their argument texts (already in ClickHouse's spelling). */
const rewrittenCalls: Readonly<Record<string, (args: string[]) => string | null>> = {
  round: ([x, n, ...rest]) => {
    const digits = Number(n ?? '0');
    return rest.length === 0 && x !== undefined && Number.isInteger(digits) && digits >= 0 ? roundHalfAway(x, digits) : null;
  },
  // Both engines use RE2; a full match is a match of the whole string.
  regexp_full_match: ([s, p, ...rest]) => (rest.length === 0 && p !== undefined ? `toBool(match(${s}, concat('^(?:', ${p}, ')$')))` : null),
  // A count of a list's elements in both, signed as DuckDB's BIGINT (`coalesce(length(x), -1)` must type-check);
  // on a string ClickHouse counts bytes where DuckDB counts characters.
  len: ([x, ...rest]) => (rest.length === 0 ? `toInt64(length(${x}))` : null),
  length: ([x, ...rest]) => (rest.length === 0 ? `toInt64(length(${x}))` : null),
  // Seconds since 1970 as a DOUBLE, as DuckDB's epoch() gives them.
  epoch: ([x, ...rest]) => (rest.length === 0 ? `(toUnixTimestamp64Milli(toDateTime64(${x}, 3, 'UTC')) / 1000)` : null),
  // The part before the last '/' ('' without one), as DuckDB gives it for 'forward_slash'.
  parse_dirpath: ([p, sep, ...rest]) => (rest.length === 0 && sep === "'forward_slash'"
    ? `if(position(${p}, '/') = 0, '', substring(${p}, 1, length(${p}) - position(reverse(${p}), '/')))` : null),
  // An ordered first(): argMin over the sort keys as a tuple, a descending key negated (a string key cannot be, and
  // fails loudly: that statement needs a sibling). Without ORDER BY, DuckDB's first() is any value.
  first: (args) => {
    const m = /^([\s\S]*?)\s+ORDER\s+BY\s+([\s\S]*)$/i.exec(args[0] ?? '');
    if (!m) return args.length === 1 ? `any(${args[0]})` : null;
    const keys = [m[2]!, ...args.slice(1)].map((k) => {
      const d = /^([\s\S]*?)\s+(ASC|DESC)$/i.exec(k.trim());
      return d ? (d[2]!.toUpperCase() === 'DESC' ? `-(${d[1]})` : d[1]!) : k.trim();
    });
    return `argMin(${m[1]}, (${keys.join(', ')}))`;
  },
  // An interval of days, as seconds: timestamps are DateTime64(0), whose difference is Decimal seconds and to which seconds
  // add (a Date32 would add days: no statement here does that). ClickHouse's own to_days() counts days since year 0.
  to_days: ([x, ...rest]) => (rest.length === 0 ? `(toInt64(${x}) * 86400)` : null),
  try_cast: ([x, ...rest]) => {
    const m = /^([\s\S]+)\s+AS\s+(\w+)$/i.exec(x ?? '');
    return rest.length === 0 && m ? `accurateCastOrNull(${m[1]}, '${m[2]}')` : null;
  },
  string_split: ([str, sep, ...rest]) => (rest.length === 0 && sep !== undefined ? `splitByString(${sep}, ${str})` : null),
  bool_or: ([x, ...rest]) => (rest.length === 0 ? `max(toBool(${x}))` : null),
  bool_and: ([x, ...rest]) => (rest.length === 0 ? `min(toBool(${x}))` : null),
};

type Token = { kind: 'string' | 'ident' | 'word' | 'space' | 'comment' | 'other'; text: string };

const TOKEN = /('(?:[^']|'')*')|("(?:[^"]|"")*")|(--[^\n]*|\/\*[\s\S]*?\*\/)|([A-Za-z_][A-Za-z0-9_]*)|(\s+)|([\s\S])/g;

function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  for (const m of sql.matchAll(TOKEN)) {
    const kind = m[1] ? 'string' : m[2] ? 'ident' : m[3] ? 'comment' : m[4] ? 'word' : m[5] ? 'space' : 'other';
    out.push({ kind, text: m[0] });
  }
  return out;
}

const solid = (t: Token | undefined) => t !== undefined && t.kind !== 'space' && t.kind !== 'comment';
function nextSolid(tokens: Token[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && !solid(tokens[j])) j++;
  return j;
}
function prevSolid(tokens: Token[], i: number): Token | undefined {
  let j = i - 1;
  while (j >= 0 && !solid(tokens[j])) j--;
  return tokens[j];
}

/** The arguments of the call whose `(` is at `open`, as text, and the index of its `)`. */
function callArgs(tokens: Token[], open: number): { args: string[]; close: number } | null {
  let depth = 0;
  const args: string[] = [''];
  for (let j = open; j < tokens.length; j++) {
    const t = tokens[j]!.text;
    if (tokens[j]!.kind === 'other' && (t === '(' || t === '[')) depth++;
    if (tokens[j]!.kind === 'other' && (t === ')' || t === ']')) depth--;
    if (depth === 0) return { args: args.map((a) => a.trim()), close: j };
    if (j === open) continue;
    if (depth === 1 && t === ',') args.push('');
    else args[args.length - 1] += t;
  }
  return null;
}

/** DuckDB rounds a DOUBLE as std::round(x * 10^n) / 10^n: half away from zero, on the scaled value. */
function roundHalfAway(expr: string, digits: number): string {
  const scale = 10 ** digits;
  const y = `abs((${expr}) * ${scale})`;
  return `(sign(${expr}) * if(${y} - floor(${y}) >= 0.5, ceil(${y}), floor(${y})) / ${scale})`;
}

/** `FROM unnest(x) AS t(c)`: a subquery over arrayJoin, which ClickHouse has as a function, not a table. */
function unnestTable(tokens: Token[], at: number): { text: string; end: number } | null {
  const call = callArgs(tokens, nextSolid(tokens, at));
  if (!call || call.args.length !== 1) return null;
  const as = nextSolid(tokens, call.close);
  const alias = nextSolid(tokens, as);
  const open = nextSolid(tokens, alias);
  const col = nextSolid(tokens, open);
  const close = nextSolid(tokens, col);
  const word = (j: number) => tokens[j]?.kind === 'word';
  if (tokens[as]?.text.toUpperCase() !== 'AS' || !word(alias) || tokens[open]?.text !== '(' || !word(col) || tokens[close]?.text !== ')') {
    return null;
  }
  return { text: `(SELECT arrayJoin(${fromDuckDB(call.args[0]!)}) AS ${tokens[col]!.text}) AS ${tokens[alias]!.text}`, end: close };
}

/**
 * A select-list item that is just `t.col`: DuckDB names the column `col`; ClickHouse names it "t.col" where a join makes
 * `col` ambiguous, and a CTE reading it by `col` then fails. Returns the index of `col` when `at` starts such an item.
 */
function qualifiedItem(tokens: Token[], at: number, inSelectList: boolean): number | null {
  const before = prevSolid(tokens, at)?.text.toUpperCase();
  if (!inSelectList || (before !== 'SELECT' && before !== 'DISTINCT' && before !== ',')) return null;
  const dot = nextSolid(tokens, at);
  const col = nextSolid(tokens, dot);
  const after = tokens[nextSolid(tokens, col)];
  if (tokens[dot]?.text !== '.' || tokens[col]?.kind !== 'word') return null;
  return after === undefined || after.text === ',' || after.text === ')' || after.text.toUpperCase() === 'FROM' ? col : null;
}

export function fromDuckDB(sql: string): string {
  const tokens = tokenize(sql);
  let out = '';
  let depth = 0;
  const selectLists = new Set<number>();
  const unnests = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'string') {
      out += t.text.replace(/\\/g, '\\\\');
      continue;
    }
    if (t.kind === 'other' && t.text === '(') depth++;
    if (t.kind === 'other' && t.text === ')') selectLists.delete(depth--);
    if (t.kind === 'word' && /^select$/i.test(t.text)) {
      selectLists.add(depth);
      unnests.set(depth, 0);
    }
    if (t.kind === 'word' && /^from$/i.test(t.text)) selectLists.delete(depth);
    const before = prevSolid(tokens, i)?.text;
    // Typed literals: ClickHouse's DATE '...' is a Date (1970-2149); DuckDB's reaches 1900 and earlier.
    const literal = tokens[nextSolid(tokens, i)];
    if (t.kind === 'word' && /^(date|timestamp)$/i.test(t.text) && literal?.kind === 'string' && !/^(as|::)$/i.test(before ?? '')) {
      out += /^date$/i.test(t.text) ? `toDate32(${literal.text})` : `toDateTime64(${literal.text}, 0, 'UTC')`;
      i = nextSolid(tokens, i);
      continue;
    }
    // DuckDB's SEMI JOIN and ANTI JOIN are ClickHouse's LEFT SEMI JOIN and LEFT ANTI JOIN.
    if (t.kind === 'word' && /^(semi|anti)$/i.test(t.text) && /^join$/i.test(tokens[nextSolid(tokens, i)]?.text ?? '')
      && !/^(left|right)$/i.test(before ?? '')) {
      out += `LEFT ${t.text}`;
      continue;
    }
    const col = t.kind === 'word' ? qualifiedItem(tokens, i, selectLists.has(depth)) : null;
    if (col !== null) {
      out += `${t.text}.${tokens[col]!.text} AS ${tokens[col]!.text}`;
      i = col;
      continue;
    }
    if (t.kind !== 'word' || tokens[nextSolid(tokens, i)]?.text !== '(' || before === '.' || before === '$') {
      out += t.text;
      continue;
    }
    const name = t.text.toLowerCase();
    if (name === 'unnest' && /^(from|join|,)$/i.test(before ?? '')) {
      const table = unnestTable(tokens, i);
      if (table) {
        out += table.text;
        i = table.end;
        continue;
      }
    }
    const rewrite = rewrittenCalls[name];
    if (rewrite) {
      const call = callArgs(tokens, nextSolid(tokens, i));
      const text = call ? rewrite(call.args.map(fromDuckDB)) : null;
      if (call && text !== null) {
        out += text;
        i = call.close;
        continue;
      }
    }
    if (name === 'unnest' && selectLists.has(depth)) {
      unnests.set(depth, (unnests.get(depth) ?? 0) + 1);
      if (unnests.get(depth)! > 1) throw new Error('two unnest() in one select list: DuckDB zips them, ClickHouse would multiply them; write a .clickhouse.sql sibling');
    }
    out += renamedFunctions[name] ?? t.text;
  }
  return out;
}
