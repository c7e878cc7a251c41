import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import {
  AuthenticationError,
  createManualClock,
  ValidationError,
  type WebhookRequestV1,
} from '@deal-scout/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebaySettings, endpointUrl, tokenEndpoint, verificationToken } from '../../test/ebay-fixtures';
import { createEbayMockServer } from '../../test/ebay-mock-server';
import { hasEbaySpecs, missingSpecsMessage } from '../../test/ebay-spec-validator';
import { rejectionOf } from '../../test/rejection-of';
import { createEbayMarketplace } from '../create-ebay-marketplace';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

/** A key pair like eBay's notification keys (ECDSA on P-256), generated per run. */
function ecdsaKeyPair(): { privateKey: KeyObject; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  // eBay returns the PEM on a single line; the adapter must cope with that.
  const pem = (publicKey.export({ type: 'spki', format: 'pem' }) as string).replace(/\n/g, '');
  return { privateKey, publicPem: pem };
}

/** Signs a body exactly as eBay does: ECDSA over the payload, DER signature, header = base64 JSON. */
function signAsEbay(body: string, privateKey: KeyObject, kid: string, digest = 'SHA1'): string {
  const hash = digest === 'SHA1' ? 'sha1' : 'sha256';
  const signature = sign(hash, Buffer.from(body), privateKey).toString('base64');
  return Buffer.from(JSON.stringify({ alg: 'ecdsa', kid, signature, digest })).toString('base64');
}

const deletionBody = JSON.stringify({
  metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION', schemaVersion: '1.0', deprecated: false },
  notification: {
    notificationId: '49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fb8f-4bd2-9e2f-6e4e5e5bd8d4',
    eventDate: '2026-03-19T20:43:59.462Z',
    publishDate: '2026-03-19T20:43:59.679Z',
    publishAttemptCount: 1,
    data: {
      username: 'ocean_state_seller',
      userId: 'ma8vp1jySJC',
      eiasToken: 'nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6wJnY+gAZGEpwmdj6x9nY+seQ==',
    },
  },
});

const post = (body: string, signature?: string): WebhookRequestV1 => ({
  method: 'POST',
  url: endpointUrl,
  headers: { 'content-type': 'application/json', ...(signature ? { 'x-ebay-signature': signature } : {}) },
  body: new TextEncoder().encode(body),
});

describe.runIf(hasEbaySpecs)('eBay marketplace-account-deletion endpoint', () => {
  const mock = createEbayMockServer();
  const key = ecdsaKeyPair();
  const kid = '99345c5b-f8fd-4d1b-9bb5-2bdbd3a7bd82';
  let keyLookups = 0;
  beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    keyLookups = 0;
    expect(mock.reset()).toEqual([]);
  });
  afterAll(() => mock.server.close());
  const keyServer = () => [
    tokenEndpoint(mock),
    mock.operation('get', '/commerce/notification/v1/public_key/:kid', ({ params }) => {
      keyLookups += 1;
      if (params.kid !== kid) {
        return {
          status: 404,
          body: {
            errors: [
              {
                errorId: 195003,
                domain: 'API_NOTIFICATION',
                category: 'REQUEST',
                message: 'Resource not found',
              },
            ],
          },
        };
      }
      return { body: { algorithm: 'ECDSA', digest: 'SHA1', key: key.publicPem } };
    }),
  ];

  it('answers the GET challenge with sha256(challengeCode + verificationToken + endpoint) in hex', async () => {
    const adapter = createEbayMarketplace(ebaySettings());
    const { response, events } = await adapter.webhooks!.doHandle({
      method: 'GET',
      url: `${endpointUrl}?challenge_code=a8628072-3d33-45ee-9004-bee86830a22d`,
      headers: {},
      body: new Uint8Array(),
    });
    const expected = createHash('sha256')
      .update('a8628072-3d33-45ee-9004-bee86830a22d')
      .update(verificationToken)
      .update(endpointUrl)
      .digest('hex');
    expect(response).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challengeResponse: expected }),
    });
    expect(events).toEqual([]);
  });

  it('rejects a challenge without challenge_code', async () => {
    const adapter = createEbayMarketplace(ebaySettings());
    await expect(
      adapter.webhooks!.doHandle({ method: 'GET', url: endpointUrl, headers: {}, body: new Uint8Array() }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('verifies a notification signed with the real key and emits account.deleted for the eBay user id', async () => {
    mock.server.use(...keyServer());
    const adapter = createEbayMarketplace(ebaySettings());
    const result = await adapter.webhooks!.doHandle(
      post(deletionBody, signAsEbay(deletionBody, key.privateKey, kid)),
    );
    expect(result.response.status).toBe(204);
    expect(result.events).toEqual([
      { type: 'account.deleted', externalAccountId: 'ma8vp1jySJC', externalUserName: 'ocean_state_seller' },
    ]);
  });

  it('follows the digest named in the header (SHA256 as well as SHA1)', async () => {
    mock.server.use(...keyServer());
    const adapter = createEbayMarketplace(ebaySettings());
    const result = await adapter.webhooks!.doHandle(
      post(deletionBody, signAsEbay(deletionBody, key.privateKey, kid, 'SHA256')),
    );
    expect(result.events).toHaveLength(1);
    // A SHA1 signature announced as SHA256 does not verify.
    const mislabelled = Buffer.from(
      JSON.stringify({
        ...JSON.parse(
          Buffer.from(signAsEbay(deletionBody, key.privateKey, kid, 'SHA1'), 'base64').toString(),
        ),
        digest: 'SHA256',
      }),
    ).toString('base64');
    await expect(adapter.webhooks!.doHandle(post(deletionBody, mislabelled))).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
  });

  it('caches the public key: two notifications, one getPublicKey call, until the cache expires', async () => {
    mock.server.use(...keyServer());
    const clock = createManualClock('2026-03-19T20:00:00.000Z');
    const adapter = createEbayMarketplace(ebaySettings({ clock }));
    const signed = post(deletionBody, signAsEbay(deletionBody, key.privateKey, kid));
    await Promise.all([adapter.webhooks!.doHandle(signed), adapter.webhooks!.doHandle(signed)]);
    await adapter.webhooks!.doHandle(signed);
    expect(keyLookups).toBe(1);
    await clock.advance(3_600_000);
    await adapter.webhooks!.doHandle(signed);
    expect(keyLookups).toBe(2);
  });

  it('rejects forged notifications with SIGNATURE_INVALID and no events', async () => {
    mock.server.use(...keyServer());
    const adapter = createEbayMarketplace(ebaySettings());
    const forgedKey = ecdsaKeyPair();
    const tampered = deletionBody.replace('ma8vp1jySJC', 'someone-else');
    const cases: WebhookRequestV1[] = [
      post(tampered, signAsEbay(deletionBody, key.privateKey, kid)), // body changed after signing
      post(deletionBody, signAsEbay(deletionBody, forgedKey.privateKey, kid)), // signed with another key
      post(deletionBody, signAsEbay(deletionBody, key.privateKey, 'unknown-kid')), // key id eBay does not know
      post(deletionBody), // no signature
      post(deletionBody, 'not-base64-json'),
    ];
    for (const request of cases) {
      const error = await rejectionOf(adapter.webhooks!.doHandle(request));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).code).toBe('SIGNATURE_INVALID');
    }
  });

  it('looks an unknown key id up once: repeated forgeries naming it spend no more API calls', async () => {
    mock.server.use(...keyServer());
    const adapter = createEbayMarketplace(ebaySettings());
    const forged = post(deletionBody, signAsEbay(deletionBody, key.privateKey, 'made-up-kid'));
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(adapter.webhooks!.doHandle(forged)).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    }
    expect(keyLookups).toBe(1);
  });

  it('acknowledges other topics without events', async () => {
    mock.server.use(...keyServer());
    const body = JSON.stringify({
      metadata: { topic: 'ITEM_SOLD', schemaVersion: '1.0' },
      notification: { notificationId: 'n1', data: {} },
    });
    const result = await createEbayMarketplace(ebaySettings()).webhooks!.doHandle(
      post(body, signAsEbay(body, key.privateKey, kid)),
    );
    expect(result).toEqual({ response: { status: 204, headers: {}, body: '' }, events: [] });
  });

  it('refuses to run without a verification token and endpoint', async () => {
    const adapter = createEbayMarketplace(ebaySettings({ verificationToken: undefined }));
    await expect(
      adapter.webhooks!.doHandle({
        method: 'GET',
        url: `${endpointUrl}?challenge_code=x`,
        headers: {},
        body: new Uint8Array(),
      }),
    ).rejects.toMatchObject({ code: 'CONFIGURATION_INVALID' });
  });
});
