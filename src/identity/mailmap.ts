// Parses git's .mailmap format and turns its e-mail mappings into identity links (never a name-only merge).
import type { IdentityLink } from './people.ts';
import { normaliseEmail } from './noreply.ts';

export interface MailmapEntry { properName: string | null; properEmail: string | null; commitName: string | null; commitEmail: string; line: number }
export interface MailmapProblem { file: string; line: number; reason: string; sample: string }

interface NameEmail { name: string | null; email: string; rest: string | null }

// Mirrors git's parse_name_and_email (mailmap.c): the name is the trimmed text before '<', the e-mail is
// everything up to the next '>'. Anything after the last '>' is ignored, which is how trailing "# ..." comments work.
function nameAndEmail(text: string, allowEmptyEmail: boolean): NameEmail | null {
  const left = text.indexOf('<');
  if (left < 0) return null;
  const right = text.indexOf('>', left + 1);
  if (right < 0) return null;
  const email = text.slice(left + 1, right);
  if (!allowEmptyEmail && email === '') return null;
  const name = text.slice(0, left).trim();
  const rest = text.slice(right + 1);
  return { name: name === '' ? null : name, email, rest: rest === '' ? null : rest };
}

/** Sample text for a problem report: enough to find the line, short enough not to flood a report. */
function sampleOf(raw: string): string {
  return raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
}

export function parseMailmap(text: string, file: string): { entries: MailmapEntry[]; bad: MailmapProblem[] } {
  const entries: MailmapEntry[] = [];
  const bad: MailmapProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    // git only treats '#' in the first column as a comment; indented text is parsed, and without '<' it is ignored.
    if (raw.startsWith('#') || raw.trim() === '') return;
    const first = nameAndEmail(raw, false);
    if (!first) {
      const reason = raw.includes('<') ? 'no closing > or an empty <> e-mail' : 'no <e-mail> on the line';
      bad.push({ file, line, reason, sample: sampleOf(raw) });
      return;
    }
    const second = first.rest === null ? null : nameAndEmail(first.rest, true);
    if (second) {
      // Two e-mails: the first pair is the proper identity, the second the one found in commits.
      entries.push({ properName: first.name, properEmail: first.email, commitName: second.name, commitEmail: second.email, line });
      return;
    }
    // One e-mail: git reads "Proper Name <commit@email>", which replaces only the name.
    if (first.name === null) {
      bad.push({ file, line, reason: 'a single <e-mail> with no name maps nothing', sample: sampleOf(raw) });
      return;
    }
    entries.push({ properName: first.name, properEmail: null, commitName: null, commitEmail: first.email, line });
  });
  return { entries, bad };
}

/**
 * E-mail -> e-mail evidence only. An entry without a proper e-mail renames a commit identity and gives no link:
 * a merge on a name is never allowed.
 *
 * An entry with a commit name ("Proper <proper@x> Commit Name <commit@x>") makes git remap only that exact
 * (name, e-mail) pair. It is still e-mail-level evidence here, pointing commitEmail to properEmail: aliases
 * already merge on their normalised e-mail, so every alias with commitEmail joins the pair's person whatever
 * the name says, and a narrower link would change nothing. The one case where the pair matters is a shared,
 * generic commit e-mail (root@localhost); resolvePeople rejects links on generic e-mails, so such entries
 * merge nobody rather than everyone.
 */
export function mailmapLinks(entries: MailmapEntry[], file: string): IdentityLink[] {
  const links: IdentityLink[] = [];
  for (const e of entries) {
    if (e.properEmail === null) continue;
    // git matches e-mails case-insensitively, so a case-only mapping says nothing new.
    if (normaliseEmail(e.properEmail) === normaliseEmail(e.commitEmail)) continue;
    links.push({ email: e.commitEmail, toEmail: e.properEmail, source: 'mailmap', ref: `${file}:${e.line}` });
  }
  return links;
}
