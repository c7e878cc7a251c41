import type { StorageV1 } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { defineConformanceSuite } from '../define-suite';
import { alertMatchRepositoryTests } from './alert-match-repository-tests';
import { listingRepositoryTests } from './listing-repository-tests';
import { outboxRepositoryTests } from './outbox-repository-tests';
import { ruleRepositoryTests } from './rule-repository-tests';
import { smallRepositoryTests } from './small-repository-tests';
import type { StorageConformanceOptions, StorageConformanceToggle } from './storage-conformance-options';

/**
 * The `StorageV1` conformance suite: every repository's documented behaviour, checked by reading
 * back what was persisted — upsert outcomes and price history, the change feed, orderings and
 * cursor paging, uniqueness (also with racing writers), outbox leases across two workers,
 * compare-and-set, and (with `unstorableListing`) that a failed batch writes nothing.
 *
 * @example
 * runStorageConformance({ name: 'postgres', create: async () => ({ subject: await freshStorage() }) });
 */
export function runStorageConformance(options: StorageConformanceOptions): void {
  defineConformanceSuite<StorageV1, StorageConformanceToggle, StorageConformanceOptions>(
    'storage conformance',
    options,
    (context) => {
      describe('contract', () => {
        it('declares version v1, an id and every repository', () => {
          const storage = context.getSubject();
          expect(storage.specificationVersion).toBe('v1');
          expect(storage.storageId).toMatch(/^[a-z][a-z0-9-]*$/);
          for (const repository of [
            'listings',
            'rules',
            'preferences',
            'alertMatches',
            'outbox',
            'accounts',
            'priceAnalyses',
            'state',
          ] as const) {
            expect(typeof storage[repository], repository).toBe('object');
          }
        });
      });
      listingRepositoryTests(context);
      ruleRepositoryTests(context);
      alertMatchRepositoryTests(context);
      outboxRepositoryTests(context);
      smallRepositoryTests(context);
    },
  );
}
