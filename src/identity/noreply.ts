// E-mail normalisation and GitHub noreply addresses: the two facts about an address that identity merging relies on.

// GitHub writes `12345+login@users.noreply.github.com` (since 2017) or `login@users.noreply.github.com` (older
// accounts). Apps carry a `[bot]` suffix. Logins are ASCII letters, digits and hyphens; underscores occur in
// GitHub Enterprise managed-user logins, so they are accepted too.
const NOREPLY = /^(?:[0-9]+\+)?([a-z0-9][a-z0-9_-]*(?:\[bot\])?)@users\.noreply\.github\.com$/i;

/** Trim and lower-case, nothing else: dots, plus-tags and provider aliases are real distinctions. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The GitHub login a noreply address belongs to, as written in the address; null for any other address. */
export function loginFromNoreply(email: string): string | null {
  const m = NOREPLY.exec(email.trim());
  return m?.[1] ?? null;
}
