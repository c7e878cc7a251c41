import { ListingParseError, type MarketplaceSearchOptionsV1 } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { appId, appSecret } from '../../test/fixtures';
import { createFacebookMarketplace } from '../create-facebook-marketplace';
import type { FacebookSearchRequest, FacebookSearchTransport } from './facebook-search-transport';

const node = (id: string, title: string) => ({
  id,
  marketplace_listing_title: title,
  listing_price: { amount: '40.00', currency: 'USD' },
  primary_listing_photo: { image: { uri: `https://scontent.example.com/${id}.jpg` } },
});

describe('Facebook search through the host transport', () => {
  const options: MarketplaceSearchOptionsV1 = {
    query: 'desk lamp',
    sort: 'newest',
    limit: 50,
    minPrice: { amount: 1_000, currency: 'USD' },
    maxPrice: { amount: 8_000, currency: 'USD' },
    conditions: ['new', 'like_new', 'excellent', 'for_parts'],
    near: { point: { lat: 41.824, lon: -71.4128 }, radiusMi: 25 },
  };

  it('is off without a transport', () => {
    const adapter = createFacebookMarketplace({ appId, appSecret });
    expect(adapter.capabilities.search).toBe(false);
    expect(adapter.doSearch).toBeUndefined();
  });

  it('maps the runtime search onto Marketplace parameters and normalises the results', async () => {
    const requests: FacebookSearchRequest[] = [];
    const transport: FacebookSearchTransport = {
      async search(request) {
        requests.push(request);
        return {
          listings: [node('111', 'Brass desk lamp'), node('222', 'LED desk lamp')],
          nextCursor: 'cursor-2',
        };
      },
    };
    const adapter = createFacebookMarketplace({ appId, appSecret, searchTransport: transport });
    expect(adapter.capabilities).toMatchObject({ search: true, getListing: false });
    const page = await adapter.doSearch!(options);
    expect(requests[0]).toEqual({
      query: 'desk lamp',
      sort: 'creation_time_descend',
      count: 24,
      minPrice: 10,
      maxPrice: 80,
      currency: 'USD',
      conditions: ['new', 'used_like_new'],
      near: { latitude: 41.824, longitude: -71.4128, radiusKm: 40.2 },
    });
    expect(page.nextCursor).toBe('cursor-2');
    expect(page.listings.map((listing) => listing.id)).toEqual(['facebook:111', 'facebook:222']);
  });

  it('throws ListingParseError naming the bad result when the host hands back malformed JSON', async () => {
    const adapter = createFacebookMarketplace({
      appId,
      appSecret,
      searchTransport: {
        search: async () => ({ listings: [node('1', 'ok'), { id: 'x' }], nextCursor: null }),
      },
    });
    const error = await Promise.resolve(adapter.doSearch!(options)).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ListingParseError);
    expect(error).toMatchObject({ code: 'LISTING_PARSE_FAILED', source: 'facebook' });
    expect((error as ListingParseError).message).toContain('Facebook search result 1 is malformed');
    expect((error as ListingParseError).issues[0]?.field).toMatch(/^listings\[1\]\./);
  });

  it('reads one listing through the transport when it offers getListing', async () => {
    const adapter = createFacebookMarketplace({
      appId,
      appSecret,
      searchTransport: {
        search: async () => ({ listings: [], nextCursor: null }),
        getListing: async ({ id }) => (id === '111' ? node('111', 'Brass desk lamp') : null),
      },
    });
    expect(adapter.capabilities.getListing).toBe(true);
    expect((await adapter.doGetListing!({ externalId: '111' }))?.title).toBe('Brass desk lamp');
    expect(await adapter.doGetListing!({ externalId: '999' })).toBeNull();
  });
});
