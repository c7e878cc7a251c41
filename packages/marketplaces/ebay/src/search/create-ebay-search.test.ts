import {
  ListingParseError,
  ListingSchema,
  type MarketplaceSearchOptionsV1,
  usd,
  ValidationError,
} from '@deal-scout/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebaySettings, itemSummary, searchPage, tokenEndpoint } from '../../test/ebay-fixtures';
import { createEbayMockServer } from '../../test/ebay-mock-server';
import { hasEbaySpecs, missingSpecsMessage } from '../../test/ebay-spec-validator';
import { rejectionOf } from '../../test/rejection-of';
import { createEbayMarketplace } from '../create-ebay-marketplace';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

describe.runIf(hasEbaySpecs)(
  'eBay Browse search (requests and responses validated against buy_browse_v1_oas3.json)',
  () => {
    const mock = createEbayMockServer();
    beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
    afterEach(() => {
      expect(mock.reset()).toEqual([]);
    });
    afterAll(() => mock.server.close());

    const search = (options: Partial<MarketplaceSearchOptionsV1>) =>
      createEbayMarketplace(ebaySettings()).doSearch!({ sort: 'newest', limit: 50, ...options });

    it('sends q, category, price, condition, buying-option and pickup filters and newlyListed sort', async () => {
      let seen: URL | undefined;
      let marketplaceHeader: string | null = null;
      mock.server.use(
        tokenEndpoint(mock),
        mock.operation('get', '/buy/browse/v1/item_summary/search', ({ url, headers }) => {
          seen = url;
          marketplaceHeader = headers.get('x-ebay-c-marketplace-id');
          return { body: searchPage([itemSummary()], { total: 1, offset: 0, limit: 50 }) };
        }),
      );
      const page = await search({
        query: 'iphone 13',
        categories: ['cell-phones'],
        minPrice: usd(100),
        maxPrice: usd(450.5),
        conditions: ['like_new', 'excellent'],
        near: { point: { lat: 41.824, lon: -71.4128 }, radiusMi: 24.5, postalCode: '02903' },
        marketplaceOptions: { ebay: { buyingOptions: ['FIXED_PRICE', 'AUCTION'] } },
      });
      expect(Object.fromEntries(seen!.searchParams)).toEqual({
        q: 'iphone 13',
        category_ids: '15032',
        filter:
          'price:[100.00..450.50],priceCurrency:USD,conditionIds:{1500|1750|2000|2010|2020|2750|2990|4000},' +
          'buyingOptions:{FIXED_PRICE|AUCTION},pickupCountry:US,pickupPostalCode:02903,pickupRadius:25,pickupRadiusUnit:mi',
        sort: 'newlyListed',
        limit: '50',
        offset: '0',
      });
      expect(marketplaceHeader).toBe('EBAY_US');
      expect(page.nextCursor).toBeNull();
      expect(page.total).toBe(1);
      const listing = ListingSchema.parse(page.listings[0]);
      expect(listing).toMatchObject({
        id: 'ebay:v1|256543210987|0',
        externalId: 'v1|256543210987|0',
        price: { amount: 38999, currency: 'USD' },
        condition: 'good',
        category: 'cell-phones',
        marketplaceCategory: '9355',
        location: { country: 'US' },
        shipping: { available: true, cost: { amount: 599, currency: 'USD' } },
        seller: { id: 'ri_phone_shop', name: 'ri_phone_shop', rating: 0.996 },
        images: [
          'https://i.ebayimg.com/images/g/abcAAOSw1234/s-l225.jpg',
          'https://i.ebayimg.com/images/g/defAAOSw5678/s-l225.jpg',
        ],
        postedAt: '2026-01-04T18:22:31.000Z',
      });
      // The masked postal code 029** is not passed off as a real one.
      expect(listing.location?.postalCode).toBeUndefined();
    });

    it('pages with limit/offset and stops at the end of the 10,000-result window', async () => {
      const offsets: string[] = [];
      mock.server.use(
        tokenEndpoint(mock),
        mock.operation('get', '/buy/browse/v1/item_summary/search', ({ url }) => {
          const offset = Number(url.searchParams.get('offset'));
          const limit = Number(url.searchParams.get('limit'));
          offsets.push(`${offset}+${limit}`);
          return { body: searchPage([itemSummary()], { total: 250_000, offset, limit, next: true }) };
        }),
      );
      const adapter = createEbayMarketplace(ebaySettings());
      const first = await adapter.doSearch!({ query: 'lego', sort: 'newest', limit: 200 });
      expect(first.nextCursor).not.toBeNull();
      const second = await adapter.doSearch!({
        query: 'lego',
        sort: 'newest',
        limit: 200,
        cursor: first.nextCursor!,
      });
      expect(second.nextCursor).not.toBeNull();
      // Jump near the window's end: the last page is clipped to the window and has no next cursor.
      const last = await adapter.doSearch!({
        query: 'lego',
        sort: 'newest',
        limit: 200,
        cursor: 'offset:9900',
      });
      expect(last.nextCursor).toBeNull();
      expect(offsets).toEqual(['0+200', '200+200', '9900+100']);
    });

    it('ends paging when eBay reports no next page', async () => {
      mock.server.use(
        tokenEndpoint(mock),
        mock.operation('get', '/buy/browse/v1/item_summary/search', () => ({
          body: searchPage([itemSummary()], { total: 51, offset: 50, limit: 50 }),
        })),
      );
      const page = await search({ query: 'iphone', cursor: 'offset:50' });
      expect(page.nextCursor).toBeNull();
    });

    it('maps relevance and price sorts, and searches several categories through their common ancestor', async () => {
      const seen: URLSearchParams[] = [];
      mock.server.use(
        tokenEndpoint(mock),
        mock.operation('get', '/buy/browse/v1/item_summary/search', ({ url }) => {
          seen.push(url.searchParams);
          return { body: searchPage([], { total: 0, offset: 0, limit: 10 }) };
        }),
      );
      await search({ query: 'desk', sort: 'relevance', limit: 10, categories: ['furniture', 'appliances'] });
      await search({ query: 'desk', sort: 'price_ascending', limit: 10 });
      expect(seen[0]?.get('sort')).toBeNull();
      expect(seen[0]?.get('category_ids')).toBe('11700');
      expect(seen[1]?.get('sort')).toBe('price');
    });

    it('skips a summary it cannot normalise and keeps the rest of the page', async () => {
      mock.server.use(
        tokenEndpoint(mock),
        mock.operation('get', '/buy/browse/v1/item_summary/search', () => ({
          body: searchPage(
            [
              itemSummary({ itemId: 'v1|1|0', price: undefined, currentBidPrice: undefined }),
              itemSummary({ itemId: 'v1|2|0' }),
            ],
            { total: 2, offset: 0, limit: 50 },
          ),
        })),
      );
      const page = await search({ query: 'iphone' });
      expect(page.listings.map((listing) => listing.externalId)).toEqual(['v1|2|0']);
    });

    it('rejects bad input before calling eBay, naming every field', async () => {
      const error = await rejectionOf(
        search({
          minPrice: usd(10),
          near: { point: { lat: 41.8, lon: -71.4 }, radiusMi: 10 },
          cursor: 'page-2',
        }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([
        'query',
        'near.postalCode',
        'cursor',
      ]);
      expect(mock.calls).toEqual([]);
    });

    it('answers an empty page without a call when only conditions eBay lacks are asked for', async () => {
      const page = await search({ query: 'amp', conditions: ['poor'] });
      expect(page).toEqual({ listings: [], nextCursor: null, total: 0 });
      expect(mock.calls).toEqual([]);
    });

    it('refuses sold-listing searches: they need the limited Marketplace Insights API', async () => {
      await expect(search({ query: 'amp', sold: true })).rejects.toMatchObject({
        code: 'UNSUPPORTED_CAPABILITY',
      });
    });

    it('reports a page that is not a SearchPagedCollection as a ListingParseError', async () => {
      mock.server.use(
        tokenEndpoint(mock),
        mock.operation('get', '/buy/browse/v1/item_summary/search', () => ({
          body: { itemSummaries: 'none' },
        })),
      );
      mock.problems.length = 0;
      await expect(search({ query: 'iphone' })).rejects.toBeInstanceOf(ListingParseError);
      // The body above is deliberately off-spec; drop the response-schema complaint it raised.
      expect(mock.problems.every((problem) => problem.startsWith('search response'))).toBe(true);
      mock.problems.length = 0;
    });
  },
);

describe.runIf(hasEbaySpecs)('eBay Browse getItem', () => {
  const mock = createEbayMockServer();
  beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    expect(mock.reset()).toEqual([]);
  });
  afterAll(() => mock.server.close());

  it('fetches one item and normalises description, aspects, brand, location and category path', async () => {
    let path = '';
    mock.server.use(
      tokenEndpoint(mock),
      mock.operation('get', '/buy/browse/v1/item/:itemId', ({ url }) => {
        path = url.pathname;
        return {
          body: {
            itemId: 'v1|256543210987|0',
            title: 'Fender Player Stratocaster, Polar White',
            price: { value: '649.00', currency: 'USD' },
            conditionId: '4000',
            condition: 'Very Good',
            categoryId: '33034',
            categoryIdPath: '619|3858|181223|33034',
            categoryPath: 'Musical Instruments & Gear|Guitars & Basses|Electric Guitars',
            description: '<p>Great <b>guitar</b> &amp; gig bag.</p>',
            brand: 'Fender',
            localizedAspects: [
              { type: 'STRING', name: 'Brand', value: 'Fender' },
              { type: 'STRING', name: 'Body Color', value: 'White' },
            ],
            image: { imageUrl: 'https://i.ebayimg.com/images/g/strat/s-l1600.jpg' },
            itemWebUrl: 'https://www.ebay.com/itm/256543210987',
            itemLocation: {
              city: 'Providence',
              stateOrProvince: 'Rhode Island',
              postalCode: '02903',
              country: 'US',
            },
            seller: {
              username: 'ocean_state_music',
              feedbackPercentage: '100.0',
              feedbackScore: 812,
              userId: 'u-8812',
            },
            estimatedAvailabilities: [{ estimatedAvailabilityStatus: 'IN_STOCK' }],
            itemCreationDate: '2026-01-02T09:00:00.000Z',
          },
        };
      }),
    );
    const listing = ListingSchema.parse(
      await createEbayMarketplace(ebaySettings()).doGetListing!({ externalId: 'v1|256543210987|0' }),
    );
    expect(path).toBe('/buy/browse/v1/item/v1%7C256543210987%7C0');
    expect(listing).toMatchObject({
      title: 'Fender Player Stratocaster, Polar White',
      description: 'Great guitar & gig bag.',
      price: { amount: 64900, currency: 'USD' },
      condition: 'excellent',
      category: 'musical-instruments',
      marketplaceCategory: '33034',
      brand: 'Fender',
      attributes: { Brand: 'Fender', 'Body Color': 'White' },
      location: { city: 'Providence', region: 'Rhode Island', postalCode: '02903', country: 'US' },
      seller: { id: 'u-8812', rating: 1 },
      status: 'active',
    });
  });

  it('returns null for an item eBay no longer has (404, or errorId 11001)', async () => {
    mock.server.use(
      tokenEndpoint(mock),
      mock.operation('get', '/buy/browse/v1/item/:itemId', ({ params }) =>
        params.itemId === 'v1|1|0'
          ? {
              status: 404,
              body: {
                errors: [
                  {
                    errorId: 11001,
                    domain: 'API_BROWSE',
                    category: 'REQUEST',
                    message: 'The specified item ID was not found.',
                  },
                ],
              },
            }
          : {
              status: 400,
              body: {
                errors: [
                  {
                    errorId: 11001,
                    domain: 'API_BROWSE',
                    category: 'REQUEST',
                    message: 'The specified item ID was not found.',
                  },
                ],
              },
            },
      ),
    );
    const adapter = createEbayMarketplace(ebaySettings());
    expect(await adapter.doGetListing!({ externalId: 'v1|1|0' })).toBeNull();
    expect(await adapter.doGetListing!({ externalId: 'v1|2|0' })).toBeNull();
  });
});
