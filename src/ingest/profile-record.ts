// One imported profile object -> a typed profile: GitHub API users, gitdm github_users.json rows, cncf/people entries.

export interface Profile {
  login: string;
  name: string | null;
  email: string | null;
  company: string | null;
  location: string | null;
  createdAt: number | null; // epoch seconds
}

const MAX_FIELD = 1024; // longer profile fields are junk or hostile; keep a bounded prefix

function text(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return t === '' ? null : t.slice(0, MAX_FIELD);
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$|^[A-Za-z0-9-]+\[bot\]$/;

/** cncf/people gives a URL: the login is its first path segment on github.com. */
function loginFromUrl(url: string): string | null {
  const m = /^https?:\/\/(?:www\.)?github\.com\/([^/?#]+)/i.exec(url.trim());
  return m ? m[1]! : null;
}

/** A valid entry with no GitHub login (cncf/people lists people without one): skipped and counted, not an error. */
export const NO_LOGIN = 'no GitHub login';

export function parseProfile(v: unknown): Profile | string {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'not a JSON object';
  const o = v as Record<string, unknown>;
  const login = text(o.login) ?? (typeof o.github === 'string' ? loginFromUrl(o.github) : null);
  if (!login) return NO_LOGIN;
  if (!LOGIN.test(login)) return `"${login.slice(0, 60)}" is not a GitHub login`;
  // In cncf/people, Staff entries hold a job title in "company", not an employer.
  const staff = Array.isArray(o.category) && o.category.includes('Staff');
  const email = text(o.email)?.replace(/!/g, '@') ?? null;
  const created = text(o.created_at);
  const createdMs = created ? Date.parse(created) : NaN;
  return {
    login,
    name: text(o.name),
    email: email && email.includes('@') ? email.toLowerCase() : null,
    company: staff ? null : (text(o.company) ?? text(o.affiliation)),
    location: text(o.location),
    createdAt: Number.isFinite(createdMs) ? Math.floor(createdMs / 1000) : null,
  };
}
