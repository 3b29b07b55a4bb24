// Is a DuckDB file held by a writer right now? Read from /proc/locks (Linux) without taking a lock ourselves,
// so the dashboard never stands in the way of an ingest. DuckDB holds a POSIX lock on its file while open
// (write lock for a writer, read lock for a read-only reader).
import { readFileSync, statSync } from 'node:fs';

/** Linux's dev_t -> the "major:minor" /proc/locks prints (hex, at least two digits each). */
export function devName(dev: number): string {
  const major = Math.floor(dev / 256) & 0xfff;
  const minor = (dev & 0xff) | (Math.floor(dev / 4096) & 0xfff00);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `${hex(major)}:${hex(minor)}`;
}

/** True when a line of /proc/locks names this file (dev, inode); waiters ("->") count too. */
export function lockedIn(procLocks: string, dev: number, ino: number): boolean {
  const id = `${devName(dev)}:${ino}`;
  return procLocks.split('\n').some((line) => line.split(/\s+/).includes(id));
}

/** null when the platform has no /proc/locks: the caller falls back to a read-only open (a brief shared lock). */
export function isLocked(path: string): boolean | null {
  let text: string;
  try {
    text = readFileSync('/proc/locks', 'utf8');
  } catch {
    return null;
  }
  const st = statSync(path);
  return lockedIn(text, st.dev, st.ino);
}
