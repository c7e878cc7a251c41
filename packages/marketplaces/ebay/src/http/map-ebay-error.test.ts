import { AuthenticationError, MarketplaceRequestError, RateLimitedError } from '@deal-scout/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebayError, ebaySettings, tokenEndpoint } from '../../test/ebay-fixtures';
import { createEbayMockServer, type MockReply } from '../../test/ebay-mock-server';
import { hasEbaySpecs, missingSpecsMessage } from '../../test/ebay-spec-validator';
import { rejectionOf } from '../../test/rejection-of';
import { createEbayMarketplace } from '../create-ebay-marketplace';
import { parseRetryAfter } from './map-ebay-error';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

const access = { accountId: 'a', externalAccountId: 'u', accessToken: 'seller-token', marketplaceData: {} };

describe.runIf(hasEbaySpecs)(
  'eBay error mapping (errors[] bodies validated against the Error schema)',
  () => {
    const mock = createEbayMockServer();
    beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
    afterEach(() => {
      expect(mock.reset()).toEqual([]);
    });
    afterAll(() => mock.server.close());

    /** Withdraw is the smallest seller call: the reply decides everything. */
    const withdrawAnswering = async (reply: MockReply) => {
      mock.server.use(mock.operation('post', '/sell/inventory/v1/offer/:offerId/withdraw', () => reply));
      return rejectionOf(
        createEbayMarketplace(ebaySettings()).doWithdraw!({
          externalId: '1',
          access,
          reason: 'seller_request',
        }),
      );
    };

    it('maps an expired or invalid user token (401, errorId 1001) to re-authentication', async () => {
      const error = await withdrawAnswering({
        status: 401,
        body: {
          errors: [
            {
              errorId: 1001,
              domain: 'OAuth',
              category: 'REQUEST',
              message: 'Invalid access token',
              longMessage: 'Invalid access token. Check the value of the Authorization HTTP request header.',
            },
          ],
        },
      });
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({
        code: 'AUTHENTICATION_FAILED',
        reauthenticate: true,
        isRetryable: false,
      });
      expect((error as Error).message).not.toContain('seller-token');
    });

    it('maps errorId 1100 (access denied after expiry) to re-authentication', async () => {
      const error = await withdrawAnswering({
        status: 403,
        body: ebayError(1100, 'Access denied', 'REQUEST'),
      });
      expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED', reauthenticate: true });
    });

    it('maps 429 to RateLimitedError with Retry-After in milliseconds', async () => {
      const error = await withdrawAnswering({
        status: 429,
        headers: { 'Retry-After': '120' },
        body: ebayError(2001, 'Too many requests. The request limit has been reached for the resource.'),
      });
      expect(error).toBeInstanceOf(RateLimitedError);
      expect(error).toMatchObject({ retryAfterMs: 120_000, isRetryable: true });
    });

    it('maps 5xx and documented internal errorIds (25001, 25025) to retryable request errors', async () => {
      const server = await withdrawAnswering({
        status: 500,
        body: ebayError(25001, 'System error. Please try again.', 'APPLICATION'),
      });
      expect(server).toMatchObject({
        code: 'MARKETPLACE_REQUEST_FAILED',
        isRetryable: true,
        status: 500,
        providerCode: '25001',
      });
      const concurrent = await withdrawAnswering({
        status: 400,
        body: ebayError(25025, 'Concurrent access of Inventory. Please try again later', 'APPLICATION'),
      });
      expect(concurrent).toMatchObject({ isRetryable: true, status: 400, providerCode: '25025' });
    });

    it('maps other errors to a non-retryable MarketplaceRequestError with eBay’s errorId and message', async () => {
      const error = await withdrawAnswering({
        status: 400,
        body: ebayError(25709, 'Invalid value for offerId.'),
      });
      expect(error).toBeInstanceOf(MarketplaceRequestError);
      expect(error).toMatchObject({ isRetryable: false, status: 400, providerCode: '25709' });
      expect((error as Error).message).toContain(
        'withdrawOffer failed with HTTP 400: Invalid value for offerId.',
      );
    });

    it('maps application-token calls the same way (Browse 400 → providerCode)', async () => {
      mock.server.use(
        tokenEndpoint(mock),
        mock.operation('get', '/buy/browse/v1/item_summary/search', () => ({
          status: 400,
          body: {
            errors: [
              {
                errorId: 12008,
                domain: 'API_BROWSE',
                category: 'REQUEST',
                message: "The 'sort' value is invalid.",
              },
            ],
          },
        })),
      );
      const error = await rejectionOf(
        createEbayMarketplace(ebaySettings()).doSearch!({ query: 'x', sort: 'newest', limit: 1 }),
      );
      expect(error).toMatchObject({ code: 'MARKETPLACE_REQUEST_FAILED', providerCode: '12008' });
    });

    it('reports a network failure as a retryable request error', async () => {
      const adapter = createEbayMarketplace(
        ebaySettings({ fetch: () => Promise.reject(new TypeError('fetch failed')) }),
      );
      const error = await rejectionOf(
        adapter.doWithdraw!({ externalId: '1', access, reason: 'seller_request' }),
      );
      expect(error).toMatchObject({ code: 'MARKETPLACE_REQUEST_FAILED', isRetryable: true, status: null });
    });
  },
);

describe('Retry-After parsing', () => {
  it('reads delta seconds and HTTP dates, and ignores garbage', () => {
    const now = new Date('2026-03-01T12:00:00.000Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
