// A short fingerprint of a comment's text, kept instead of the text itself, so templated messages can be recognised.
import { createHash } from 'node:crypto';

/**
 * Bodies shorter than this (after normalising) get no signature: "/lgtm", "/retest", "LGTM, thanks!" are
 * what people type by hand all day in Kubernetes, so only long repeated texts hint at a template.
 */
export const MIN_TEMPLATE_CHARS = 120;

/** Lower-cases and blanks what varies between two uses of one template: links, mentions, hashes, numbers, spacing. */
export function normaliseBody(body: string): string {
  return body.toLowerCase()
    .replace(/https?:\/\/\S+/g, 'U')
    .replace(/@[a-z0-9][a-z0-9-]*(\[bot\])?/g, '@')
    .replace(/\b[0-9a-f]{7,40}\b/g, 'H')
    .replace(/[0-9]+/g, '0')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Only the start is read: a template shows in its first few kilobytes, and a megabyte body must not cost a megabyte of regex. */
export const SIGNATURE_PREFIX_CHARS = 4096;

export function bodySignature(body: string): string | null {
  const n = normaliseBody(body.slice(0, SIGNATURE_PREFIX_CHARS));
  if (n.length < MIN_TEMPLATE_CHARS) return null;
  return createHash('sha1').update(n).digest('hex').slice(0, 16);
}
