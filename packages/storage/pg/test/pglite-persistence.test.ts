import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, StorageError } from '@deal-scout/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteStorage } from '../src/index';
import { at, makeListing, makeRule } from './support/builders';

describe('PGlite with a data directory', () => {
  const directories: string[] = [];
  afterAll(async () => {
    for (const directory of directories) await rm(directory, { recursive: true, force: true });
  });

  it('keeps data across close and reopen, and migrates only once', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'deal-scout-pglite-')), 'db');
    directories.push(dirname(dataDir));
    const first = createPgliteStorage({ dataDir });
    await first.listings.upsertMany([makeListing(1)], { now: at(10) });
    await first.rules.create(makeRule(1));
    await first.close();
    await expect(first.listings.count()).rejects.toThrow(StorageError);

    const second = createPgliteStorage({ dataDir });
    try {
      expect(await second.migrate()).toMatchObject({ applied: [], version: 1 });
      expect(await second.listings.get(makeListing(1).id)).toEqual(makeListing(1));
      expect(await second.rules.get('rule-1')).toEqual(makeRule(1));
      expect(await second.listings.priceHistory(makeListing(1).id)).toHaveLength(1);
    } finally {
      await second.close();
    }
  }, 180_000);

  it('locks its data directory: a second opener is refused, a dead owner’s lock is taken over', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'deal-scout-pglite-')), 'db');
    directories.push(dirname(dataDir));
    const lockFile = join(dataDir, 'deal-scout-pglite.lock');

    // Another running process holds the directory.
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await mkdir(dataDir, { recursive: true });
      await writeFile(
        lockFile,
        JSON.stringify({ pid: other.pid, hostname: hostname(), openedAt: '2026-11-24T00:00:00.000Z' }),
      );
      const refused = createPgliteStorage({ dataDir });
      const error = await refused.listings.count().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain(`in use by process ${other.pid}`);
      await refused.close();
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
    }

    // Its process is gone: the stale lock is taken over.
    const first = createPgliteStorage({ dataDir });
    expect(await first.listings.count()).toBe(0);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });

    // The same directory opened twice in one process would corrupt it just the same.
    const twice = createPgliteStorage({ dataDir });
    await expect(twice.listings.count()).rejects.toThrow(/already open in this process/);
    await twice.close();

    await first.close();
    expect(existsSync(lockFile)).toBe(false);
    const again = createPgliteStorage({ dataDir });
    try {
      expect(await again.listings.count()).toBe(0);
    } finally {
      await again.close();
    }
  }, 180_000);

  it('starts empty in memory without a data directory', async () => {
    const storage = createPgliteStorage();
    try {
      expect(await storage.listings.count()).toBe(0);
      expect(storage.storageId).toBe('pglite');
    } finally {
      await storage.close();
    }
  }, 180_000);
});

function dirname(path: string): string {
  return join(path, '..');
}
