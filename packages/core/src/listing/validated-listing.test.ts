import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../memory';
import { createManualClock } from '../memory/manual-clock';
import { createDealScout } from '../runtime/create-deal-scout';
import { silentLogger } from '../runtime/logger';
import type { StorageV1 } from '../storage/v1/storage-v1';
import { type Listing, ListingSchema } from './listing';
import { isValidatedListing, sealValidatedListing } from './validated-listing';

const input = {
  id: 'craigslist:1',
  marketplace: 'craigslist',
  externalId: '1',
  title: 'Trek road bike 54cm',
  price: { amount: 25_000, currency: 'USD' },
  location: { lat: 41.82, lon: -71.41, city: 'Providence' },
  images: ['https://images.example/1.jpg'],
  attributes: { size: '54cm' },
  postedAt: '2024-03-14T12:00:00Z',
};

describe('sealValidatedListing', () => {
  it('freezes the listing with everything in it and remembers it; a copy is not remembered', () => {
    const listing = sealValidatedListing(ListingSchema.parse(input));
    expect(isValidatedListing(listing)).toBe(true);
    for (const part of [listing, listing.price, listing.location, listing.images, listing.attributes]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(() => {
      (listing as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(() => (listing.images as string[]).push('https://images.example/2.jpg')).toThrow(TypeError);
    expect(isValidatedListing({ ...listing, title: 'changed' })).toBe(false);
    expect(isValidatedListing(ListingSchema.parse(input))).toBe(false);
    expect(isValidatedListing(null)).toBe(false);
  });

  it('is what scout.ingest hands storage, with and without a deal score', async () => {
    const memory = createMemoryStorage();
    const handed: Listing[] = [];
    const storage: StorageV1 = {
      ...memory,
      listings: {
        ...memory.listings,
        upsertMany(listings, options) {
          handed.push(...listings);
          return memory.listings.upsertMany(listings, options);
        },
      },
    };
    const scout = createDealScout({
      storage,
      clock: createManualClock('2026-03-01T12:00:00Z'),
      logger: silentLogger,
    });
    await scout.ingest([input, { ...input, id: 'craigslist:2', externalId: '2', title: 'Trek bike 56cm' }]);
    expect(handed).toHaveLength(2);
    expect(handed.every(isValidatedListing)).toBe(true);
    await scout.close();
  });
});
