import {
  type AuthenticationError,
  MarketplaceRequestError,
  RateLimitedError,
  ValidationError,
} from '@deal-scout/core';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  access,
  appId,
  appSecret,
  catalogId,
  createGraphServer,
  facebookDraft,
  graph,
  graphError,
} from '../../test/fixtures';
import { createFacebookMarketplace } from '../create-facebook-marketplace';

const server = createGraphServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const sleeps: number[] = [];
const adapter = (overrides: Record<string, unknown> = {}) =>
  createFacebookMarketplace({
    appId,
    appSecret,
    catalogId,
    productUrlTemplate: 'https://shop.example/items/{sku}',
    checkoutUrlTemplate: 'https://shop.example/checkout/{sku}',
    batchStatusIntervalMs: 1_500,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });

type BatchCall = {
  itemType: string | null;
  requests: Array<{ method: string; data: Record<string, unknown> }>;
};

/** Records items_batch calls, checking the documented form fields and the Bearer token. */
function itemsBatchHandler(calls: BatchCall[], handle = 'AcxBatchHandle1') {
  return http.post(`${graph}/${catalogId}/items_batch`, async ({ request }) => {
    expect(request.headers.get('authorization')).toBe(`Bearer ${access.accessToken}`);
    expect(request.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    const form = new URLSearchParams(await request.text());
    calls.push({ itemType: form.get('item_type'), requests: JSON.parse(form.get('requests') ?? 'null') });
    return HttpResponse.json({ handles: [handle] });
  });
}

function statusHandler(statuses: Array<Record<string, unknown>>) {
  let call = 0;
  return http.get(`${graph}/${catalogId}/check_batch_request_status`, ({ request }) => {
    expect(new URL(request.url).searchParams.get('handle')).toBe('AcxBatchHandle1');
    const entry = statuses[Math.min(call++, statuses.length - 1)];
    return HttpResponse.json({ data: [{ handle: 'AcxBatchHandle1', ...entry }] });
  });
}

describe('Facebook partner publishing (items_batch)', () => {
  it('creates the item with the documented fields and follows the batch to finished', async () => {
    const calls: BatchCall[] = [];
    server.use(
      itemsBatchHandler(calls),
      statusHandler([
        { status: 'in_progress', errors: [], errors_total_count: 0 },
        {
          status: 'finished',
          errors: [],
          errors_total_count: 0,
          warnings: [{ message: 'brand normalised' }],
        },
      ]),
    );
    sleeps.length = 0;
    const result = await adapter().doPublish!({
      draft: facebookDraft(),
      access,
      idempotencyKey: 'seller-1:chair-42:facebook',
    });
    expect(result).toEqual({
      externalId: 'chair-42',
      url: 'https://shop.example/items/chair-42',
      status: 'published',
      warnings: ['batch handle AcxBatchHandle1', 'brand normalised'],
    });
    expect(sleeps).toEqual([1_500]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.itemType).toBe('PRODUCT_ITEM');
    expect(calls[0]?.requests).toEqual([
      {
        method: 'CREATE',
        data: {
          id: 'chair-42',
          title: 'Mid-century walnut lounge chair',
          description: 'Solid walnut frame, original upholstery, light wear on the arms.',
          price: '325.00 USD',
          image_link: 'https://images.example.com/chair-1.jpg',
          additional_image_link: ['https://images.example.com/chair-2.jpg'],
          availability: 'in stock',
          condition: 'used_good',
          brand: 'Herman Miller',
          link: 'https://shop.example/items/chair-42',
          partner_product_checkout_uri: 'https://shop.example/checkout/chair-42',
          partner_seller_id: access.externalAccountId,
          partner_item_country: 'US',
          partner_delivery_method: ['shipping'],
          partner_shipping_cost: '49.99 USD',
          partner_shipping_speed: '3:5',
          return_details: { return_days: 30, return_type: 'REFUND' },
        },
      },
    ]);
  });

  it('answers pending when the batch is still running after the configured checks', async () => {
    server.use(itemsBatchHandler([]), statusHandler([{ status: 'in_progress', errors: [] }]));
    const result = await adapter({ batchStatusChecks: 2 }).doPublish!({
      draft: facebookDraft(),
      access,
      idempotencyKey: 'k',
    });
    expect(result.status).toBe('pending');
  });

  it('reports item errors from the batch status as a non-retryable request error', async () => {
    server.use(
      itemsBatchHandler([]),
      statusHandler([
        {
          status: 'finished',
          errors_total_count: 1,
          errors: [{ line: 0, id: 'chair-42', message: 'Invalid image_link' }],
        },
      ]),
    );
    const error = await adapter().doPublish!({ draft: facebookDraft(), access, idempotencyKey: 'k' }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(MarketplaceRequestError);
    expect((error as Error).message).toContain('Invalid image_link');
    expect((error as MarketplaceRequestError).isRetryable).toBe(false);
  });

  it('updates with UPDATE and deletes with DELETE on the retailer id', async () => {
    const calls: BatchCall[] = [];
    server.use(itemsBatchHandler(calls), statusHandler([{ status: 'finished', errors: [] }]));
    const facebook = adapter();
    await facebook.doUpdate!({
      externalId: 'chair-42',
      draft: facebookDraft({ title: 'Walnut lounge chair' }),
      access,
    });
    await facebook.doWithdraw!({ externalId: 'chair-42', access, reason: 'sold_elsewhere' });
    expect(calls.map((call) => call.requests[0]?.method)).toEqual(['UPDATE', 'DELETE']);
    expect(calls[0]?.requests[0]?.data).toMatchObject({ id: 'chair-42', title: 'Walnut lounge chair' });
    expect(calls[1]?.requests[0]?.data).toEqual({ id: 'chair-42' });
  });

  it('maps Graph errors on publish: 190 → re-authenticate, 4 → rate limited, 368 → blocked', async () => {
    const cases: Array<[number, number, (error: unknown) => void]> = [
      [190, 400, (error) => expect((error as AuthenticationError).reauthenticate).toBe(true)],
      [4, 400, (error) => expect(error).toBeInstanceOf(RateLimitedError)],
      [368, 400, (error) => expect((error as MarketplaceRequestError).isRetryable).toBe(false)],
    ];
    for (const [code, status, check] of cases) {
      server.use(
        http.post(`${graph}/${catalogId}/items_batch`, () =>
          HttpResponse.json(graphError(code, `error ${code}`), { status, headers: { 'retry-after': '60' } }),
        ),
      );
      const error = await adapter().doPublish!({ draft: facebookDraft(), access, idempotencyKey: 'k' }).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      check(error);
      expect((error as Error).message).not.toContain(access.accessToken);
    }
  });

  it('sends seller details and validates them first', async () => {
    let sent: unknown = null;
    server.use(
      http.post(`${graph}/${catalogId}/marketplace_partner_sellers_details`, async ({ request }) => {
        sent = JSON.parse(new URLSearchParams(await request.text()).get('requests') ?? 'null');
        return HttpResponse.json({ success: true });
      }),
    );
    const facebook = adapter();
    await facebook.upsertSellerDetails({
      access,
      sellers: [
        {
          sellerId: 's-1',
          sellerName: 'Ada',
          reviewCount: 12,
          positiveRatingsPercent: 98.5,
          memberSince: '2019-04-02',
        },
      ],
    });
    expect(sent).toEqual([
      {
        seller_id: 's-1',
        seller_name: 'Ada',
        seller_review_count: 12,
        seller_positive_ratings_pct: 98.5,
        seller_member_since: '2019-04-02',
      },
    ]);
    await expect(
      facebook.upsertSellerDetails({ access, sellers: [{ sellerId: '', sellerName: 'x' }] }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'sellers[0].sellerId' });
  });

  it('without a catalogue id, says publishing is off and offers no publish methods', () => {
    const bare = createFacebookMarketplace({ appId, appSecret });
    expect(bare.capabilities).toMatchObject({
      publish: false,
      update: false,
      withdraw: false,
      oauth: true,
      webhooks: true,
    });
    expect(bare.doPublish).toBeUndefined();
    expect(bare.validateDraft!(facebookDraft())).toContainEqual(
      expect.objectContaining({ field: 'marketplace' }),
    );
  });
});

describe('validateFacebookDraft', () => {
  it('accepts a draft that meets the partner rules', () => {
    expect(adapter().validateDraft!(facebookDraft())).toEqual([]);
  });

  it('names every broken rule by field', () => {
    const issues = adapter({ productUrlTemplate: undefined }).validateDraft!(
      facebookDraft({
        title: 'x'.repeat(201),
        condition: 'for_parts',
        category: 'cars-trucks',
        images: ['http://insecure.example.com/a.jpg'],
        shipping: { available: false },
        marketplaceOptions: { facebook: { shippingSpeed: 'fast' } },
      }),
    );
    expect(issues.map((issue) => issue.field).sort()).toEqual(
      [
        'category',
        'condition',
        'images[0]',
        'marketplaceOptions.facebook.shippingSpeed',
        'shipping',
        'title',
      ].sort(),
    );
    const withoutLink = adapter({ productUrlTemplate: undefined }).validateDraft!(facebookDraft());
    expect(withoutLink).toEqual([expect.objectContaining({ field: 'marketplaceOptions.facebook.link' })]);
  });

  it('rejects invalid settings with a ValidationError naming the field', () => {
    expect(() => createFacebookMarketplace({ appId: 'not-numeric', appSecret })).toThrow(ValidationError);
  });
});
