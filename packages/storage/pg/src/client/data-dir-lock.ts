import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@deal-scout/core';

/** The file that marks a PGlite data directory as open, next to PostgreSQL's own files. */
export const lockFileName = 'deal-scout-pglite.lock';

type LockOwner = { readonly pid: number; readonly hostname: string; readonly openedAt: string };

/** A held lock: `release()` removes the lock file (once; later calls do nothing). */
export type DataDirLock = { release(): void };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.hostname === 'string'
      ? { pid: owner.pid, hostname: owner.hostname, openedAt: String(owner.openedAt ?? '') }
      : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data directory for this process. PGlite is PostgreSQL in one process, without the
 * server's shared-memory interlock: two processes opening one directory would both write to it
 * and corrupt it. So the directory gets a lock file naming its process; a second process is
 * refused with a `ConfigurationError`, and a lock left by a process that no longer runs (a crash,
 * a `kill -9`) is taken over. The file is removed on `release()` and, as a last resort, when the
 * process exits.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  const me: LockOwner = { pid: process.pid, hostname: hostname(), openedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (readOwner(path)?.pid === me.pid) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    const held =
      owner !== null && (owner.pid === process.pid || owner.hostname !== me.hostname || isRunning(owner.pid));
    if (held) {
      throw new ConfigurationError({
        message:
          owner.pid === process.pid
            ? `the PGlite data directory ${dataDir} is already open in this process: share one storage instead of opening it twice`
            : `the PGlite data directory ${dataDir} is in use by process ${owner.pid} on ${owner.hostname} (since ${owner.openedAt}): PGlite serves one process at a time; stop that process, or use PostgreSQL (createPgStorage) to share data between processes`,
        source: 'pglite',
      });
    }
    // A stale lock (its process is gone): remove it and try once more.
    try {
      unlinkSync(path);
    } catch {
      // Someone else removed it first; the next attempt decides.
    }
  }
  throw new ConfigurationError({
    message: `the PGlite data directory ${dataDir} could not be locked: another process keeps taking it`,
    source: 'pglite',
  });
}
