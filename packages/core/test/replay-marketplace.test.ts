import { buildListing, describeWithSharedData, loadVehicleListings } from '@deal-scout/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createReplayMarketplace,
  haversineDistance,
  isConditionAtLeast,
  type Listing,
  type MarketplaceSearchOptionsV1,
  type ReplayMarketplace,
  ValidationError,
} from '../src';

const collect = async (
  replay: ReplayMarketplace,
  options: Omit<MarketplaceSearchOptionsV1, 'limit' | 'sort'>,
) => {
  const out: Listing[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await replay.doSearch!({
      sort: 'newest',
      limit: 200,
      ...options,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...(page.listings as Listing[]));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
};

describe('replay marketplace', () => {
  it('re-ids listings under its marketplace id and serves them by external id', async () => {
    const replay = createReplayMarketplace({
      marketplaceId: 'craigslist',
      listings: [buildListing({ externalId: '42' })],
    });
    expect(await replay.doGetListing!({ externalId: '42' })).toMatchObject({
      id: 'craigslist:42',
      marketplace: 'craigslist',
    });
  });

  it('filters by category with descendants, sorts by price, hides sold listings unless asked', async () => {
    const replay = createReplayMarketplace({
      listings: [
        buildListing({ externalId: 'a', category: 'computers', price: { amount: 300, currency: 'USD' } }),
        buildListing({ externalId: 'b', category: 'cell-phones', price: { amount: 100, currency: 'USD' } }),
        buildListing({ externalId: 'c', category: 'furniture', price: { amount: 200, currency: 'USD' } }),
        buildListing({ externalId: 'd', category: 'computers', status: 'sold' }),
      ],
    });
    const page = await replay.doSearch!({ categories: ['electronics'], sort: 'price_ascending', limit: 10 });
    expect(page.listings.map((listing) => listing.externalId)).toEqual(['b', 'a']);
    expect(page.total).toBe(2);
    const sold = await replay.doSearch!({ sold: true, sort: 'newest', limit: 10 });
    expect(sold.listings.map((listing) => listing.externalId)).toEqual(['d']);
  });

  it('fails scripted calls, counts calls, and rejects a corrupt cursor with ValidationError', async () => {
    const replay = createReplayMarketplace({ listings: [buildListing()] });
    const failure = new Error('boom');
    replay.failNext(failure);
    await expect(replay.doSearch!({ sort: 'newest', limit: 5 })).rejects.toBe(failure);
    await expect(replay.doSearch!({ sort: 'newest', limit: 5, cursor: 'WyJ4Il0' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(replay.callCount).toBe(2);
  });
});

describeWithSharedData('replay marketplace on the real vehicles', () => {
  let vehicles: Listing[];
  let replay: ReplayMarketplace;
  beforeAll(async () => {
    vehicles = await loadVehicleListings();
    replay = createReplayMarketplace({ marketplaceId: 'craigslist', listings: vehicles });
  });

  it('answers a local, priced, condition-filtered search exactly like a brute-force scan', async () => {
    const point = { lat: 30.2672, lon: -97.7431 }; // Austin, TX
    const found = await collect(replay, {
      query: 'toyota',
      near: { point, radiusMi: 200 },
      maxPrice: { amount: 2_000_000, currency: 'USD' },
      conditions: ['excellent', 'like_new', 'new'],
    });
    const expected = vehicles.filter(
      (listing) =>
        /\btoyota\b/i.test(listing.title) &&
        listing.price.amount <= 2_000_000 &&
        listing.condition !== undefined &&
        isConditionAtLeast(listing.condition, 'excellent') &&
        haversineDistance(point, { lat: listing.location!.lat!, lon: listing.location!.lon! }) <= 200,
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((listing) => listing.id).sort()).toEqual(expected.map((listing) => listing.id).sort());
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.postedAt >= found[i]!.postedAt).toBe(true);
  });
});
