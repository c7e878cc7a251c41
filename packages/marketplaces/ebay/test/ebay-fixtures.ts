import type { ListingDraftInput } from '@deal-scout/core';
import { ListingDraftSchema } from '@deal-scout/core';
import type { EbayMarketplaceSettings } from '../src';
import type { EbayMockServer, MockReply } from './ebay-mock-server';

export const clientId = 'DealScou-Scout-PRD-5a1b2c3d4-0e1f2a3b';
export const clientSecret = 'PRD-a1b2c3d4e5f6-7a8b-9c0d-1e2f-3a4b';
export const ruName = 'Deal_Scout-DealScou-Scout--abcdefg';
export const verificationToken = 'deal-scout-verification-token_0123456789abcdef';
export const endpointUrl = 'https://hooks.example.com/ebay/account-deletion';

/** Settings with every optional feature configured. */
export function ebaySettings(overrides: Partial<EbayMarketplaceSettings> = {}): EbayMarketplaceSettings {
  return {
    clientId,
    clientSecret,
    ruName,
    verificationToken,
    endpointUrl,
    businessPolicies: {
      fulfillmentPolicyId: '6196932000',
      paymentPolicyId: '6196940000',
      returnPolicyId: '6196944000',
    },
    merchantLocationKey: 'providence-warehouse',
    inventoryLocation: { postalCode: '02903', country: 'US', city: 'Providence', stateOrProvince: 'RI' },
    ...overrides,
  };
}

/** A Browse `ItemSummary` shaped like eBay's (every field documented in buy_browse_v1_oas3.json). */
export function itemSummary(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    itemId: 'v1|256543210987|0',
    legacyItemId: '256543210987',
    title: 'Apple iPhone 13 128GB Midnight Unlocked',
    itemHref: 'https://api.ebay.com/buy/browse/v1/item/v1%7C256543210987%7C0',
    price: { value: '389.99', currency: 'USD' },
    condition: 'Used',
    conditionId: '3000',
    image: { imageUrl: 'https://i.ebayimg.com/images/g/abcAAOSw1234/s-l225.jpg' },
    additionalImages: [{ imageUrl: 'https://i.ebayimg.com/images/g/defAAOSw5678/s-l225.jpg' }],
    itemWebUrl: 'https://www.ebay.com/itm/256543210987',
    itemLocation: { postalCode: '029**', country: 'US' },
    seller: { username: 'ri_phone_shop', feedbackPercentage: '99.6', feedbackScore: 4231 },
    categories: [
      { categoryId: '9355', categoryName: 'Cell Phones & Smartphones' },
      { categoryId: '15032', categoryName: 'Cell Phones & Accessories' },
    ],
    leafCategoryIds: ['9355'],
    buyingOptions: ['FIXED_PRICE', 'BEST_OFFER'],
    shippingOptions: [{ shippingCostType: 'FIXED', shippingCost: { value: '5.99', currency: 'USD' } }],
    itemCreationDate: '2026-01-04T18:22:31.000Z',
    listingMarketplaceId: 'EBAY_US',
    ...overrides,
  };
}

/** A `SearchPagedCollection`. */
export function searchPage(
  items: Record<string, unknown>[],
  page: { total: number; offset: number; limit: number; next?: boolean },
): Record<string, unknown> {
  const href = `https://api.ebay.com/buy/browse/v1/item_summary/search?q=iphone&limit=${page.limit}&offset=${page.offset}`;
  return {
    href,
    total: page.total,
    limit: page.limit,
    offset: page.offset,
    ...(page.next
      ? {
          next: `https://api.ebay.com/buy/browse/v1/item_summary/search?q=iphone&limit=${page.limit}&offset=${page.offset + page.limit}`,
        }
      : {}),
    itemSummaries: items,
  };
}

/** eBay's error body. */
export function ebayError(
  errorId: number,
  message: string,
  category = 'REQUEST',
): { errors: Record<string, unknown>[] } {
  return { errors: [{ errorId, domain: 'API_INVENTORY', category, message, longMessage: message }] };
}

/** A draft that eBay would accept. */
export function draft(overrides: Partial<ListingDraftInput> = {}) {
  return ListingDraftSchema.parse({
    sku: 'IPHONE13-MID-128',
    title: 'Apple iPhone 13 128GB Midnight Unlocked',
    description: 'Unlocked iPhone 13, 128GB, battery health 91%. Light scuffs on the frame.',
    price: { amount: 38999, currency: 'USD' },
    condition: 'good',
    category: 'cell-phones',
    brand: 'Apple',
    colors: ['Black'],
    attributes: { Model: 'Apple iPhone 13', 'Storage Capacity': '128 GB' },
    images: ['https://images.example.com/iphone-front.jpg', 'https://images.example.com/iphone-back.jpg'],
    quantity: 1,
    ...overrides,
  });
}

/** The OAuth token endpoint: checks Basic client auth and the form, answers like eBay. */
export function tokenEndpoint(
  mock: EbayMockServer,
  reply: (form: URLSearchParams) => MockReply = (form) => ({
    body:
      form.get('grant_type') === 'client_credentials'
        ? {
            access_token: `app-token-${mock.calls.length}`,
            expires_in: 7200,
            token_type: 'Application Access Token',
          }
        : {
            access_token: 'user-access-token',
            expires_in: 7200,
            refresh_token: 'user-refresh-token',
            refresh_token_expires_in: 47304000,
            token_type: 'User Access Token',
          },
  }),
  host = 'https://api.ebay.com',
) {
  return mock.undocumented('post', `${host}/identity/v1/oauth2/token`, 'token', (call) => {
    const form = new URLSearchParams(call.body);
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    if (call.headers.get('authorization') !== expected)
      mock.problems.push('token: wrong client authentication');
    if (call.headers.get('content-type') !== 'application/x-www-form-urlencoded') {
      mock.problems.push(`token: content-type ${call.headers.get('content-type')}`);
    }
    return reply(form);
  });
}

/**
 * Taxonomy and Metadata answers for the iPhone {@link draft}: the default tree, the suggestion
 * "Cell Phones & Smartphones" (9355), Brand and Model as required aspects, and the condition
 * policy allowing New (1000) and Used (3000).
 */
export function phoneCategoryHandlers(mock: EbayMockServer) {
  return [
    mock.operation('get', '/commerce/taxonomy/v1/get_default_category_tree_id', () => ({
      body: { categoryTreeId: '0', categoryTreeVersion: '119' },
    })),
    mock.operation('get', '/commerce/taxonomy/v1/category_tree/:tree/get_category_suggestions', () => ({
      body: {
        categoryTreeId: '0',
        categoryTreeVersion: '119',
        categorySuggestions: [
          {
            category: { categoryId: '9355', categoryName: 'Cell Phones & Smartphones' },
            categoryTreeNodeAncestors: [
              { categoryId: '15032', categoryName: 'Cell Phones & Accessories', categoryTreeNodeLevel: 1 },
            ],
            categoryTreeNodeLevel: 2,
          },
        ],
      },
    })),
    mock.operation('get', '/commerce/taxonomy/v1/category_tree/:tree/get_item_aspects_for_category', () => ({
      body: {
        aspects: [
          { localizedAspectName: 'Brand', aspectConstraint: { aspectRequired: true } },
          { localizedAspectName: 'Model', aspectConstraint: { aspectRequired: true } },
        ],
      },
    })),
    mock.operation('get', '/sell/metadata/v1/marketplace/:marketplaceId/get_item_condition_policies', () => ({
      body: {
        itemConditionPolicies: [
          { categoryId: '9355', itemConditions: [{ conditionId: '1000' }, { conditionId: '3000' }] },
        ],
      },
    })),
  ];
}
