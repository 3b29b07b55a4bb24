// Resolves aliases into people: union-find over e-mail and login nodes, merging only on recorded evidence.
import { hash } from 'node:crypto';
import { loginFromNoreply, normaliseEmail } from './noreply.ts';

export { loginFromNoreply, normaliseEmail };

export interface AliasRow { aliasId: string; name: string; email: string; login: string | null; contributions: number }
export type LinkSource = 'mailmap' | 'gitdm' | 'profile';
export interface IdentityLink { email: string; login?: string | null; toEmail?: string | null; source: LinkSource; ref: string } // login<->email (gitdm, profile) or email->toEmail (mailmap); ref = file:line for provenance
// 'same-login' is an addition to the product spec's kinds: an alias seen with both a login and an e-mail
// (GitHub linked the commit to the account) ties that e-mail to the login.
export type EvidenceKind = 'same-email' | 'same-login' | 'noreply' | 'mailmap' | 'gitdm' | 'profile';
export interface Person {
  personId: string; aliasIds: string[]; names: string[]; emails: string[]; logins: string[];
  displayName: string;          // the name with most contributions (ties: alphabetical)
  evidence: { kind: EvidenceKind; detail: string }[]; // why these aliases are one person
}
export interface RejectedLink { link: IdentityLink; reason: string }

// Node ids are `email:<normalised>`, `login:<lower-cased>`, and `generic:<e-mail>\u001f<name>`: the private
// node of an alias whose only e-mail is generic and which has no login, so it merges only with an identical alias.
// The prefixes sort email < generic < login, which lets the smallest id be found without building every string.
const PREFIX = ['email:', 'generic:', 'login:'] as const;
const EMAIL = 0;
const GENERIC = 1;
const LOGIN = 2;

/** Union-find over integer node indexes (path halving, union by size); one key map per node kind. */
class Nodes {
  readonly kind: number[] = [];
  readonly key: string[] = [];
  private readonly maps = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private parent = new Int32Array(1024);
  private size = new Int32Array(1024);

  get count(): number { return this.key.length; }

  lookup(kind: number, key: string): number | undefined { return this.maps[kind]!.get(key); }

  get(kind: number, key: string): number {
    return this.maps[kind]!.get(key) ?? this.add(kind, key);
  }

  /** A new node; the caller has checked the key is absent (saves a second hash lookup on the hot path). */
  add(kind: number, key: string): number {
    const i = this.key.length;
    this.maps[kind]!.set(key, i);
    this.kind.push(kind);
    this.key.push(key);
    if (i === this.parent.length) {
      const parent = new Int32Array(i * 2); parent.set(this.parent); this.parent = parent;
      const size = new Int32Array(i * 2); size.set(this.size); this.size = size;
    }
    this.parent[i] = i;
    this.size[i] = 1;
    return i;
  }

  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      const grand = p[p[i]!]!;
      p[i] = grand;
      i = grand;
    }
    return i;
  }

  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
  }

  id(n: number): string { return PREFIX[this.kind[n]!]! + this.key[n]!; }
}

// Accepted evidence between two nodes, kept as parallel arrays (150k links must not mean 150k closures).
// `src` is the alias index (same-login), the e-mail node (noreply) or the link index (mailmap, gitdm, profile).
const KINDS: EvidenceKind[] = ['same-email', 'same-login', 'noreply', 'mailmap', 'gitdm', 'profile'];
class Edges {
  readonly a: number[] = [];
  readonly src: number[] = [];
  readonly kind: number[] = [];
  add(a: number, kind: EvidenceKind, src: number): void {
    this.a.push(a);
    this.kind.push(KINDS.indexOf(kind));
    this.src.push(src);
  }
}

export function resolvePeople(
  aliases: AliasRow[],
  links: IdentityLink[],
  isGeneric: (email: string) => boolean,
): { people: Person[]; personOf: Map<string, string>; rejected: RejectedLink[] } {
  const nodes = new Nodes();
  const edges = new Edges();
  const rejected: RejectedLink[] = [];
  const connect = (a: number, b: number, kind: EvidenceKind, src: number): void => {
    nodes.union(a, b);
    edges.add(a, kind, src);
  };
  // The e-mail's node, or -1 for a generic e-mail. An existing node proves the e-mail was already judged not
  // generic, so the (regex-heavy) predicate runs once per distinct address. Every new noreply address is tied
  // to its login, wherever the e-mail came from.
  const genericSeen = new Set<string>();
  const emailNode = (email: string): number => {
    const known = nodes.lookup(EMAIL, email);
    if (known !== undefined) return known;
    if (email === '' || genericSeen.has(email) || isGeneric(email)) {
      genericSeen.add(email);
      return -1;
    }
    const n = nodes.add(EMAIL, email);
    const login = loginFromNoreply(email);
    if (login) connect(n, nodes.get(LOGIN, login.toLowerCase()), 'noreply', n);
    return n;
  };

  // 1. Aliases: each joins its e-mail node (or private generic node) and its login node.
  const aliasNode = new Int32Array(aliases.length);
  const aliasEmail: string[] = [];
  const aliasLogin: (string | null)[] = [];
  aliases.forEach((alias, i) => {
    const email = normaliseEmail(alias.email);
    const login = alias.login?.trim().toLowerCase() || null;
    aliasEmail.push(email);
    aliasLogin.push(login);
    const e = emailNode(email);
    if (e === -1) {
      aliasNode[i] = login ? nodes.get(LOGIN, login) : nodes.get(GENERIC, `${email}\u001f${alias.name.trim()}`);
      return;
    }
    aliasNode[i] = e;
    if (login) connect(e, nodes.get(LOGIN, login), 'same-login', i);
  });

  // 2. Links. First every link's nodes, so gitdm ownership can be tallied per e-mail node, then the verdicts.
  const linkEmail = links.map((l) => normaliseEmail(l.email));
  const linkLogin = links.map((l) => l.login?.trim().toLowerCase() || null);
  const fromNode = new Int32Array(links.length);
  const toNode = new Int32Array(links.length); // the login node (gitdm, profile) or target e-mail node (mailmap)
  links.forEach((link, li) => {
    fromNode[li] = emailNode(linkEmail[li]!);
    const login = linkLogin[li];
    if (link.source === 'mailmap') toNode[li] = emailNode(normaliseEmail(link.toEmail ?? ''));
    else toNode[li] = login ? nodes.get(LOGIN, login) : -1;
  });
  // gitdm e-mails are best effort: one listed under several logins is ambiguous and merges no one.
  const AMBIGUOUS = -2;
  const gitdmOwner = new Int32Array(nodes.count).fill(-1);
  links.forEach((link, li) => {
    const e = fromNode[li]!;
    const l = toNode[li]!;
    if (link.source !== 'gitdm' || e < 0 || l < 0) return;
    gitdmOwner[e] = gitdmOwner[e] === -1 || gitdmOwner[e] === l ? l : AMBIGUOUS;
  });
  const reject = (link: IdentityLink, reason: string): void => void rejected.push({ link, reason });
  links.forEach((link, li) => {
    const from = fromNode[li]!;
    const to = toNode[li]!;
    if (from === -1) return reject(link, 'generic e-mail: it identifies no one');
    if (link.source === 'mailmap') {
      if ((link.toEmail ?? '').trim() === '') return reject(link, 'mailmap link without a target e-mail');
      if (to === -1) return reject(link, 'generic target e-mail: it identifies no one');
      if (to !== from) connect(from, to, 'mailmap', li); // same node: a case-only mapping
      return;
    }
    const login = linkLogin[li];
    if (!login) return reject(link, `${link.source} link without a login`);
    if (link.source === 'gitdm') {
      if (gitdmOwner[from] === AMBIGUOUS) return reject(link, 'ambiguous: gitdm lists this e-mail under several different logins');
      const named = loginFromNoreply(linkEmail[li]!)?.toLowerCase();
      if (named && named !== login) return reject(link, `gitdm error: a noreply address of login ${named} listed under ${login}`);
    }
    connect(to, from, link.source, li);
  });

  // 3. Components holding at least one alias become people; link-only components are dropped.
  const groupOf = new Int32Array(nodes.count).fill(-1);
  const groups: Group[] = [];
  aliasNode.forEach((n, i) => {
    const root = nodes.find(n);
    if (groupOf[root] === -1) groupOf[root] = groups.push({ aliases: [], nodes: [], evidence: [] }) - 1;
    groups[groupOf[root]!]!.aliases.push(i);
  });
  for (let n = 0; n < nodes.count; n++) {
    const g = groupOf[nodes.find(n)]!;
    if (g !== -1) groups[g]!.nodes.push(n);
  }
  const detail = (e: number): string => {
    const src = edges.src[e]!;
    const kind = KINDS[edges.kind[e]!]!;
    if (kind === 'same-login') return `${aliasEmail[src]} was seen with login ${aliasLogin[src]}`;
    if (kind === 'noreply') return `${nodes.key[src]} is the GitHub noreply address of ${loginFromNoreply(nodes.key[src]!)}`;
    const link = links[src]!;
    if (kind === 'mailmap') return `${link.ref}: ${linkEmail[src]} -> ${normaliseEmail(link.toEmail ?? '')}`;
    return `${link.ref}: ${linkLogin[src]} <-> ${linkEmail[src]}`;
  };
  for (let e = 0; e < edges.a.length; e++) {
    const g = groupOf[nodes.find(edges.a[e]!)]!;
    if (g !== -1) groups[g]!.evidence.push({ kind: KINDS[edges.kind[e]!]!, detail: detail(e) });
  }
  // Aliases sharing a node are one person by that node alone; say so once per shared node.
  const sharing = new Map<number, number>();
  for (const n of aliasNode) sharing.set(n, (sharing.get(n) ?? 0) + 1);
  for (const [n, count] of sharing) {
    if (count < 2) continue;
    const [kind, detailText] = nodes.kind[n] === EMAIL ? ['same-email', `${count} aliases use ${nodes.key[n]}`] as const
      : nodes.kind[n] === LOGIN ? ['same-login', `${count} aliases carry login ${nodes.key[n]}`] as const
      : ['same-email', `${count} aliases have the same name and the generic e-mail ${nodes.key[n]!.split('\u001f')[0]}`] as const;
    groups[groupOf[nodes.find(n)]!]!.evidence.push({ kind, detail: detailText });
  }

  const people = groups.map((g) => buildPerson(g, aliases, aliasEmail, nodes));
  const personOf = new Map<string, string>();
  for (const person of people) for (const a of person.aliasIds) personOf.set(a, person.personId);
  people.sort((x, y) => cmp(x.personId, y.personId));
  return { people, personOf, rejected };
}

interface Group { aliases: number[]; nodes: number[]; evidence: Person['evidence'] }

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildPerson(g: Group, aliases: AliasRow[], aliasEmail: string[], nodes: Nodes): Person {
  // The smallest node id names the person, so the id does not depend on input order.
  let first = g.nodes[0]!;
  for (const n of g.nodes) {
    if (nodes.kind[n]! < nodes.kind[first]! || (nodes.kind[n] === nodes.kind[first] && nodes.key[n]! < nodes.key[first]!)) first = n;
  }
  const personId = `p${hash('sha1', nodes.id(first), 'hex').slice(0, 12)}`;
  const emails = new Set<string>();
  const logins: string[] = [];
  for (const n of g.nodes) {
    if (nodes.kind[n] === EMAIL) emails.add(nodes.key[n]!);
    else if (nodes.kind[n] === LOGIN) logins.push(nodes.key[n]!);
  }
  const byName = new Map<string, number>();
  for (const i of g.aliases) {
    if (aliasEmail[i] !== '') emails.add(aliasEmail[i]!);
    const name = aliases[i]!.name.trim();
    if (name !== '') byName.set(name, (byName.get(name) ?? 0) + aliases[i]!.contributions);
  }
  const names = [...byName.keys()].sort(cmp);
  logins.sort(cmp);
  let displayName = names[0] ?? logins[0] ?? '';
  for (const n of names) if (byName.get(n)! > byName.get(displayName)!) displayName = n;
  const evidence = g.evidence.sort((x, y) => cmp(x.kind, y.kind) || cmp(x.detail, y.detail))
    .filter((e, i, all) => i === 0 || e.kind !== all[i - 1]!.kind || e.detail !== all[i - 1]!.detail);
  return {
    personId,
    aliasIds: g.aliases.map((i) => aliases[i]!.aliasId).sort(cmp),
    names,
    emails: [...emails].sort(cmp),
    logins,
    displayName,
    evidence,
  };
}
