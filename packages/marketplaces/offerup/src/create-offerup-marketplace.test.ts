import { ListingDraftSchema, ListingParseError, type MarketplaceAccessV1 } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { createOfferUpMarketplace } from './create-offerup-marketplace';
import type { OfferUpListingRequest, OfferUpSearchRequest } from './transport/offerup-transport';

const access: MarketplaceAccessV1 = {
  accountId: 'acct_9',
  externalAccountId: 'ou-1',
  accessToken: '',
  marketplaceData: {},
};
const draft = ListingDraftSchema.parse({
  sku: 'bike-7',
  title: 'Trek FX 3 hybrid bike',
  description: 'Tuned up, new tyres.',
  price: { amount: 45_050, currency: 'USD' },
  condition: 'excellent',
  category: 'bicycles',
  images: ['https://images.example.com/bike.jpg'],
  location: { lat: 41.82, lon: -71.41, postalCode: '02903' },
  localPickup: true,
  shipping: { available: true, cost: { amount: 0, currency: 'USD' } },
  marketplaceOptions: {
    offerup: { weightLb: 15, packageIn: { length: 18, width: 8, height: 12 }, firmOnPrice: true },
  },
});

describe('createOfferUpMarketplace', () => {
  it('performs nothing remote without a transport, and says so', () => {
    const adapter = createOfferUpMarketplace();
    expect(adapter.capabilities).toEqual({
      search: false,
      getListing: false,
      publish: false,
      update: false,
      withdraw: false,
      imageUpload: false,
      categorySuggestion: true,
      oauth: false,
      webhooks: false,
      soldListings: false,
    });
    expect(adapter.doSearch).toBeUndefined();
    expect(adapter.doPublish).toBeUndefined();
  });

  it('turns on exactly the capabilities the transport supplies', () => {
    const adapter = createOfferUpMarketplace({
      transport: { search: async () => ({ listings: [], nextCursor: null }), withdraw: async () => {} },
    });
    expect(adapter.capabilities).toMatchObject({
      search: true,
      withdraw: true,
      publish: false,
      update: false,
      getListing: false,
    });
  });

  it('searches with OfferUp parameters: location, radius in miles, whole-dollar prices, conditions', async () => {
    const requests: OfferUpSearchRequest[] = [];
    const adapter = createOfferUpMarketplace({
      now: () => new Date('2026-03-01T00:00:00Z'),
      transport: {
        async search(request) {
          requests.push(request);
          return {
            listings: [
              { listingId: '1', title: 'Bike', price: 90, image: { url: 'https://i.example/1.jpg' } },
            ],
            nextCursor: 'c2',
          };
        },
      },
    });
    const page = await adapter.doSearch!({
      query: 'hybrid bike',
      sort: 'newest',
      limit: 100,
      near: { point: { lat: 41.82, lon: -71.41 }, radiusMi: 24.6, postalCode: '02903' },
      minPrice: { amount: 5_050, currency: 'USD' },
      maxPrice: { amount: 49_999, currency: 'USD' },
      conditions: ['like_new', 'excellent', 'good'],
      marketplaceOptions: { offerup: { deliveryFlags: 'p_s' } },
    });
    expect(requests[0]).toEqual({
      q: 'hybrid bike',
      sort: '-posted',
      limit: 50,
      lat: 41.82,
      lon: -71.41,
      distance: 25,
      zipcode: '02903',
      priceMin: 50,
      priceMax: 500,
      conditions: ['OPEN_BOX', 'USED'],
      deliveryFlags: 'p_s',
    });
    expect(page.listings[0]).toMatchObject({ id: 'offerup:1', postedAt: '2026-03-01T00:00:00.000Z' });
    expect(page.nextCursor).toBe('c2');
  });

  it('fails a search page with a malformed listing as a ListingParseError naming it', async () => {
    const adapter = createOfferUpMarketplace({
      transport: { search: async () => ({ listings: [{ listingId: '1' }], nextCursor: null }) },
    });
    const error = await Promise.resolve(adapter.doSearch!({ sort: 'newest', limit: 10 })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ListingParseError);
    expect((error as ListingParseError).issues[0]?.field).toMatch(/^listings\[0\]\./);
  });

  it('publishes through the transport in OfferUp terms, with the suggested category', async () => {
    const sent: OfferUpListingRequest[] = [];
    const adapter = createOfferUpMarketplace({
      transport: {
        async publish({ listing, accountId }) {
          expect(accountId).toBe('acct_9');
          sent.push(listing);
          return { listingId: 'ou-555' };
        },
      },
    });
    const [suggestion] = await adapter.doSuggestCategory!({ title: draft.title, category: draft.category });
    expect(suggestion).toEqual({
      marketplaceCategoryId: 'Sports & Outdoors > Bicycles',
      name: 'Bicycles',
      requiredAttributes: [],
    });
    const result = await adapter.doPublish!({
      draft,
      access,
      idempotencyKey: 'seller:bike-7:offerup',
      marketplaceCategoryId: suggestion!.marketplaceCategoryId,
    });
    expect(result).toEqual({
      externalId: 'ou-555',
      url: 'https://offerup.com/item/detail/ou-555',
      status: 'published',
    });
    expect(sent[0]).toEqual({
      sku: 'bike-7',
      title: 'Trek FX 3 hybrid bike',
      description: 'Tuned up, new tyres.',
      price: 450.5,
      condition: 'USED',
      category: { l1Name: 'Sports & Outdoors', l2Name: 'Bicycles' },
      photoUrls: ['https://images.example.com/bike.jpg'],
      location: { latitude: 41.82, longitude: -71.41, zipcode: '02903' },
      localPickup: true,
      shipping: { enabled: true, weightLb: 15, sellerPaysShipping: true },
      firmOnPrice: true,
      idempotencyKey: 'seller:bike-7:offerup',
    });
  });

  it('withdraws through the transport with the reason', async () => {
    const calls: unknown[] = [];
    const adapter = createOfferUpMarketplace({
      transport: { withdraw: async (request) => void calls.push(request) },
    });
    await adapter.doWithdraw!({ externalId: 'ou-555', access, reason: 'sold_elsewhere' });
    expect(calls).toEqual([{ listingId: 'ou-555', accountId: 'acct_9', reason: 'sold_elsewhere' }]);
  });
});
