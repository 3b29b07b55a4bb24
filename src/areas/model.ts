// What an area source (sigs.yaml, an areas file) yields: groups, the directories they own, and their leads.
import { parse } from 'yaml';
import { CensusError, ExitCode } from '../errors.ts';

/** sig/wg/committee/ug as Kubernetes names its groups; `area` for any other community's own areas. */
export const areaKinds = ['sig', 'wg', 'committee', 'ug', 'area'] as const;
export type AreaKind = (typeof areaKinds)[number];

/** Roles a person holds. OWNERS gives reviewer and approver; sigs.yaml (or an areas file) the leadership ones. */
export const roles = ['chair', 'tech-lead', 'subproject-lead', 'approver', 'reviewer'] as const;
export type Role = (typeof roles)[number];
export const leadRoles = ['chair', 'tech-lead', 'subproject-lead'] as const satisfies readonly Role[];
export type LeadRole = (typeof leadRoles)[number];

export interface AreaGroup {
  /** Stable id, e.g. sig-node (sigs.yaml `dir`). */
  area: string;
  kind: AreaKind;
  name: string;
  /** The label OWNERS files use for it (sig/node); '' when none. */
  label: string;
}

export interface AreaPath {
  area: string;
  subproject: string;
  repo: string;
  /** Directory inside the repository, no leading or trailing slash; '' is the whole repository. */
  dir: string;
  origin: string;
}

export interface AreaLead {
  area: string;
  subproject: string;
  login: string;
  role: LeadRole;
  name: string | null;
  company: string | null;
  /** Read only to honour opt-out lists at import; never stored. */
  email: string | null;
}

export interface AreaProblem { file: string; line: number; reason: string; sample: string }

export interface AreaSet {
  groups: AreaGroup[];
  paths: AreaPath[];
  leads: AreaLead[];
  problems: AreaProblem[];
}

/** `a/b/`, `/a/b`, `./a/b` -> `a/b`; `.` and `/` -> '' (the whole repository). */
export function normaliseDir(dir: string): string {
  return dir.trim().replace(/^\.\//, '').replace(/^\/+|\/+$/g, '').replace(/^\.$/, '');
}

export const REPO_NAME = /^[\w.-]+\/[\w.-]+$/;

/** The report row for contributions whose paths no imported area covers. */
export const NO_AREA = '(no area)';

/** A YAML document, or a CensusError (bad input, exit 3) naming the file and the parser's complaint. */
export function parseYamlDoc(text: string, file: string, hint: string): unknown {
  try {
    return parse(text);
  } catch (err) {
    throw new CensusError(`${file}: not valid YAML (${(err as Error).message})`, { hint, exitCode: ExitCode.badInput });
  }
}
