import { generateKeyPairSync, sign } from 'node:crypto';
import { createDealScout, createManualClock, type LoggerV1 } from '@deal-scout/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEbayMarketplace } from '../src';
import {
  draft,
  ebaySettings,
  endpointUrl,
  phoneCategoryHandlers,
  ruName,
  tokenEndpoint,
} from './ebay-fixtures';
import { createEbayMockServer } from './ebay-mock-server';
import { hasEbaySpecs, missingSpecsMessage } from './ebay-spec-validator';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

const encryption = { keys: { k1: Buffer.alloc(32, 9).toString('base64') }, currentKeyId: 'k1' };
const media = 'https://apim.ebay.com/commerce/media/v1_beta/image';
const ebayUserId = 'ma8vp1jySJC';

// The adapter composed into the real runtime: connect a seller, cross-post, then eBay deletes the account.
describe.runIf(hasEbaySpecs)('the eBay adapter inside createDealScout', () => {
  const mock = createEbayMockServer();
  beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    expect(mock.reset()).toEqual([]);
  });
  afterAll(() => mock.server.close());

  it('connects a seller, cross-posts through Media, Taxonomy and Inventory, and deletes the account on eBay’s notice', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const kid = 'deletion-key-1';
    mock.server.use(
      tokenEndpoint(mock),
      mock.undocumented('get', 'https://apiz.ebay.com/commerce/identity/v1/user/', 'getUser', () => ({
        body: { userId: ebayUserId, username: 'ocean_state_seller' },
      })),
      mock.undocumented('post', `${media}/create_image_from_url`, 'createImageFromUrl', (call) => ({
        status: 201,
        body: {
          imageUrl: `https://i.ebayimg.com/images/g/${encodeURIComponent(JSON.parse(call.body).imageUrl.slice(-9))}/s-l1600.jpg`,
        },
      })),
      ...phoneCategoryHandlers(mock),
      mock.operation('get', '/sell/inventory/v1/location/:key', () => ({
        body: { merchantLocationKey: 'providence-warehouse' },
      })),
      mock.operation('put', '/sell/inventory/v1/inventory_item/:sku', () => ({})),
      mock.operation('get', '/sell/inventory/v1/offer', () => ({
        status: 404,
        body: { errors: [{ errorId: 25713, category: 'REQUEST', message: 'This Offer is not available.' }] },
      })),
      mock.operation('post', '/sell/inventory/v1/offer', () => ({
        status: 201,
        body: { offerId: '7012345010' },
      })),
      mock.operation('post', '/sell/inventory/v1/offer/:offerId/publish', () => ({
        body: { listingId: '110554385922' },
      })),
      mock.operation('get', '/commerce/notification/v1/public_key/:kid', () => ({
        body: {
          algorithm: 'ECDSA',
          digest: 'SHA1',
          key: publicKey.export({ type: 'spki', format: 'pem' }) as string,
        },
      })),
    );
    const logged: string[] = [];
    const logger: LoggerV1 = {
      debug: (message, fields) => logged.push(message, JSON.stringify(fields ?? {})),
      info: (message, fields) => logged.push(message, JSON.stringify(fields ?? {})),
      warn: (message, fields) => logged.push(message, JSON.stringify(fields ?? {})),
      error: (message, fields) => logged.push(message, JSON.stringify(fields ?? {})),
    };
    const clock = createManualClock('2026-03-02T09:00:00.000Z');
    const scout = createDealScout({
      clock,
      logger,
      marketplaces: [createEbayMarketplace(ebaySettings({ clock }))],
      marketplaceAccounts: { tokenEncryption: encryption },
    });
    const emitted: unknown[] = [];
    for (const event of ['crosspost.completed', 'account.disconnected', 'error'] as const) {
      scout.on(event as 'error', (payload) => emitted.push(payload));
    }
    try {
      const start = await scout.marketplaces.connect({
        userId: 'seller-1',
        marketplace: 'ebay',
        redirectUri: 'https://host.example/cb',
      });
      expect(new URL(start.url).searchParams.get('redirect_uri')).toBe(ruName);
      const account = await scout.marketplaces.handleCallback({
        marketplace: 'ebay',
        state: start.state,
        code: 'auth-code-1',
      });
      expect(account).toMatchObject({
        externalAccountId: ebayUserId,
        displayName: 'ocean_state_seller',
        status: 'active',
      });

      const result = await scout.marketplaces.crossPost('seller-1', draft(), ['ebay']);
      expect(result.results).toEqual([
        {
          marketplace: 'ebay',
          status: 'published',
          externalId: '7012345010',
          url: 'https://www.ebay.com/itm/110554385922',
          warnings: [],
        },
      ]);
      const item = mock.calls.find((call) => call.operation === 'createOrReplaceInventoryItem');
      expect(item?.headers.get('authorization')).toBe('Bearer user-access-token');
      expect(JSON.parse(item!.body).product.imageUrls).toHaveLength(2);
      expect(JSON.parse(mock.calls.find((call) => call.operation === 'createOffer')!.body).categoryId).toBe(
        '9355',
      );

      const body = JSON.stringify({
        metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION', schemaVersion: '1.0', deprecated: false },
        notification: {
          notificationId: 'n-1',
          eventDate: '2026-03-02T09:05:00.000Z',
          publishDate: '2026-03-02T09:05:00.100Z',
          publishAttemptCount: 1,
          data: {
            username: 'ocean_state_seller',
            userId: ebayUserId,
            eiasToken: 'nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6wJnY+gAZGEpwmdj6x9nY+seQ==',
          },
        },
      });
      const signature = Buffer.from(
        JSON.stringify({
          alg: 'ecdsa',
          kid,
          signature: sign('sha1', Buffer.from(body), privateKey).toString('base64'),
          digest: 'SHA1',
        }),
      ).toString('base64');
      const handled = await scout.marketplaces.handleWebhook('ebay', {
        method: 'POST',
        url: endpointUrl,
        headers: { 'content-type': 'application/json', 'x-ebay-signature': signature },
        body: new TextEncoder().encode(body),
      });
      expect(handled.response.status).toBe(204);
      expect(await scout.marketplaces.listAccounts('seller-1')).toEqual([]);
      expect(emitted).toContainEqual(
        expect.objectContaining({ accountId: account.id, reason: 'marketplace_deleted' }),
      );
      // Tokens never reach logs or events.
      const visible = JSON.stringify(emitted) + logged.join('\n');
      for (const secret of ['user-access-token', 'user-refresh-token', 'app-token'])
        expect(visible).not.toContain(secret);
    } finally {
      await scout.close();
    }
  });
});
