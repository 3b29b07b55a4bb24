// Kubernetes' sigs.yaml -> groups (SIGs, WGs, committees, user groups), the OWNERS directories their subprojects name, and leads.
import { CensusError, ExitCode } from '../errors.ts';
import { normaliseDir, parseYamlDoc, type AreaKind, type AreaLead, type AreaPath, type AreaProblem, type AreaSet, type LeadRole } from './model.ts';

/** sigs.yaml's top-level sections and the label prefix OWNERS files use for each (sig/node, wg/serving, committee/steering). */
const SECTIONS: Record<string, AreaKind> = { sigs: 'sig', workinggroups: 'wg', committees: 'committee', usergroups: 'ug' };
/** Current leadership only: emeritus_leads are not leads now. */
const LEADERSHIP: Record<string, LeadRole> = { chairs: 'chair', tech_leads: 'tech-lead' };

/**
 * kubernetes/<name> repositories are published from kubernetes/kubernetes staging/src/k8s.io/<name>/ by the publishing-bot
 * (kubernetes/publishing-bot), commits and authors preserved: an OWNERS path there also names the published repository's path.
 */
export const STAGING = { repo: 'kubernetes/kubernetes', prefix: 'staging/src/k8s.io/', publishedOwner: 'kubernetes' } as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>/OWNERS (or github.com/<owner>/<repo>/blob/<ref>/...) -> repository and directory. */
export function parseOwnersUrl(url: string): { repo: string; dir: string } | null {
  const m = /^https?:\/\/(?:raw\.githubusercontent\.com\/([\w.-]+)\/([\w.-]+)|github\.com\/([\w.-]+)\/([\w.-]+)\/(?:blob|raw))\/(.+)$/.exec(url.trim());
  if (!m) return null;
  const rest = m[5]!.split('/');
  // A ref is one segment (main, master) or refs/heads/<name>, refs/tags/<name>.
  const refLength = rest[0] === 'refs' && (rest[1] === 'heads' || rest[1] === 'tags') ? 3 : 1;
  const pathParts = rest.slice(refLength);
  if (pathParts.length === 0 || pathParts[pathParts.length - 1] === '') return null;
  return { repo: `${m[1] ?? m[3]}/${m[2] ?? m[4]}`, dir: normaliseDir(pathParts.slice(0, -1).join('/')) };
}

/** The same directory in the repository published from a kubernetes/kubernetes staging directory, if it is one. */
export function stagingMirror(repo: string, dir: string): { repo: string; dir: string } | null {
  if (repo !== STAGING.repo || !dir.startsWith(STAGING.prefix)) return null;
  const [name, ...rest] = dir.slice(STAGING.prefix.length).split('/');
  if (!name) return null;
  return { repo: `${STAGING.publishedOwner}/${name}`, dir: rest.join('/') };
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}

function leadsOf(people: unknown, area: string, subproject: string, role: LeadRole): AreaLead[] {
  const out: AreaLead[] = [];
  for (const p of list(people)) {
    const login = isObj(p) ? str(p.github) : null;
    if (!isObj(p) || !login) continue;
    out.push({ area, subproject, login, role, name: str(p.name), company: str(p.company), email: str(p.email) });
  }
  return out;
}

const HINT = 'census import sigs reads kubernetes/community sigs.yaml; for other communities write an areas file (docs/areas.md)';

export function parseSigsYaml(text: string, file: string): AreaSet {
  const doc = parseYamlDoc(text, file, HINT);
  if (!isObj(doc) || !Object.keys(SECTIONS).some((s) => s in doc)) {
    throw new CensusError(`${file}: not a sigs.yaml (no sigs, workinggroups or committees section)`, { hint: HINT, exitCode: ExitCode.badInput });
  }
  const out: AreaSet = { groups: [], paths: [], leads: [], problems: [] };
  const problem = (reason: string, sample: string): void => {
    out.problems.push({ file, line: lineOf(text, sample), reason, sample: sample.slice(0, 200) });
  };
  for (const [section, kind] of Object.entries(SECTIONS)) {
    for (const g of list(doc[section])) {
      const area = isObj(g) ? str(g.dir) : null;
      if (!isObj(g) || !area) {
        problem(`a ${section} entry without a dir`, JSON.stringify(g) ?? '');
        continue;
      }
      const label = str(g.label);
      out.groups.push({ area, kind, name: str(g.name) ?? area, label: label ? `${kind}/${label}` : '' });
      const leadership = isObj(g.leadership) ? g.leadership : {};
      for (const [key, role] of Object.entries(LEADERSHIP)) out.leads.push(...leadsOf(leadership[key], area, '', role));
      for (const sp of list(g.subprojects)) {
        const subproject = isObj(sp) ? str(sp.name) : null;
        if (!isObj(sp) || !subproject) {
          problem(`a subproject of ${area} without a name`, JSON.stringify(sp) ?? '');
          continue;
        }
        out.leads.push(...leadsOf(sp.leads, area, subproject, 'subproject-lead'));
        for (const u of list(sp.owners)) {
          const at = typeof u === 'string' ? parseOwnersUrl(u) : null;
          if (!at) {
            problem(`${area}/${subproject}: not a GitHub URL of an OWNERS file`, String(u));
            continue;
          }
          const path: AreaPath = { area, subproject, repo: at.repo, dir: at.dir, origin: 'sigs.yaml subproject' };
          out.paths.push(path);
          const mirror = stagingMirror(at.repo, at.dir);
          if (mirror) out.paths.push({ ...path, ...mirror, origin: `sigs.yaml subproject, published from ${STAGING.repo}/${at.dir}` });
        }
      }
    }
  }
  return out;
}
