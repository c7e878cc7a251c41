import { describe, expect, it } from 'vitest';
import { at, buildAccount, buildPreferences, buildPriceAnalysis } from '../../builders';
import { errorCodeOf } from '../define-suite';
import type { StorageTestContext } from './storage-conformance-options';

/** Preferences, accounts, price analyses and state. */
export function smallRepositoryTests({ getSubject, enabled }: StorageTestContext): void {
  describe.skipIf(!enabled('preferences'))('preferences', () => {
    it('answers null before the first save, then returns the latest saved preferences', async () => {
      const { preferences } = getSubject();
      expect(await preferences.get('user-1')).toBeNull();
      const first = buildPreferences();
      await preferences.put(first);
      expect(await preferences.get('user-1')).toEqual(first);
      const second = buildPreferences({ channels: ['discord'], maxNotificationsPerDay: 5, updatedAt: at(3) });
      await preferences.put(second);
      expect(await preferences.get('user-1')).toEqual(second);
      expect(await preferences.get('user-2')).toBeNull();
    });
  });

  describe.skipIf(!enabled('accounts'))('marketplace accounts', () => {
    it('stores, replaces, lists, finds by external id and deletes accounts', async () => {
      const { accounts } = getSubject();
      const a = buildAccount({ externalAccountId: 'seller-x', connectedAt: at(2) });
      const b = buildAccount({ externalAccountId: 'seller-y', connectedAt: at(1) });
      const other = buildAccount({ userId: 'user-2', externalAccountId: 'seller-x' });
      for (const account of [a, b, other]) await accounts.put(account);
      expect(await accounts.get(a.id)).toEqual(a);
      await accounts.put({ ...a, status: 'reauthentication_required', updatedAt: at(5) });
      expect((await accounts.get(a.id))?.status).toBe('reauthentication_required');
      expect((await accounts.listByUser('user-1')).map((account) => account.id).sort()).toEqual(
        [a.id, b.id].sort(),
      );
      expect(
        (await accounts.findByExternalId('testmarket', 'seller-x')).map((account) => account.id).sort(),
      ).toEqual([a.id, other.id].sort());
      expect(await accounts.delete(a.id)).toBe(true);
      expect(await accounts.delete(a.id)).toBe(false);
      expect(await accounts.get(a.id)).toBeNull();
    });

    it('refuses a second account id for the same marketplace account and user with CONFLICT', async () => {
      const { accounts } = getSubject();
      const a = buildAccount({ externalAccountId: 'seller-z' });
      await accounts.put(a);
      const code = await errorCodeOf(accounts.put(buildAccount({ externalAccountId: 'seller-z' })));
      expect(code).toBe('CONFLICT');
      expect(await accounts.listByUser('user-1')).toEqual([a]);
    });

    it.skipIf(!enabled('concurrency'))(
      'keeps (marketplace, account, user) unique when puts race',
      async () => {
        const { accounts } = getSubject();
        const codes = await Promise.all(
          Array.from({ length: 5 }, () =>
            errorCodeOf(accounts.put(buildAccount({ externalAccountId: 'seller-race' }))),
          ),
        );
        expect(codes.filter((code) => code === null)).toHaveLength(1);
        expect(await accounts.findByExternalId('testmarket', 'seller-race')).toHaveLength(1);
      },
    );
  });

  describe.skipIf(!enabled('priceAnalyses'))('price analyses', () => {
    it('returns the most recent analysis of a listing, whatever order they were saved in', async () => {
      const { priceAnalyses } = getSubject();
      expect(await priceAnalyses.latest('testmarket:1')).toBeNull();
      const newer = buildPriceAnalysis({ analyzedAt: at(10), confidence: 0.9 });
      const older = buildPriceAnalysis({ analyzedAt: at(5), confidence: 0.2 });
      await priceAnalyses.put(newer);
      await priceAnalyses.put(older);
      expect(await priceAnalyses.latest('testmarket:1')).toEqual(newer);
      const newest = buildPriceAnalysis({ analyzedAt: at(20), anomaly: 'overpriced' });
      await priceAnalyses.put(newest);
      expect(await priceAnalyses.latest('testmarket:1')).toEqual(newest);
    });
  });

  describe.skipIf(!enabled('state'))('state', () => {
    it('versions writes and compares-and-sets', async () => {
      const { state } = getSubject();
      expect(await state.get('job.cursor')).toBeNull();
      const v1 = await state.set('job.cursor', { lastRun: at(1) }, { expectedVersion: null });
      expect(v1).toEqual(expect.any(Number));
      expect(await state.get('job.cursor')).toEqual({ value: { lastRun: at(1) }, version: v1 });
      expect(await state.set('job.cursor', { lastRun: 'x' }, { expectedVersion: null })).toBeNull();
      const v2 = await state.set('job.cursor', { lastRun: at(2) }, { expectedVersion: v1 });
      expect(v2).not.toBeNull();
      expect(v2).not.toBe(v1);
      expect(await state.set('job.cursor', { lastRun: 'stale' }, { expectedVersion: v1 })).toBeNull();
      expect(await state.get('job.cursor')).toEqual({ value: { lastRun: at(2) }, version: v2 });
      const v3 = await state.set('job.cursor', [1, 'two', { three: true }]);
      expect(await state.get('job.cursor')).toEqual({ value: [1, 'two', { three: true }], version: v3 });
      expect(await state.delete('job.cursor')).toBe(true);
      expect(await state.delete('job.cursor')).toBe(false);
      expect(await state.get('job.cursor')).toBeNull();
    });

    it.skipIf(!enabled('concurrency'))('lets exactly one of racing compare-and-set writers win', async () => {
      const { state } = getSubject();
      const base = await state.set('model', { generation: 0 });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          state.set('model', { generation: index + 1 }, { expectedVersion: base }),
        ),
      );
      const winners = results.filter((version) => version !== null);
      expect(winners).toHaveLength(1);
      const stored = await state.get('model');
      expect(stored?.version).toBe(winners[0]);
      const created = await Promise.all(
        Array.from({ length: 4 }, (_, index) => state.set('fresh', index, { expectedVersion: null })),
      );
      expect(created.filter((version) => version !== null)).toHaveLength(1);
    });
  });
}
