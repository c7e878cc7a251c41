import { createDealScout, createMemoryStorage } from '@deal-scout/core';
import { describeWithSharedData, loadProvidenceListings } from '@deal-scout/testkit';
import { expect, it } from 'vitest';
import { createPgliteStorage } from '../src/index';

describeWithSharedData('real Craigslist listings through createDealScout on PGlite', () => {
  it('stores every listing exactly as the in-memory reference does', async () => {
    const listings = (await loadProvidenceListings()).slice(0, 2000);
    const storage = createPgliteStorage();
    const scout = createDealScout({ storage });
    const reference = createDealScout({ storage: createMemoryStorage() });
    try {
      const result = await scout.ingest(listings);
      const expected = await reference.ingest(listings);
      expect(result.created).toBe(expected.created);
      expect(result.rejected).toBe(expected.rejected);
      expect(await storage.listings.count()).toBe(await reference.storage.listings.count());
      const ids = listings.map((listing) => listing.id);
      expect(await storage.listings.getMany(ids)).toEqual(await reference.storage.listings.getMany(ids));

      // Ingesting the same feed again has the same outcomes as on the reference (the runtime may
      // have enriched stored listings in between, e.g. with deal scores).
      const again = await scout.ingest(listings);
      const expectedAgain = await reference.ingest(listings);
      expect(again.created).toBe(0);
      expect({
        unchanged: again.unchanged,
        updated: again.updated,
        priceChanged: again.priceChanged,
      }).toEqual({
        unchanged: expectedAgain.unchanged,
        updated: expectedAgain.updated,
        priceChanged: expectedAgain.priceChanged,
      });
      expect(await storage.listings.getMany(ids)).toEqual(await reference.storage.listings.getMany(ids));
    } finally {
      await scout.close();
      await reference.close();
      await storage.close();
    }
  }, 300_000);
});
