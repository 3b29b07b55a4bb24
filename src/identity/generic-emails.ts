// Loads data/generic-emails.yaml into the predicate that tells identity resolution which addresses are no evidence.
import { join } from 'node:path';
import { asMap, badData, checkExamples, compilePattern, readYamlMap, requiredString, stringList } from './data-file.ts';
import { normaliseEmail } from './noreply.ts';

export interface GenericEmailData {
  exact: string[];
  patterns: { id: string; regex: RegExp; why: string }[];
  notGeneric: string[];
}

/** Parses and checks the file; exported so the data test can inspect the lists, not only the predicate. */
export function readGenericEmails(file: string): GenericEmailData {
  const doc = readYamlMap(file);
  const exact = stringList(doc['exact'], file, 'exact').map((e) => e.trim());
  const patternsRaw = doc['patterns'] ?? [];
  if (!Array.isArray(patternsRaw)) throw badData(file, 'patterns must be a list');
  const patterns = patternsRaw.map((raw, i) => {
    const entry = asMap(raw, file, `patterns[${i}]`);
    const id = requiredString(entry['id'], file, `patterns[${i}].id`);
    const regex = compilePattern(requiredString(entry['regex'], file, `patterns[${i}].regex`), file, `pattern ${id}`);
    checkExamples(regex, entry, file, `pattern ${id}`);
    return { id, regex, why: requiredString(entry['why'], file, `pattern ${id}.why`) };
  });
  const notGenericRaw = doc['notGeneric'] ?? [];
  if (!Array.isArray(notGenericRaw)) throw badData(file, 'notGeneric must be a list');
  const notGeneric = notGenericRaw.map((raw, i) => {
    const entry = asMap(raw, file, `notGeneric[${i}]`);
    requiredString(entry['why'], file, `notGeneric[${i}].why`);
    return requiredString(entry['email'], file, `notGeneric[${i}].email`).trim();
  });
  // Entries are compared to normalised addresses, so an upper-case entry could never match.
  for (const e of [...exact, ...notGeneric]) {
    if (e !== normaliseEmail(e)) throw badData(file, `"${e}" must be written trimmed and in lower case`);
  }
  return { exact, patterns, notGeneric };
}

export function loadGenericEmails(dataDir: string): (email: string) => boolean {
  const data = readGenericEmails(join(dataDir, 'generic-emails.yaml'));
  const exact = new Set(data.exact);
  const keep = new Set(data.notGeneric);
  const patterns = data.patterns.map((p) => p.regex);
  return (email: string): boolean => {
    const e = normaliseEmail(email);
    if (keep.has(e)) return false;
    return exact.has(e) || patterns.some((re) => re.test(e));
  };
}
