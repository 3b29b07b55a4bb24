// Flags bot and AI-agent aliases from the reviewed list in data/bots.yaml (exact logins, e-mails, names, then anchored patterns).
import { join } from 'node:path';
import { asMap, badData, checkExamples, compilePattern, readYamlMap, requiredString, stringList } from './data-file.ts';
import { loginFromNoreply, normaliseEmail } from './noreply.ts';

export type BotKind = 'bot' | 'ai-agent';
export interface BotVerdict { kind: BotKind; rule: string } // rule = which list entry or pattern matched, for explanations
export interface BotRules { classify(alias: { name: string; email: string; login: string | null }): BotVerdict | null }

export const BOT_KINDS: readonly BotKind[] = ['ai-agent', 'bot'];
export type BotField = 'login' | 'name' | 'email';
const FIELDS: readonly BotField[] = ['login', 'name', 'email'];

export interface BotPattern { id: string; kind: BotKind; fields: BotField[]; regex: RegExp; why: string }
export interface BotData {
  exact: { kind: BotKind; field: BotField; value: string }[]; // values as written in the file
  patterns: BotPattern[];
}

// Logins and names compare case-insensitively, e-mails normalised; one key function keeps load and lookup in step.
function key(field: BotField, value: string): string {
  return field === 'email' ? normaliseEmail(value) : value.trim().toLowerCase();
}

function isBotKind(v: unknown): v is BotKind {
  return typeof v === 'string' && (BOT_KINDS as readonly string[]).includes(v);
}

/** Parses and checks the file; exported so the data test can inspect the lists, not only the classifier. */
export function readBotData(file: string): BotData {
  const doc = readYamlMap(file);
  const exact: BotData['exact'] = [];
  for (const kind of BOT_KINDS) {
    const section = doc[kind] === undefined ? {} : asMap(doc[kind], file, kind);
    for (const k of Object.keys(section)) {
      if (!['logins', 'emails', 'names'].includes(k)) throw badData(file, `${kind}.${k} is not one of logins, emails, names`);
    }
    for (const [list, field] of [['logins', 'login'], ['emails', 'email'], ['names', 'name']] as const) {
      for (const value of stringList(section[list], file, `${kind}.${list}`)) {
        if (value.trim() === '') throw badData(file, `${kind}.${list} has an empty entry`);
        exact.push({ kind, field, value });
      }
    }
  }
  const patternsRaw = doc['patterns'] ?? [];
  if (!Array.isArray(patternsRaw)) throw badData(file, 'patterns must be a list');
  const patterns = patternsRaw.map((raw, i): BotPattern => {
    const entry = asMap(raw, file, `patterns[${i}]`);
    const id = requiredString(entry['id'], file, `patterns[${i}].id`);
    const kind = entry['kind'];
    if (!isBotKind(kind)) throw badData(file, `pattern ${id}: kind must be one of ${BOT_KINDS.join(', ')}`);
    const fields = stringList(entry['fields'], file, `pattern ${id}.fields`);
    if (fields.length === 0) throw badData(file, `pattern ${id}: fields must name at least one of ${FIELDS.join(', ')}`);
    const checked = fields.map((f) => {
      const found = FIELDS.find((x) => x === f);
      if (!found) throw badData(file, `pattern ${id}: unknown field "${f}"`);
      return found;
    });
    const regex = compilePattern(requiredString(entry['regex'], file, `pattern ${id}.regex`), file, `pattern ${id}`);
    checkExamples(regex, entry, file, `pattern ${id}`);
    return { id, kind, fields: checked, regex, why: requiredString(entry['why'], file, `pattern ${id}.why`) };
  });
  return { exact, patterns };
}

export function loadBotRules(dataDir: string): BotRules {
  const data = readBotData(join(dataDir, 'bots.yaml'));
  const exact = new Map<string, BotVerdict>();
  for (const e of data.exact) {
    const k = `${e.field}:${key(e.field, e.value)}`;
    const prior = exact.get(k);
    // The same value under both kinds would make the verdict depend on file order.
    if (prior && prior.kind !== e.kind) throw badData(join(dataDir, 'bots.yaml'), `${e.field} "${e.value}" is listed as both bot and ai-agent`);
    exact.set(k, { kind: e.kind, rule: `bots.yaml ${e.kind} ${e.field}: ${e.value}` });
  }
  return {
    classify(alias) {
      // A noreply address names the account even when the caller has no login for the alias.
      const login = alias.login?.trim() || loginFromNoreply(alias.email);
      const values: [BotField, string | null][] = [['login', login], ['email', alias.email], ['name', alias.name]];
      for (const [field, value] of values) {
        if (!value || value.trim() === '') continue;
        const hit = exact.get(`${field}:${key(field, value)}`);
        if (hit) return hit;
      }
      for (const p of data.patterns) {
        for (const [field, value] of values) {
          if (!value || !p.fields.includes(field)) continue;
          if (p.regex.test(key(field, value))) return { kind: p.kind, rule: `bots.yaml pattern ${p.id} (${field})` };
        }
      }
      return null;
    },
  };
}
