import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageError } from '@deal-scout/core';
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
