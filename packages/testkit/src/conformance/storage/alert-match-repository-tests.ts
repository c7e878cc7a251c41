import { describe, expect, it } from 'vitest';
import { at, buildAlertMatch } from '../../builders';
import { collectPages } from '../define-suite';
import type { StorageTestContext } from './storage-conformance-options';

/** Alert matches: (rule, listing) uniqueness, also under races; listings by rule and user. */
export function alertMatchRepositoryTests({ getSubject, enabled }: StorageTestContext): void {
  describe.skipIf(!enabled('alertMatches'))('alert matches', () => {
    it('stores new (rule, listing) pairs only and returns just those', async () => {
      const { alertMatches } = getSubject();
      const first = buildAlertMatch({ ruleId: 'r1', listingId: 'm:1' });
      expect(await alertMatches.recordMany([first])).toEqual([first]);
      const again = buildAlertMatch({ ruleId: 'r1', listingId: 'm:1', matchedAt: at(9) });
      const fresh = buildAlertMatch({ ruleId: 'r1', listingId: 'm:2' });
      const twin = buildAlertMatch({ ruleId: 'r1', listingId: 'm:2' });
      expect(await alertMatches.recordMany([again, fresh, twin])).toEqual([fresh]);
      const stored = await alertMatches.listByRule('r1', { limit: 10 });
      expect(stored.items.map((match) => match.id).sort()).toEqual([first.id, fresh.id].sort());
      expect(stored.items.find((match) => match.id === first.id)).toEqual(first);
    });

    it.skipIf(!enabled('concurrency'))('never stores a pair twice when recorders race', async () => {
      const { alertMatches } = getSubject();
      const pairs = ['m:1', 'm:2', 'm:3'];
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          alertMatches.recordMany(pairs.map((listingId) => buildAlertMatch({ ruleId: 'race', listingId }))),
        ),
      );
      expect(
        results
          .flat()
          .map((match) => match.listingId)
          .sort(),
      ).toEqual(pairs);
      expect((await alertMatches.listByRule('race', { limit: 100 })).items).toHaveLength(3);
    });

    it('lists by rule and by user newest first, with `since`, across pages', async () => {
      const { alertMatches } = getSubject();
      const own = Array.from({ length: 9 }, (_, index) =>
        buildAlertMatch({
          ruleId: index < 5 ? 'ra' : 'rb',
          userId: 'u1',
          listingId: `m:${index}`,
          matchedAt: at(index),
        }),
      );
      await alertMatches.recordMany([
        ...own,
        buildAlertMatch({ ruleId: 'rc', userId: 'u2', listingId: 'm:0' }),
      ]);
      const byRule = await collectPages((cursor) => alertMatches.listByRule('ra', { limit: 2, cursor }));
      expect(byRule.items.map((match) => match.listingId)).toEqual(['m:4', 'm:3', 'm:2', 'm:1', 'm:0']);
      const byUser = await collectPages((cursor) => alertMatches.listByUser('u1', { limit: 4, cursor }));
      expect(byUser.items.map((match) => match.listingId)).toEqual(
        own.map((match) => match.listingId).reverse(),
      );
      const recent = await collectPages((cursor) =>
        alertMatches.listByUser('u1', { limit: 4, cursor, since: at(6) }),
      );
      expect(recent.items.map((match) => match.listingId)).toEqual(['m:8', 'm:7', 'm:6']);
    });

    it('deletes a rule’s matches, after which the pair can match again', async () => {
      const { alertMatches } = getSubject();
      await alertMatches.recordMany([
        buildAlertMatch({ ruleId: 'gone', listingId: 'm:1' }),
        buildAlertMatch({ ruleId: 'gone', listingId: 'm:2' }),
        buildAlertMatch({ ruleId: 'kept', listingId: 'm:1' }),
      ]);
      expect(await alertMatches.deleteByRule('gone')).toBe(2);
      expect((await alertMatches.listByRule('gone', { limit: 10 })).items).toEqual([]);
      expect((await alertMatches.listByRule('kept', { limit: 10 })).items).toHaveLength(1);
      expect(
        await alertMatches.recordMany([buildAlertMatch({ ruleId: 'gone', listingId: 'm:1' })]),
      ).toHaveLength(1);
    });
  });
}
