// Company reference data (data/companies/*.yaml, data/personal-domains.yaml): names, spellings, mail domains, owners.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { CensusError, ExitCode } from '../errors.ts';

export interface CompanyMap {
  /** gitdm spelling -> canonical name; unknown names come back cleaned (trimmed, single spaces). */
  canonical(name: string): string;
  /** By mail domain, longest suffix first; null for personal, shared-service or unknown domains. */
  companyForEmail(email: string): string | null;
  isPersonalDomain(domainOrEmail: string): boolean;
  /** Ultimate owner at `at` (YYYY-MM-DD) by following acquisitions, or null if it was still independent. */
  acquirer(name: string, at: string): string | null;
  /** Every change of owner, chains followed (Pivotal -> VMware 2019-12-30, Pivotal -> Broadcom 2023-11-22). */
  ownershipChanges(): { company: string; owner: string; from: string }[];
}

export interface CompanyRecord {
  file: string;
  name: string;
  aliases: string[];
  domains: string[];
  acquiredBy: { name: string; date: string } | null;
}

export interface PersonalDomains {
  file: string;
  /** Exact domains (subdomains included) and `name.*` wildcards. */
  domains: string[];
  /** Whole addresses at company domains that stand for no one's employer (noreply@github.com). */
  addresses: string[];
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const WILDCARD = /^[a-z0-9-]+\.\*$/;
const ADDRESS = /^[^\s@]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const COMPANY_KEYS = new Set(['name', 'aliases', 'domains', 'acquired_by']);
// A "name.*" wildcard stands for one- or two-label public suffixes: yahoo.fr, yahoo.co.jp.
const WILDCARD_MAX_SUFFIX_LABELS = 2;

function invalid(file: string, message: string): CensusError {
  return new CensusError(`${file}: ${message}`, {
    hint: 'fix the reference data file (see data/companies/*.yaml for the expected shape)',
    exitCode: ExitCode.badInput,
  });
}

function isCalendarDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

/** Lookup key for names: case and spacing differences in gitdm are not different companies. */
function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw invalid(file, `cannot read YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(file: string, doc: Record<string, unknown>, key: string, required: boolean): string[] {
  const v = doc[key];
  if (v === undefined || v === null) {
    if (required) throw invalid(file, `missing "${key}" (a list, may be empty)`);
    return [];
  }
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) {
    throw invalid(file, `"${key}" must be a list of non-empty strings`);
  }
  return v.map((s: string) => s.trim());
}

export function readCompanyFile(file: string): CompanyRecord {
  const doc = readYaml(file);
  if (!isRecord(doc)) throw invalid(file, 'expected a mapping with name, aliases, domains');
  for (const key of Object.keys(doc)) if (!COMPANY_KEYS.has(key)) throw invalid(file, `unknown key "${key}"`);
  const name = doc['name'];
  if (typeof name !== 'string' || name.trim() === '') throw invalid(file, '"name" must be a non-empty string');
  const aliases = stringList(file, doc, 'aliases', true);
  const domains = stringList(file, doc, 'domains', true);
  for (const d of domains) if (!DOMAIN.test(d)) throw invalid(file, `domain "${d}" is not a lower-case mail domain`);
  let acquiredBy: CompanyRecord['acquiredBy'] = null;
  const acq = doc['acquired_by'];
  if (acq !== undefined) {
    if (!isRecord(acq) || typeof acq['name'] !== 'string' || typeof acq['date'] !== 'string') {
      throw invalid(file, '"acquired_by" must be { name: string, date: "YYYY-MM-DD" }');
    }
    if (!isCalendarDate(acq['date'])) throw invalid(file, `acquired_by.date "${acq['date']}" is not a valid YYYY-MM-DD date`);
    acquiredBy = { name: acq['name'].trim(), date: acq['date'] };
  }
  return { file, name: name.trim(), aliases, domains, acquiredBy };
}

export function readCompanyFiles(dataDir: string): CompanyRecord[] {
  const dir = join(dataDir, 'companies');
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    throw new CensusError(`${dir}: cannot list company files`, { hint: 'pass the project data/ directory', exitCode: ExitCode.notFound });
  }
  return names.map((f) => readCompanyFile(join(dir, f)));
}

export function readPersonalDomains(dataDir: string): PersonalDomains {
  const file = join(dataDir, 'personal-domains.yaml');
  const doc = readYaml(file);
  if (!isRecord(doc)) throw invalid(file, 'expected a mapping with "domains" and optional "addresses"');
  const domains = stringList(file, doc, 'domains', true);
  for (const d of domains) {
    if (!DOMAIN.test(d) && !WILDCARD.test(d)) throw invalid(file, `"${d}" is neither a lower-case domain nor name.*`);
  }
  const addresses = stringList(file, doc, 'addresses', false);
  for (const a of addresses) if (!ADDRESS.test(a)) throw invalid(file, `"${a}" is not a lower-case e-mail address`);
  return { file, domains, addresses };
}

/** Domain part of an address in `@` or gitdm `!` form, or the input itself when it is a bare domain. */
function domainOf(domainOrEmail: string): string {
  const s = domainOrEmail.trim().toLowerCase();
  const at = Math.max(s.lastIndexOf('@'), s.lastIndexOf('!'));
  return s.slice(at + 1).replace(/\.$/, '');
}

export function loadCompanyMap(dataDir: string): CompanyMap {
  const companies = readCompanyFiles(dataDir);
  const personal = readPersonalDomains(dataDir);
  const exactPersonal = new Set(personal.domains.filter((d) => !d.endsWith('.*')));
  const wildPersonal = new Set(personal.domains.filter((d) => d.endsWith('.*')).map((d) => d.slice(0, -2)));
  const sharedAddresses = new Set(personal.addresses);

  const isPersonalDomain = (domainOrEmail: string): boolean => {
    const labels = domainOf(domainOrEmail).split('.');
    for (let i = 0; i < labels.length; i++) {
      if (exactPersonal.has(labels.slice(i).join('.'))) return true;
      const rest = labels.length - i - 1;
      if (wildPersonal.has(labels[i] ?? '') && rest >= 1 && rest <= WILDCARD_MAX_SUFFIX_LABELS) return true;
    }
    return false;
  };

  const byName = new Map<string, { name: string; file: string }>();
  const byDomain = new Map<string, { name: string; file: string }>();
  for (const c of companies) {
    for (const spelling of [c.name, ...c.aliases]) {
      const prev = byName.get(nameKey(spelling));
      if (prev && prev.name !== c.name) throw invalid(c.file, `"${spelling}" is already a name or alias in ${basename(prev.file)}`);
      byName.set(nameKey(spelling), { name: c.name, file: c.file });
    }
    for (const d of c.domains) {
      const prev = byDomain.get(d);
      if (prev) throw invalid(c.file, `domain ${d} is already claimed by ${basename(prev.file)}`);
      // Personal providers always win, so such an entry could never match: it is a data mistake.
      if (isPersonalDomain(d)) throw invalid(c.file, `domain ${d} is a personal mail domain (personal-domains.yaml)`);
      byDomain.set(d, { name: c.name, file: c.file });
    }
  }

  const acquisitions = new Map<string, { name: string; date: string }>();
  for (const c of companies) {
    if (!c.acquiredBy) continue;
    const owner = byName.get(nameKey(c.acquiredBy.name));
    if (!owner) throw invalid(c.file, `acquired_by.name "${c.acquiredBy.name}" is not a company in data/companies`);
    if (owner.name === c.name) throw invalid(c.file, 'a company cannot acquire itself');
    acquisitions.set(c.name, { name: owner.name, date: c.acquiredBy.date });
  }

  const canonical = (name: string): string => {
    // LinkedIn copy-paste leaves "Company · Internship" / "Company ·": the part after " ·" is a job type.
    const cleaned = name.replace(/\s+/g, ' ').trim().replace(/ ·( .*)?$/, '');
    return byName.get(nameKey(cleaned))?.name ?? cleaned;
  };

  const companyForEmail = (email: string): string | null => {
    const s = email.trim().toLowerCase();
    const address = s.includes('@') ? s : s.replace('!', '@');
    if (!address.includes('@') || sharedAddresses.has(address)) return null;
    if (isPersonalDomain(address)) return null;
    const labels = domainOf(address).split('.');
    // Longest suffix first, so us.ibm.com finds a more specific entry before ibm.com if one exists.
    for (let i = 0; i < labels.length - 1; i++) {
      const hit = byDomain.get(labels.slice(i).join('.'));
      if (hit) return hit.name;
    }
    return null;
  };

  const acquirer = (name: string, at: string): string | null => {
    const day = at.slice(0, 10);
    if (!isCalendarDate(day)) {
      throw new CensusError(`acquirer: "${at}" is not a YYYY-MM-DD date`, { exitCode: ExitCode.badInput });
    }
    let current = canonical(name);
    let owner: string | null = null;
    const seen = new Set<string>();
    for (let a = acquisitions.get(current); a && a.date <= day && !seen.has(current); a = acquisitions.get(current)) {
      seen.add(current);
      owner = a.name;
      current = a.name;
    }
    return owner;
  };

  const ownershipChanges = () => {
    const out: { company: string; owner: string; from: string }[] = [];
    for (const company of acquisitions.keys()) {
      const seen = new Set<string>([company]);
      for (let a = acquisitions.get(company); a && !seen.has(a.name); a = acquisitions.get(a.name)) {
        seen.add(a.name);
        // A later owner takes over no earlier than the first acquisition of the chain.
        const from = out.length && out[out.length - 1]!.company === company && out[out.length - 1]!.from > a.date ? out[out.length - 1]!.from : a.date;
        out.push({ company, owner: a.name, from });
      }
    }
    return out;
  };

  return { canonical, companyForEmail, isPersonalDomain, acquirer, ownershipChanges };
}
