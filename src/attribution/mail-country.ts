// Country evidence from an e-mail address: a national mail provider or a country-code domain (data/email-countries.yaml).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import countries from 'i18n-iso-countries';
import { CensusError, ExitCode } from '../errors.ts';
import type { CompanyMap } from './companies.ts';

export interface MailCountry { country: string; domain: string; rule: 'provider' | 'country-code domain' }

interface MailCountryData { providers: Map<string, string>; vanity: Set<string>; extra: Map<string, string> }

export function readMailCountries(dataDir: string): MailCountryData {
  const file = join(dataDir, 'email-countries.yaml');
  const bad = (why: string) => new CensusError(`${file}: ${why}`, { exitCode: ExitCode.badInput });
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw bad((err as Error).message);
  }
  const d = doc as { providers?: Record<string, string>; tlds?: { vanity?: string[]; extra?: Record<string, string> } };
  if (!d || typeof d.providers !== 'object' || !d.tlds || !Array.isArray(d.tlds.vanity)) throw bad('needs providers: and tlds: { vanity, extra }');
  const code = (where: string, c: string) => {
    if (!countries.isValid(c)) throw bad(`${where}: "${c}" is not an ISO 3166-1 alpha-2 code`);
    return c.toUpperCase();
  };
  return {
    providers: new Map(Object.entries(d.providers).map(([k, v]) => [k.toLowerCase(), code(k, v)])),
    vanity: new Set(d.tlds.vanity.map((t) => t.toLowerCase())),
    extra: new Map(Object.entries(d.tlds.extra ?? {}).map(([k, v]) => [k.toLowerCase(), code(k, v)])),
  };
}

/** e-mail -> country evidence, or null (no country said: a company's domain, a global provider, a vanity domain). */
export function mailCountry(dataDir: string, companies: CompanyMap): (email: string) => MailCountry | null {
  const data = readMailCountries(dataDir);
  return (email) => {
    const at = email.lastIndexOf('@');
    if (at < 0) return null;
    const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
    if (domain === '' || companies.companyForEmail(email) !== null) return null;
    const labels = domain.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const provider = data.providers.get(labels.slice(i).join('.'));
      if (provider) return { country: provider, domain, rule: 'provider' };
    }
    const tld = labels[labels.length - 1]!;
    const extra = data.extra.get(tld);
    if (extra) return { country: extra, domain, rule: 'country-code domain' };
    if (tld.length !== 2 || data.vanity.has(tld) || !countries.isValid(tld.toUpperCase())) return null;
    return { country: tld.toUpperCase(), domain, rule: 'country-code domain' };
  };
}
