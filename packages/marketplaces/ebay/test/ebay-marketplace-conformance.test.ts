import { runMarketplaceConformance } from '@deal-scout/testkit';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { createEbayMarketplace } from '../src';
import { draft, ebaySettings, itemSummary, searchPage, tokenEndpoint } from './ebay-fixtures';
import { createEbayMockServer } from './ebay-mock-server';
import { hasEbaySpecs, missingSpecsMessage } from './ebay-spec-validator';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

/** 25 listings a simulated Browse API serves, newest first, every exchange checked against the spec. */
const items = Array.from({ length: 25 }, (_, index) =>
  itemSummary({
    itemId: `v1|2565432100${String(index).padStart(2, '0')}|0`,
    legacyItemId: `2565432100${String(index).padStart(2, '0')}`,
    title: `Road bike ${index + 1}, 56 cm aluminium frame`,
    price: { value: `${150 + index * 10}.00`, currency: 'USD' },
    categories: [
      { categoryId: '177831', categoryName: 'Bikes' },
      { categoryId: '7294', categoryName: 'Cycling' },
    ],
    leafCategoryIds: ['177831'],
    itemWebUrl: `https://www.ebay.com/itm/2565432100${String(index).padStart(2, '0')}`,
    itemCreationDate: new Date(Date.UTC(2026, 0, 30, 12) - index * 3_600_000).toISOString(),
  }),
);

describe.runIf(hasEbaySpecs)('eBay adapter conformance', () => {
  const mock = createEbayMockServer();
  beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    expect(mock.reset()).toEqual([]);
  });
  afterAll(() => mock.server.close());

  runMarketplaceConformance({
    name: 'ebay (Browse API simulated with msw)',
    create: () => {
      mock.server.use(
        tokenEndpoint(mock),
        mock.operation('get', '/buy/browse/v1/item_summary/search', ({ url }) => {
          const offset = Number(url.searchParams.get('offset') ?? 0);
          const limit = Number(url.searchParams.get('limit') ?? 50);
          const page = items.slice(offset, offset + limit);
          return {
            body: searchPage(page, {
              total: items.length,
              offset,
              limit,
              next: offset + limit < items.length,
            }),
          };
        }),
        mock.operation('get', '/buy/browse/v1/item/:itemId', ({ params }) => {
          const found = items.find((item) => item.itemId === params.itemId);
          if (!found) {
            return {
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
            };
          }
          // `Item` has a category path instead of `categories`, and no `itemHref`.
          const { categories: _categories, leafCategoryIds: _leaf, itemHref: _href, ...rest } = found;
          return { body: { ...rest, categoryId: '177831', categoryIdPath: '888|7294|177831' } };
        }),
      );
      return { subject: createEbayMarketplace(ebaySettings()) };
    },
    search: { query: 'road bike', categories: ['bicycles'], sort: 'newest', limit: 10 },
    maxPages: 5,
    goodDraft: draft(),
  });
});
