import { type ListingDraft, ListingDraftSchema, type MarketplaceAccessV1 } from '@deal-scout/core';
import { setupServer } from 'msw/node';

/** Settings shared by the tests; the secret is fake and only signs test payloads. */
export const appId = '1234567890';
export const appSecret = 'test-app-secret-0123456789abcdef';
export const catalogId = '555000111';
export const graph = 'https://graph.facebook.com/v25.0';

export const access: MarketplaceAccessV1 = {
  accountId: 'acct_1',
  externalAccountId: '10158000000000001',
  accessToken: 'EAAB-long-lived-user-token-xyz',
  marketplaceData: {},
};

/** A draft that passes Facebook's partner rules. */
export function facebookDraft(overrides: Partial<ListingDraft> = {}): ListingDraft {
  return {
    ...ListingDraftSchema.parse({
      sku: 'chair-42',
      title: 'Mid-century walnut lounge chair',
      description: 'Solid walnut frame, original upholstery, light wear on the arms.',
      price: { amount: 32_500, currency: 'USD' },
      condition: 'good',
      category: 'furniture',
      brand: 'Herman Miller',
      images: ['https://images.example.com/chair-1.jpg', 'https://images.example.com/chair-2.jpg'],
      shipping: { available: true, cost: { amount: 4_999, currency: 'USD' } },
      location: { city: 'Providence', region: 'RI', country: 'US' },
      marketplaceOptions: { facebook: { shippingSpeed: '3:5', returnDays: 30, returnType: 'REFUND' } },
    }),
    ...overrides,
  };
}

/** An msw server; tests listen with `onUnhandledFrame: 'error'` so an unexpected request fails. */
export function createGraphServer() {
  return setupServer();
}

/** Graph's error envelope (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export function graphError(code: number, message: string, extra: Record<string, unknown> = {}) {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEfGh123', ...extra } };
}
