// A consistent copy of a DuckDB file (and its WAL) taken beside a writer without blocking it: copy only while no
// process holds the file, and keep the copy only if nothing changed while copying. DuckDB allows one writer per
// file and no reader beside it, so a long-lived reader (the dashboard) reads such a copy instead.
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { isLocked } from './file-lock.ts';

export const walOf = (db: string) => `${db}.wal`;

/**
 * Makes a copy current for readers that open it read-only: creates any table an older copy lacks and folds its WAL in
 * (at close). Readers in one process do not see each other's file locks, so none of them may write.
 */
export async function prepareCopy(target: string, memoryLimit: string): Promise<void> {
  const { DuckDBStore } = await import('./duckdb.ts');
  const store = await DuckDBStore.open(target, memoryLimit);
  try {
    await store.init();
  } finally {
    await store.close();
  }
}

/** Size, modification time and inode of the file and its WAL: equal signatures mean equal bytes for our purpose. */
export function fileSignature(db: string): string | null {
  if (!existsSync(db)) return null;
  const part = (p: string) => {
    if (!existsSync(p)) return '-';
    const s = statSync(p, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  };
  return `${part(db)}|${part(walOf(db))}`;
}

export type CopyOutcome =
  | { copied: true; signature: string; modifiedAt: Date }
  | { copied: false; reason: 'missing' | 'writer' | 'changed' };

function copyFiles(db: string, target: string): void {
  rmSync(walOf(target), { force: true });
  copyFileSync(db, target);
  if (existsSync(walOf(db))) copyFileSync(walOf(db), walOf(target));
}

export function removeCopy(target: string): void {
  rmSync(target, { force: true });
  rmSync(walOf(target), { force: true });
}

/**
 * Copies `db` to `target` when it is quiet. On Linux the lock is read from /proc/locks (a writer is never refused);
 * elsewhere a read-only open holds a shared lock for the length of the copy (a writer starting then gets "busy").
 */
export async function copyQuiescent(db: string, target: string): Promise<CopyOutcome> {
  const before = fileSignature(db);
  if (before === null) return { copied: false, reason: 'missing' };
  const locked = isLocked(db);
  if (locked === true) return { copied: false, reason: 'writer' };
  if (locked === null) {
    let reader: DuckDBInstance;
    try {
      reader = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    } catch {
      return { copied: false, reason: 'writer' };
    }
    try {
      copyFiles(db, target);
    } finally {
      reader.closeSync();
    }
  } else {
    copyFiles(db, target);
    if (isLocked(db) !== false) {
      removeCopy(target);
      return { copied: false, reason: 'writer' };
    }
  }
  if (fileSignature(db) !== before) {
    removeCopy(target);
    return { copied: false, reason: 'changed' };
  }
  const wal = walOf(db);
  const modified = Math.max(statSync(db).mtimeMs, existsSync(wal) ? statSync(wal).mtimeMs : 0);
  return { copied: true, signature: before, modifiedAt: new Date(modified) };
}
