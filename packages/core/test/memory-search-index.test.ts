import {
  buildListing,
  describeWithSharedData,
  loadProvidenceListings,
  loadVehicleListings,
} from '@deal-scout/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  categoryDescendants,
  createMemorySearchIndex,
  haversineDistance,
  type Listing,
  type SearchIndexV1,
  ValidationError,
} from '../src';

describe('memory search index beyond the conformance suite', () => {
  it('answers a bad query with a ValidationError naming the field', async () => {
    const index = createMemorySearchIndex();
    await expect(index.search({ limit: 0 })).rejects.toMatchObject({ field: 'limit' });
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input from an untyped caller
    await expect(index.search({ limit: 5, filters: { categories: ['nope' as any] } })).rejects.toMatchObject({
      field: 'filters.categories[0]',
    });
    await index.index(Array.from({ length: 3 }, () => buildListing()));
    const { nextCursor } = await index.search({ limit: 1, sort: 'newest' });
    await expect(
      index.search({ limit: 1, sort: 'price_ascending', cursor: nextCursor }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps short words exact even with fuzzy, and escapes titles in highlights', async () => {
    const index = createMemorySearchIndex();
    await index.index([
      buildListing({ externalId: 'tv', title: 'Samsung TV <55">' }),
      buildListing({ externalId: 'to', title: 'Trip to Boston tickets' }),
    ]);
    const hits = (await index.search({ text: 'tv', fuzzy: true, limit: 10 })).hits;
    expect(hits.map((hit) => hit.listingId)).toEqual(['testmarket:tv']);
    expect(hits[0]?.highlights).toEqual(['Samsung <mark>TV</mark> &lt;55&quot;&gt;']);
  });

  it('requires every word and prefers the listing that repeats it', async () => {
    const index = createMemorySearchIndex();
    await index.index([
      buildListing({ externalId: 'both', title: 'Road bike helmet' }),
      buildListing({ externalId: 'one', title: 'Road atlas' }),
      buildListing({ externalId: 'again', title: 'Bike', description: 'bike bike road' }),
    ]);
    const hits = (await index.search({ text: 'road bike', limit: 10 })).hits.map((hit) => hit.listingId);
    expect(hits.sort()).toEqual(['testmarket:again', 'testmarket:both']);
  });
});

describeWithSharedData('memory search index on the real Craigslist data', () => {
  let index: SearchIndexV1;
  let all: Listing[];
  beforeAll(async () => {
    all = [...(await loadProvidenceListings()), ...(await loadVehicleListings())];
    index = createMemorySearchIndex();
    await index.index(all);
  });

  it('finds exactly the listings that contain every query word', async () => {
    const result = await index.search({ text: 'Honda Civic', limit: 100 });
    const expected = all.filter(
      (listing) => /\bhonda\b/i.test(listing.title) && /\bcivic\b/i.test(listing.title),
    );
    expect(result.total).toBe(expected.length);
    expect(result.total).toBeGreaterThan(50);
  });

  it('agrees with a brute-force radius, category and price filter', async () => {
    const point = { lat: 41.824, lon: -71.4128 };
    const filters = {
      near: { point, radiusMi: 150 },
      categories: ['vehicles' as const],
      minPrice: { amount: 500_000, currency: 'USD' },
      maxPrice: { amount: 1_500_000, currency: 'USD' },
    };
    const result = await index.search({ limit: 100, filters, facets: ['condition'] });
    const vehicles = new Set<string>(categoryDescendants('vehicles'));
    const expected = all.filter(
      (listing) =>
        listing.category !== undefined &&
        vehicles.has(listing.category) &&
        listing.price.amount >= 500_000 &&
        listing.price.amount <= 1_500_000 &&
        listing.location?.lat !== undefined &&
        haversineDistance(point, { lat: listing.location.lat, lon: listing.location.lon! }) <= 150,
    );
    expect(result.total).toBe(expected.length);
    expect(result.total).toBeGreaterThan(0);
    const facetTotal = Object.values(result.facets?.condition ?? {}).reduce((sum, count) => sum + count, 0);
    expect(facetTotal).toBe(expected.filter((listing) => listing.condition).length);
  });

  it('corrects a misspelt make', async () => {
    const result = await index.search({ text: 'toyta', limit: 5 });
    expect(result.didYouMean).toBe('toyota');
    const fuzzy = await index.search({ text: 'toyta', fuzzy: true, limit: 5 });
    expect(fuzzy.total).toBeGreaterThan(100);
  });
});
