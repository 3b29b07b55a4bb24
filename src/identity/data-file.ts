// Reads and checks the identity reference files in data/ (bots.yaml, generic-emails.yaml), failing with a CensusError that names the file.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CensusError, ExitCode } from '../errors.ts';

export type YamlMap = Record<string, unknown>;

export function badData(file: string, problem: string): CensusError {
  return new CensusError(`${file}: ${problem}`, {
    hint: `Fix ${file}; it is reviewed reference data and must match the shape described in its header comment.`,
    exitCode: ExitCode.badInput,
  });
}

export function readYamlMap(file: string): YamlMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw badData(file, `cannot read (${err instanceof Error ? err.message : String(err)})`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw badData(file, `invalid YAML (${err instanceof Error ? err.message : String(err)})`);
  }
  return asMap(doc, file, 'the document');
}

export function asMap(value: unknown, file: string, where: string): YamlMap {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badData(file, `${where} must be a mapping`);
  return value as YamlMap;
}

/** A list of strings; a missing key reads as an empty list, since most sections are optional. */
export function stringList(value: unknown, file: string, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badData(file, `${where} must be a list`);
  return value.map((v, i) => {
    if (typeof v !== 'string') throw badData(file, `${where}[${i}] must be a string`);
    return v;
  });
}

export function requiredString(value: unknown, file: string, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw badData(file, `${where} must be a non-empty string`);
  return value;
}

/** Compiles a pattern case-insensitively; a bad regex is a data error, not a crash. */
export function compilePattern(source: string, file: string, where: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch (err) {
    throw badData(file, `${where} is not a valid regular expression (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Each pattern carries examples; checking them at load time keeps a wrong edit from silently changing verdicts. */
export function checkExamples(re: RegExp, entry: YamlMap, file: string, where: string): void {
  for (const s of stringList(entry['matches'], file, `${where}.matches`)) {
    if (!re.test(s)) throw badData(file, `${where} does not match its own example "${s}"`);
  }
  for (const s of stringList(entry['doesNotMatch'], file, `${where}.doesNotMatch`)) {
    if (re.test(s)) throw badData(file, `${where} matches its counter-example "${s}"`);
  }
}
