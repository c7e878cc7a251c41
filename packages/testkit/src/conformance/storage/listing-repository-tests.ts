import { ListingSchema } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { at, buildListing } from '../../builders';
import { collectPages } from '../define-suite';
import type { StorageTestContext } from './storage-conformance-options';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** Listings: upsert outcomes, price history, change feed, queries, paging, atomicity, races. */
export function listingRepositoryTests({ getSubject, enabled, options }: StorageTestContext): void {
  describe.skipIf(!enabled('listings'))('listings', () => {
    it('stores a batch and reads back exactly what was written', async () => {
      const { listings } = getSubject();
      const a = buildListing({ description: 'Barely used', attributes: { storage: '825GB', discs: 2 } });
      const b = buildListing({ location: { lat: 41.82, lon: -71.41, city: 'Providence', country: 'US' } });
      const results = await listings.upsertMany([a, b], { now: at(1) });
      expect(results).toEqual([
        { id: a.id, outcome: 'created', previousPrice: null, previousStatus: null },
        { id: b.id, outcome: 'created', previousPrice: null, previousStatus: null },
      ]);
      expect(ListingSchema.parse(await listings.get(a.id))).toEqual(a);
      expect(await listings.get(b.id)).toEqual(b);
      expect(await listings.get('testmarket:missing')).toBeNull();
      expect(await listings.count()).toBe(2);
    });

    it('reports unchanged, updated, price and status changes, and records the price history', async () => {
      const { listings } = getSubject();
      const listing = buildListing({ price: usd(50_000) });
      await listings.upsertMany([listing], { now: at(1) });
      expect(await listings.upsertMany([listing], { now: at(2) })).toEqual([
        { id: listing.id, outcome: 'unchanged', previousPrice: null, previousStatus: null },
      ]);
      const retitled = { ...listing, title: 'PS5 with two controllers' };
      expect(await listings.upsertMany([retitled], { now: at(3) })).toEqual([
        { id: listing.id, outcome: 'updated', previousPrice: null, previousStatus: null },
      ]);
      const cheaper = { ...retitled, price: usd(42_000), status: 'pending' as const };
      expect(await listings.upsertMany([cheaper], { now: at(4) })).toEqual([
        { id: listing.id, outcome: 'updated', previousPrice: usd(50_000), previousStatus: 'active' },
      ]);
      expect(await listings.get(listing.id)).toEqual(cheaper);
      expect(await listings.priceHistory(listing.id)).toEqual([
        { price: usd(50_000), observedAt: at(1) },
        { price: usd(42_000), observedAt: at(4) },
      ]);
      expect(await listings.priceHistory('testmarket:missing')).toEqual([]);
    });

    it('keeps the last of duplicate ids in one batch', async () => {
      const { listings } = getSubject();
      const first = buildListing({ price: usd(100) });
      const last = { ...first, price: usd(200) };
      await listings.upsertMany([first, last], { now: at(1) });
      expect(await listings.count()).toBe(1);
      expect((await listings.get(first.id))?.price).toEqual(usd(200));
      expect(await listings.priceHistory(first.id)).toEqual([{ price: usd(200), observedAt: at(1) }]);
    });

    it('returns copies: changing a returned or passed-in listing does not change storage', async () => {
      const { listings } = getSubject();
      const listing = buildListing();
      await listings.upsertMany([listing], { now: at(1) });
      (listing as { title: string }).title = 'changed by caller';
      const read = await listings.get(listing.id);
      expect(read?.title).toBe('Sony PlayStation 5 console');
      (read as { title: string }).title = 'changed again';
      expect((await listings.get(listing.id))?.title).toBe('Sony PlayStation 5 console');
    });

    it('getMany follows the order of ids and skips unknown ones', async () => {
      const { listings } = getSubject();
      const [a, b, c] = [buildListing(), buildListing(), buildListing()];
      await listings.upsertMany([a, b, c], { now: at(1) });
      const got = await listings.getMany([c.id, 'testmarket:missing', a.id]);
      expect(got.map((listing) => listing.id)).toEqual([c.id, a.id]);
    });

    it('lists changes since a time, oldest change first, ignoring unchanged re-upserts', async () => {
      const { listings } = getSubject();
      const [a, b, c] = [buildListing(), buildListing(), buildListing()];
      await listings.upsertMany([a], { now: at(1) });
      await listings.upsertMany([b, c], { now: at(2) });
      await listings.upsertMany([a], { now: at(3) }); // unchanged: not a change
      await listings.upsertMany([{ ...b, price: usd(1) }], { now: at(4) });
      const page = await listings.listChangedSince(at(2), { limit: 100 });
      expect(page.items.map((listing) => listing.id)).toEqual([c.id, b.id]);
      expect(page.nextCursor).toBeNull();
      const all = await listings.listChangedSince(at(0), { limit: 100 });
      expect(all.items.map((listing) => listing.id)).toEqual([a.id, c.id, b.id]);
    });

    it('filters queries and orders them newest postedAt first, then by id', async () => {
      const { listings } = getSubject();
      const seller = { id: 'seller-9' };
      const rows = [
        buildListing({ externalId: 'q-a', postedAt: at(10), seller, category: 'computers' }),
        buildListing({ externalId: 'q-b', postedAt: at(30), status: 'sold', category: 'computers' }),
        buildListing({ externalId: 'q-c', postedAt: at(30), seller }),
        buildListing({ externalId: 'q-d', postedAt: at(20), marketplace: 'othermarket' }),
      ];
      await listings.upsertMany(rows, { now: at(40) });
      const ids = async (query: Parameters<typeof listings.query>[0]) =>
        (await listings.query(query)).items.map((listing) => listing.externalId);
      expect(await ids({ limit: 10 })).toEqual(['q-b', 'q-c', 'q-d', 'q-a']);
      expect(await ids({ limit: 10, marketplace: 'othermarket' })).toEqual(['q-d']);
      expect(await ids({ limit: 10, sellerId: 'seller-9' })).toEqual(['q-c', 'q-a']);
      expect(await ids({ limit: 10, statuses: ['sold'] })).toEqual(['q-b']);
      expect(await ids({ limit: 10, categories: ['computers'] })).toEqual(['q-b', 'q-a']);
      expect(await ids({ limit: 10, postedSince: at(20) })).toEqual(['q-b', 'q-c', 'q-d']);
      expect(await ids({ limit: 10, ids: [rows[0]!.id, rows[3]!.id] })).toEqual(['q-d', 'q-a']);
    });

    it('pages through every listing exactly once with opaque cursors', async () => {
      const { listings } = getSubject();
      const rows = Array.from({ length: 53 }, (_, index) =>
        buildListing({ externalId: `page-${String(index).padStart(2, '0')}`, postedAt: at(index % 7) }),
      );
      await listings.upsertMany(rows, { now: at(60) });
      const { items, pages } = await collectPages((cursor) => listings.query({ limit: 10, cursor }));
      expect(pages).toBe(6);
      expect(items.map((listing) => listing.id).sort()).toEqual(rows.map((listing) => listing.id).sort());
      for (let i = 1; i < items.length; i++) {
        const [previous, current] = [items[i - 1]!, items[i]!];
        expect(
          previous.postedAt > current.postedAt ||
            (previous.postedAt === current.postedAt && previous.id < current.id),
        ).toBe(true);
      }
      const changed = await collectPages((cursor) => listings.listChangedSince(at(0), { limit: 7, cursor }));
      expect(new Set(changed.items.map((listing) => listing.id)).size).toBe(53);
    });

    it('deletes listings with their history and counts only those that existed', async () => {
      const { listings } = getSubject();
      const [a, b] = [buildListing(), buildListing()];
      await listings.upsertMany([a, b], { now: at(1) });
      expect(await listings.deleteMany([a.id, 'testmarket:missing'])).toBe(1);
      expect(await listings.get(a.id)).toBeNull();
      expect(await listings.priceHistory(a.id)).toEqual([]);
      expect(await listings.count()).toBe(1);
    });

    it.skipIf(!options.unstorableListing)(
      'writes nothing when one listing of a batch cannot be stored',
      async () => {
        const { listings } = getSubject();
        const good = buildListing();
        await expect(
          listings.upsertMany([good, options.unstorableListing!()], { now: at(1) }),
        ).rejects.toThrow();
        expect(await listings.get(good.id)).toBeNull();
        expect(await listings.count()).toBe(0);
      },
    );

    it.skipIf(!enabled('concurrency'))('stores one row per id when writers race', async () => {
      const { listings } = getSubject();
      const listing = buildListing();
      const results = await Promise.all(
        Array.from({ length: 8 }, () => listings.upsertMany([listing], { now: at(1) })),
      );
      expect(await listings.count()).toBe(1);
      expect(results.flat().filter((result) => result.outcome === 'created')).toHaveLength(1);
      expect(await listings.priceHistory(listing.id)).toHaveLength(1);
    });
  });
}
