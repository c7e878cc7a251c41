import { type MarketplaceAccessV1, ValidationError } from '@deal-scout/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { draft, ebayError, ebaySettings, tokenEndpoint } from '../../test/ebay-fixtures';
import { createEbayMockServer, type MockReply } from '../../test/ebay-mock-server';
import { hasEbaySpecs, missingSpecsMessage } from '../../test/ebay-spec-validator';
import { rejectionOf } from '../../test/rejection-of';
import { createEbayMarketplace } from '../create-ebay-marketplace';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

const access: MarketplaceAccessV1 = {
  accountId: 'acct_1',
  externalAccountId: 'ebay-user-7f3k2',
  accessToken: 'seller-access-token',
  marketplaceData: { marketplaceId: 'EBAY_US' },
};

describe.runIf(hasEbaySpecs)(
  'eBay publishing (Inventory API, validated against sell_inventory_v1_oas3.json)',
  () => {
    const mock = createEbayMockServer();
    beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
    afterEach(() => {
      expect(mock.reset()).toEqual([]);
    });
    afterAll(() => mock.server.close());

    const bodies = new Map<string, unknown>();
    /** Metadata API: the condition ids a category accepts (phones: new, open box, used, parts). */
    const conditionPolicies = (accepted = ['1000', '1500', '2010', '3000', '7000']) =>
      mock.operation(
        'get',
        '/sell/metadata/v1/marketplace/:marketplaceId/get_item_condition_policies',
        ({ url, params }) => {
          expect(params.marketplaceId).toBe('EBAY_US');
          const categoryId = /categoryIds:\{(\d+)\}/.exec(url.searchParams.get('filter') ?? '')?.[1] ?? '';
          return {
            body: {
              itemConditionPolicies: [
                {
                  categoryId,
                  categoryTreeId: '0',
                  itemConditionRequired: true,
                  itemConditions: accepted.map((conditionId) => ({
                    conditionId,
                    conditionDescription: `Condition ${conditionId}`,
                    usage: 'RECOMMENDED',
                  })),
                },
              ],
            },
          };
        },
      );
    const taxonomy = (required = ['Brand', 'Model'], accepted?: string[]) => [
      tokenEndpoint(mock),
      conditionPolicies(accepted),
      mock.operation('get', '/commerce/taxonomy/v1/get_default_category_tree_id', () => ({
        body: { categoryTreeId: '0', categoryTreeVersion: '119' },
      })),
      mock.operation(
        'get',
        '/commerce/taxonomy/v1/category_tree/:tree/get_item_aspects_for_category',
        () => ({
          body: {
            aspects: ['Brand', 'Model', 'Storage Capacity', 'Color'].map((name) => ({
              localizedAspectName: name,
              aspectConstraint: {
                aspectDataType: 'STRING',
                aspectMode: 'FREE_TEXT',
                aspectRequired: required.includes(name),
                aspectUsage: required.includes(name) ? 'RECOMMENDED' : 'OPTIONAL',
                itemToAspectCardinality: 'SINGLE',
              },
              aspectValues: [{ localizedValue: name === 'Brand' ? 'Apple' : 'Other' }],
            })),
          },
        }),
      ),
    ];
    const inventory = (options: { locationExists?: boolean; existingOffer?: MockReply } = {}) => [
      mock.operation('get', '/sell/inventory/v1/location/:key', ({ headers }) => {
        expect(headers.get('authorization')).toBe('Bearer seller-access-token');
        return options.locationExists
          ? { body: { merchantLocationKey: 'providence-warehouse', merchantLocationStatus: 'ENABLED' } }
          : { status: 404, body: ebayError(25805, 'Location not found') };
      }),
      mock.operation('post', '/sell/inventory/v1/location/:key', ({ body }) => {
        bodies.set('createInventoryLocation', body);
        return {};
      }),
      mock.operation('put', '/sell/inventory/v1/inventory_item/:sku', ({ body, headers }) => {
        bodies.set('createOrReplaceInventoryItem', body);
        bodies.set('Content-Language', headers.get('content-language'));
        return {};
      }),
      mock.operation(
        'get',
        '/sell/inventory/v1/offer',
        () =>
          options.existingOffer ?? { status: 404, body: ebayError(25713, 'This Offer is not available.') },
      ),
      mock.operation('post', '/sell/inventory/v1/offer', ({ body }) => {
        bodies.set('createOffer', body);
        return { status: 201, body: { offerId: '7012345010' } };
      }),
      mock.operation('put', '/sell/inventory/v1/offer/:offerId', ({ body }) => {
        bodies.set('updateOffer', body);
        return { status: 204 };
      }),
      mock.operation('post', '/sell/inventory/v1/offer/:offerId/publish', ({ params }) => {
        bodies.set('publishOffer', params.offerId);
        return { body: { listingId: '110554385922', warnings: [] } };
      }),
    ];

    it('creates the location, the item (with Content-Language), the offer with policies, and publishes', async () => {
      bodies.clear();
      mock.server.use(...taxonomy(), ...inventory());
      const adapter = createEbayMarketplace(ebaySettings());
      const result = await adapter.doPublish!({
        draft: draft(),
        access,
        marketplaceCategoryId: '9355',
        uploadedImages: ['https://i.ebayimg.com/images/g/front/s-l1600.jpg'],
        idempotencyKey: 'seller-1:IPHONE13-MID-128:ebay',
      });
      expect(result).toEqual({
        externalId: '7012345010',
        url: 'https://www.ebay.com/itm/110554385922',
        status: 'published',
      });
      expect(mock.operations()).toEqual([
        'token',
        'getDefaultCategoryTreeId',
        'getItemAspectsForCategory',
        'getItemConditionPolicies',
        'getInventoryLocation',
        'createInventoryLocation',
        'createOrReplaceInventoryItem',
        'getOffers',
        'createOffer',
        'publishOffer',
      ]);
      expect(bodies.get('createInventoryLocation')).toEqual({
        location: {
          address: { postalCode: '02903', country: 'US', city: 'Providence', stateOrProvince: 'RI' },
        },
        locationTypes: ['WAREHOUSE'],
        merchantLocationStatus: 'ENABLED',
        name: 'providence-warehouse',
      });
      expect(bodies.get('Content-Language')).toBe('en-US');
      expect(bodies.get('createOrReplaceInventoryItem')).toEqual({
        availability: { shipToLocationAvailability: { quantity: 1 } },
        condition: 'USED_EXCELLENT',
        product: {
          title: 'Apple iPhone 13 128GB Midnight Unlocked',
          description: 'Unlocked iPhone 13, 128GB, battery health 91%. Light scuffs on the frame.',
          aspects: {
            Brand: ['Apple'],
            Color: ['Black'],
            Model: ['Apple iPhone 13'],
            'Storage Capacity': ['128 GB'],
          },
          imageUrls: ['https://i.ebayimg.com/images/g/front/s-l1600.jpg'],
          brand: 'Apple',
        },
      });
      expect(bodies.get('createOffer')).toEqual({
        sku: 'IPHONE13-MID-128',
        marketplaceId: 'EBAY_US',
        format: 'FIXED_PRICE',
        availableQuantity: 1,
        categoryId: '9355',
        merchantLocationKey: 'providence-warehouse',
        listingDescription: 'Unlocked iPhone 13, 128GB, battery health 91%. Light scuffs on the frame.',
        listingPolicies: {
          fulfillmentPolicyId: '6196932000',
          paymentPolicyId: '6196940000',
          returnPolicyId: '6196944000',
        },
        pricingSummary: { price: { value: '389.99', currency: 'USD' } },
      });
      const getOffers = mock.calls.find((call) => call.operation === 'getOffers');
      expect(Object.fromEntries(getOffers!.url.searchParams)).toEqual({
        sku: 'IPHONE13-MID-128',
        marketplace_id: 'EBAY_US',
      });
    });

    it('names every missing prerequisite in one ValidationError, before any call to eBay', async () => {
      const adapter = createEbayMarketplace(
        ebaySettings({ businessPolicies: {}, merchantLocationKey: undefined }),
      );
      const error = await rejectionOf(
        adapter.doPublish!({
          draft: draft({
            title: 'A'.repeat(81),
            marketplaceOptions: { ebay: { returnPolicyId: '6196944000' } },
          }),
          access,
          idempotencyKey: 'k',
        }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([
        'title',
        'marketplaceOptions.ebay.fulfillmentPolicyId',
        'marketplaceOptions.ebay.paymentPolicyId',
        'marketplaceOptions.ebay.merchantLocationKey',
        'marketplaceCategoryId',
      ]);
      expect((error as Error).message).toContain('(+4 more)');
      expect(mock.calls).toEqual([]);
    });

    it('adds the category’s missing required aspects to the same error, having only read the Taxonomy API', async () => {
      mock.server.use(...taxonomy(['Brand', 'Model', 'Storage Capacity']), ...inventory());
      const adapter = createEbayMarketplace(
        ebaySettings({ businessPolicies: { paymentPolicyId: '1', returnPolicyId: '2' } }),
      );
      const error = await rejectionOf(
        adapter.doPublish!({
          draft: draft({ brand: undefined, attributes: {} }),
          access,
          marketplaceCategoryId: '9355',
          idempotencyKey: 'k',
        }),
      );
      expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([
        'marketplaceOptions.ebay.fulfillmentPolicyId',
        'attributes.Brand',
        'attributes.Model',
        'attributes.Storage Capacity',
      ]);
      expect(mock.operations()).toEqual([
        'token',
        'getDefaultCategoryTreeId',
        'getItemAspectsForCategory',
        'getItemConditionPolicies',
      ]);
    });

    it('stops before writing when the location is missing and there is no address to create it', async () => {
      mock.server.use(...taxonomy(), ...inventory());
      const adapter = createEbayMarketplace(ebaySettings({ inventoryLocation: undefined }));
      await expect(
        adapter.doPublish!({ draft: draft(), access, marketplaceCategoryId: '9355', idempotencyKey: 'k' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'marketplaceOptions.ebay.merchantLocationKey',
      });
      expect(mock.operations()).not.toContain('createOrReplaceInventoryItem');
    });

    it('publishes a condition the category accepts: like-new phones go up as NEW_OTHER (1500), not LIKE_NEW (2750)', async () => {
      bodies.clear();
      mock.server.use(...taxonomy(), ...inventory({ locationExists: true }));
      const adapter = createEbayMarketplace(ebaySettings());
      await adapter.doPublish!({
        draft: draft({ condition: 'like_new' }),
        access,
        marketplaceCategoryId: '9355',
        idempotencyKey: 'k',
      });
      expect(bodies.get('createOrReplaceInventoryItem')).toMatchObject({ condition: 'NEW_OTHER' });
    });

    it('uses graded conditions where the category has them, and reports a condition it cannot take', async () => {
      bodies.clear();
      mock.server.use(
        ...taxonomy([], ['2750', '4000', '5000', '6000']),
        ...inventory({ locationExists: true }),
      );
      const adapter = createEbayMarketplace(ebaySettings());
      await adapter.doPublish!({
        draft: draft({ condition: 'excellent' }),
        access,
        marketplaceCategoryId: '261186',
        idempotencyKey: 'k',
      });
      expect(bodies.get('createOrReplaceInventoryItem')).toMatchObject({ condition: 'USED_VERY_GOOD' });
      mock.calls.length = 0;
      const error = await rejectionOf(
        adapter.doPublish!({
          draft: draft({ condition: 'new' }),
          access,
          marketplaceCategoryId: '261186',
          idempotencyKey: 'k',
        }),
      );
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'condition' });
      expect(mock.operations().some((operation) => operation.startsWith('create'))).toBe(false);
    });

    it('does not post twice: a repeated publish finds the published offer and returns it', async () => {
      mock.server.use(
        ...taxonomy(),
        ...inventory({
          locationExists: true,
          existingOffer: {
            body: {
              total: 1,
              size: 1,
              offers: [
                {
                  offerId: '7012345010',
                  sku: 'IPHONE13-MID-128',
                  marketplaceId: 'EBAY_US',
                  format: 'FIXED_PRICE',
                  status: 'PUBLISHED',
                  listing: { listingId: '110554385922', listingStatus: 'ACTIVE' },
                },
              ],
            },
          },
        }),
      );
      const adapter = createEbayMarketplace(ebaySettings());
      const result = await adapter.doPublish!({
        draft: draft(),
        access,
        marketplaceCategoryId: '9355',
        idempotencyKey: 'k',
      });
      expect(result).toEqual({
        externalId: '7012345010',
        url: 'https://www.ebay.com/itm/110554385922',
        status: 'published',
      });
      expect(mock.operations()).not.toContain('createOffer');
      expect(mock.operations()).not.toContain('publishOffer');
    });

    it('reuses an unpublished offer for the SKU: updates it, then publishes', async () => {
      bodies.clear();
      mock.server.use(
        ...taxonomy(),
        ...inventory({
          locationExists: true,
          existingOffer: {
            body: {
              total: 1,
              offers: [{ offerId: '7012345999', sku: 'IPHONE13-MID-128', status: 'UNPUBLISHED' }],
            },
          },
        }),
      );
      const adapter = createEbayMarketplace(ebaySettings());
      const result = await adapter.doPublish!({
        draft: draft(),
        access,
        marketplaceCategoryId: '9355',
        idempotencyKey: 'k',
      });
      expect(result.externalId).toBe('7012345999');
      expect(bodies.get('publishOffer')).toBe('7012345999');
      expect(bodies.get('updateOffer')).toMatchObject({
        categoryId: '9355',
        pricingSummary: { price: { value: '389.99', currency: 'USD' } },
      });
      expect(mock.operations()).not.toContain('createOffer');
    });

    it('updates a published listing: item and offer replaced, policies kept from the offer', async () => {
      bodies.clear();
      mock.server.use(
        ...inventory(),
        tokenEndpoint(mock),
        conditionPolicies(),
        mock.operation('get', '/sell/inventory/v1/offer/:offerId', ({ params }) => ({
          body: {
            offerId: params.offerId,
            sku: 'IPHONE13-MID-128',
            marketplaceId: 'EBAY_US',
            format: 'FIXED_PRICE',
            categoryId: '9355',
            merchantLocationKey: 'providence-warehouse',
            listingPolicies: { fulfillmentPolicyId: 'F-1', paymentPolicyId: 'P-1', returnPolicyId: 'R-1' },
            status: 'PUBLISHED',
          },
        })),
      );
      const adapter = createEbayMarketplace(ebaySettings({ businessPolicies: {} }));
      await adapter.doUpdate!({
        externalId: '7012345010',
        draft: draft({ price: { amount: 35000, currency: 'USD' } }),
        access,
      });
      expect(mock.operations()).toEqual([
        'getOffer',
        'token',
        'getItemConditionPolicies',
        'createOrReplaceInventoryItem',
        'updateOffer',
      ]);
      expect(bodies.get('updateOffer')).toMatchObject({
        listingPolicies: { fulfillmentPolicyId: 'F-1', paymentPolicyId: 'P-1', returnPolicyId: 'R-1' },
        pricingSummary: { price: { value: '350.00', currency: 'USD' } },
      });
    });

    it('withdraws the offer, and reports an unknown offer as NotFoundError', async () => {
      mock.server.use(
        mock.operation('post', '/sell/inventory/v1/offer/:offerId/withdraw', ({ params }) =>
          params.offerId === '7012345010'
            ? { body: { listingId: '110554385922' } }
            : { status: 404, body: ebayError(25713, 'This Offer is not available.') },
        ),
      );
      const adapter = createEbayMarketplace(ebaySettings());
      await adapter.doWithdraw!({ externalId: '7012345010', access, reason: 'sold_elsewhere' });
      await expect(
        adapter.doWithdraw!({ externalId: '999', access, reason: 'seller_request' }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  },
);

describe('eBay draft validation', () => {
  const adapter = createEbayMarketplace(ebaySettings());

  it('accepts a draft that follows eBay’s rules', () => {
    expect(adapter.validateDraft!(draft())).toEqual([]);
  });

  it('reports long titles, non-HTTPS images, foreign currency, long aspects and bad options', () => {
    const issues = adapter.validateDraft!(
      draft({
        title: 'Vintage Fender Stratocaster 1978 sunburst maple neck hard case original pickups rare',
        images: [
          ...Array.from({ length: 23 }, (_, i) => `https://img.example.com/${i}.jpg`),
          'http://img.example.com/x.jpg',
        ],
        price: { amount: 1000, currency: 'EUR' },
        attributes: { 'A very long aspect name that eBay will never accept': 'x', Finish: 'y'.repeat(66) },
        marketplaceOptions: { ebay: { conditionEnum: 'USED', unknown: true } },
      }),
    );
    expect(issues.map((issue) => issue.field)).toEqual([
      'marketplaceOptions.ebay.conditionEnum',
      'marketplaceOptions.ebay',
      'title',
      'images[23]',
      'price.currency',
      'attributes.A very long aspect name that eBay will never accept',
      'attributes.Finish',
    ]);
  });
});
