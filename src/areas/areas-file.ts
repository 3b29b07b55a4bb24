// A community's own areas file (docs/areas.md): area -> whole repositories, directories, leads. Checked strictly.
import { CensusError, ExitCode } from '../errors.ts';
import { areaKinds, leadRoles, normaliseDir, parseYamlDoc, REPO_NAME, type AreaKind, type AreaSet, type LeadRole } from './model.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const AREA_ID = /^[a-z0-9][a-z0-9-]*$/;
const KEYS = new Set(['id', 'name', 'kind', 'label', 'repos', 'paths', 'leads']);

const HINT = 'the areas file format is described in docs/areas.md';
function bad(file: string, where: string, problem: string): CensusError {
  return new CensusError(`${file}: ${where}: ${problem}`, { hint: HINT, exitCode: ExitCode.badInput });
}

function strings(v: unknown, file: string, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== '')) throw bad(file, where, 'must be a list of strings');
  return v.map((x: string) => x.trim());
}

function repo(name: string, file: string, where: string): string {
  if (!REPO_NAME.test(name)) throw bad(file, where, `"${name}" is not owner/name`);
  return name;
}

export function parseAreasFile(text: string, file: string): AreaSet {
  const doc = parseYamlDoc(text, file, HINT);
  if (!isObj(doc) || !Array.isArray(doc.areas)) throw bad(file, 'top level', 'must be a mapping with an `areas` list');
  const out: AreaSet = { groups: [], paths: [], leads: [], problems: [] };
  const seen = new Set<string>();
  doc.areas.forEach((a: unknown, i: number) => {
    if (!isObj(a)) throw bad(file, `areas[${i}]`, 'must be a mapping');
    const area = typeof a.id === 'string' ? a.id.trim() : '';
    const where = `area "${area || i}"`;
    if (!AREA_ID.test(area)) throw bad(file, where, 'id must be lower-case letters, digits and dashes');
    if (seen.has(area)) throw bad(file, where, 'listed twice');
    seen.add(area);
    const unknown = Object.keys(a).filter((k) => !KEYS.has(k));
    if (unknown.length > 0) throw bad(file, where, `unknown key(s) ${unknown.join(', ')}`);
    const kind = (a.kind ?? 'area') as AreaKind;
    if (!areaKinds.includes(kind)) throw bad(file, where, `kind must be one of ${areaKinds.join(', ')}`);
    if (a.label !== undefined && typeof a.label !== 'string') throw bad(file, where, 'label must be a string such as area/networking');
    out.groups.push({ area, kind, name: typeof a.name === 'string' && a.name.trim() ? a.name.trim() : area, label: (a.label as string | undefined)?.trim() ?? '' });
    for (const r of strings(a.repos, file, `${where} repos`)) {
      out.paths.push({ area, subproject: '', repo: repo(r, file, `${where} repos`), dir: '', origin: 'areas file: whole repository' });
    }
    if (a.paths !== undefined) {
      if (!isObj(a.paths)) throw bad(file, `${where} paths`, 'must map owner/name to a list of directories');
      for (const [r, dirs] of Object.entries(a.paths)) {
        for (const d of strings(dirs, file, `${where} paths ${r}`)) {
          out.paths.push({ area, subproject: '', repo: repo(r, file, `${where} paths`), dir: normaliseDir(d), origin: 'areas file: directory' });
        }
      }
    }
    if (out.paths.every((p) => p.area !== area)) throw bad(file, where, 'names no repos and no paths');
    if (a.leads !== undefined) {
      if (!isObj(a.leads)) throw bad(file, `${where} leads`, `must map a role (${leadRoles.join(', ')}) to logins`);
      for (const [role, logins] of Object.entries(a.leads)) {
        if (!(leadRoles as readonly string[]).includes(role)) throw bad(file, `${where} leads`, `unknown role "${role}" (${leadRoles.join(', ')})`);
        for (const login of strings(logins, file, `${where} leads ${role}`)) {
          out.leads.push({ area, subproject: '', login, role: role as LeadRole, name: null, company: null, email: null });
        }
      }
    }
  });
  return out;
}
