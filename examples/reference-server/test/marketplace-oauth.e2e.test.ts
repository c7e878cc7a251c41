import { createHash, generateKeyPairSync } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTokenVault } from '@deal-scout/core';
import { HttpResponse } from 'msw';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  accountDeletionNotification,
  createEbayMockServer,
  ebayAccountHandlers,
  ebayApp,
  ebaySeller,
  type FakeSeller,
  facebookGraph,
  facebookUser,
  graphError,
  hasEbaySpecs,
  loopbackOnly,
  missingSpecsMessage,
  phoneCategoryHandlers,
  signAsEbay,
} from './marketplace-mocks';
import { engines, startTestServer, type TestServer } from './start-test-server';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

const publicBaseUrl = 'https://deals.example.com';
const tokenEncryptionKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
const facebookApp = {
  appId: '1234567890',
  appSecret: 'facebook-app-secret-for-tests',
  redirectUri: `${publicBaseUrl}/facebook/callback`,
};
const catalogId = '555000111';
const ebayEndpointUrl = `${publicBaseUrl}/webhooks/ebay`;
const policies = { fulfillment: '6196932000', payment: '6196940000', return: '6196944000' };
const serverEnv = {
  PUBLIC_BASE_URL: publicBaseUrl,
  TOKEN_ENCRYPTION_KEY: tokenEncryptionKey,
  EBAY_CLIENT_ID: ebayApp.clientId,
  EBAY_CLIENT_SECRET: ebayApp.clientSecret,
  EBAY_RU_NAME: ebayApp.ruName,
  EBAY_ENVIRONMENT: 'production',
  EBAY_VERIFICATION_TOKEN: ebayApp.verificationToken,
  EBAY_ENDPOINT_URL: ebayEndpointUrl,
  EBAY_MERCHANT_LOCATION_KEY: 'providence-warehouse',
  EBAY_FULFILLMENT_POLICY_ID: policies.fulfillment,
  EBAY_PAYMENT_POLICY_ID: policies.payment,
  EBAY_RETURN_POLICY_ID: policies.return,
  FACEBOOK_APP_ID: facebookApp.appId,
  FACEBOOK_APP_SECRET: facebookApp.appSecret,
  FACEBOOK_CATALOG_ID: catalogId,
};

/** A draft both eBay and Facebook accept (Facebook partner items ship and link to the partner site). */
const draft = (sku: string) => ({
  sku,
  title: 'Apple iPhone 13 128GB Midnight Unlocked',
  description: 'Unlocked iPhone 13, 128GB, battery health 91%. Light scuffs on the frame.',
  price: { amount: 38_999, currency: 'USD' },
  condition: 'good',
  category: 'cell-phones',
  brand: 'Apple',
  colors: ['Black'],
  attributes: { Model: 'Apple iPhone 13', 'Storage Capacity': '128 GB' },
  images: ['https://images.example.com/iphone-front.jpg', 'https://images.example.com/iphone-back.jpg'],
  quantity: 1,
  location: { city: 'Providence', region: 'RI', postalCode: '02903', country: 'US' },
  shipping: { available: true, cost: { amount: 599, currency: 'USD' } },
  marketplaceOptions: {
    facebook: {
      link: `${publicBaseUrl}/items/${sku}`,
      shippingSpeed: '3:5',
      returnDays: 30,
      returnType: 'REFUND',
    },
  },
});

describe.runIf(hasEbaySpecs).each(engines)('marketplace accounts end to end on $name', ({ name, env }) => {
  const mock = createEbayMockServer();
  const unhandled: string[] = [];
  /** Every response body the server sent in the current test, to prove no token ever leaves it. */
  const bodies: string[] = [];
  let server: TestServer;

  beforeAll(async () => {
    // Listening before the server starts: its outgoing calls to eBay and Facebook are all answered here.
    mock.server.listen({ onUnhandledFrame: loopbackOnly(unhandled) });
    server = await startTestServer({ ...env, ...serverEnv });
  }, 180_000);
  beforeEach(() => {
    bodies.length = 0;
  });
  afterEach(() => {
    expect(unhandled.splice(0)).toEqual([]);
    expect(mock.reset()).toEqual([]);
  });
  afterAll(async () => {
    mock.server.close();
    await server?.stop();
  });

  /** Calls the server and keeps the body text (checked for secrets); JSON bodies are parsed. */
  const call = async (
    path: string,
    init: Parameters<TestServer['request']>[1] = {},
  ): Promise<{
    status: number;
    type: string | null;
    body: Record<string, unknown> & { items?: unknown[] };
  }> => {
    const response = await server.request(path, init);
    const text = await response.text();
    bodies.push(text);
    const type = response.headers.get('content-type');
    return { status: response.status, type, body: text && type?.includes('json') ? JSON.parse(text) : {} };
  };

  const expectNoSecretsSent = (...sellers: FakeSeller[]) => {
    const sent = bodies.join('\n');
    expect(sent.length).toBeGreaterThan(0);
    for (const seller of sellers) {
      expect(sent).not.toContain(seller.accessToken);
      if (seller.refreshToken) expect(sent).not.toContain(seller.refreshToken);
      expect(sent).not.toContain(seller.code);
    }
    for (const secret of [ebayApp.clientSecret, facebookApp.appSecret, 'encryptedTokens', 'v1.k1.'])
      expect(sent).not.toContain(secret);
  };

  /** Runs the whole consent round trip for `user` and returns the connected account the callback answered. */
  const connect = async (marketplace: 'ebay' | 'facebook', user: string, seller: FakeSeller) => {
    const start = await call(`/${marketplace}/authorize`, { method: 'POST', token: user });
    expect(start.status).toBe(200);
    const consent = new URL(String(start.body.authorizationUrl));
    const state = consent.searchParams.get('state') as string;
    expect(state).toBe(start.body.state);
    // Where the marketplace sends the user back, with the code and our state (eBay adds expires_in).
    const query = new URLSearchParams({ code: seller.code, state });
    if (marketplace === 'ebay') query.set('expires_in', '299');
    const callback = await call(`/${marketplace}/callback?${query}`);
    expect(callback.status, JSON.stringify(callback.body)).toBe(200);
    return { consent, state, query, account: callback.body as { id: string } & Record<string, unknown> };
  };

  /** Which of `needles` appear in the stored data: every row of every table (PostgreSQL), or every byte on disk (PGlite). */
  const storedContains = async (needles: readonly string[]): Promise<Record<string, boolean>> => {
    const found = Object.fromEntries(needles.map((needle) => [needle, false]));
    if (name === 'postgres') {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        const tables = await client.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
          [server.schema],
        );
        expect(tables.rows.map((row) => row.table_name)).toContain('marketplace_accounts');
        for (const { table_name } of tables.rows) {
          const rows = await client.query<{ row: string }>(
            `SELECT t::text AS row FROM "${server.schema}"."${table_name}" t`,
          );
          for (const { row } of rows.rows)
            for (const needle of needles) if (row.includes(needle)) found[needle] = true;
        }
      } finally {
        await client.end();
      }
      return found;
    }
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile()) {
          const bytes = await readFile(path);
          for (const needle of needles) if (bytes.includes(needle)) found[needle] = true;
        }
      }
    };
    await walk(server.dataDir);
    return found;
  };

  it('connects a Facebook account: consent URL, code exchange, long-lived token; only its owner sees it; a replayed callback is refused', async () => {
    const owner = await server.register(`fb-owner-${name}@example.com`);
    const other = await server.register(`fb-other-${name}@example.com`);
    const ada = facebookUser('10158000000000001', 'Ada Seller');
    const graph = facebookGraph({ app: facebookApp, users: [ada] });
    mock.server.use(...graph.handlers);

    const { consent, query, account } = await connect('facebook', owner, ada);
    expect(consent.origin + consent.pathname).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(consent.searchParams.get('client_id')).toBe(facebookApp.appId);
    expect(consent.searchParams.get('redirect_uri')).toBe(facebookApp.redirectUri);
    expect(account).toMatchObject({
      marketplace: 'facebook',
      externalAccountId: ada.externalId,
      displayName: 'Ada Seller',
      status: 'active',
      scopes: ['public_profile', 'catalog_management'],
    });
    // Code → short-lived token → long-lived token, then who the token belongs to.
    expect(graph.calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'GET /v25.0/oauth/access_token',
      'GET /v25.0/oauth/access_token',
      'GET /v25.0/me',
      'GET /v25.0/me/permissions',
    ]);
    expect(graph.calls[0]?.url.searchParams.get('code')).toBe(ada.code);
    expect(graph.calls[1]?.url.searchParams.get('grant_type')).toBe('fb_exchange_token');
    expect(graph.calls[2]?.headers.get('authorization')).toBe(`Bearer ${ada.accessToken}`);

    const mine = await call('/marketplace-accounts', { token: owner });
    expect(mine.body.items).toEqual([account]);
    const theirs = await call('/marketplace-accounts', { token: other });
    expect(theirs.body.items).toEqual([]);
    const stolen = await call(`/marketplace-accounts/${account.id}`, { method: 'DELETE', token: other });
    expect(stolen.status).toBe(404);

    // The same callback again (a replayed or double-submitted redirect): the state was used up.
    const exchanges = graph.calls.length;
    const replay = await call(`/facebook/callback?${query}`);
    expect(replay.status).toBe(401);
    expect(replay.type).toBe('application/problem+json');
    expect(replay.body.code).toBe('AUTHENTICATION_FAILED');
    expect(graph.calls).toHaveLength(exchanges);
    expect((await call('/marketplace-accounts', { token: owner })).body.items).toHaveLength(1);

    const stored = await server.composed.storage.accounts.get(account.id);
    expect(stored?.encryptedTokens).not.toContain(ada.accessToken);
    expectNoSecretsSent(ada);
  });

  it('connects an eBay seller through the RuName, stores its tokens encrypted at rest, and refuses a replayed state', async () => {
    const owner = await server.register(`ebay-owner-${name}@example.com`);
    const other = await server.register(`ebay-other-${name}@example.com`);
    const seller = ebaySeller('ma8vp1jySJC', `ocean_state_seller_${name}`);
    mock.server.use(...ebayAccountHandlers(mock, [seller]));

    const { consent, query, account } = await connect('ebay', owner, seller);
    expect(consent.origin + consent.pathname).toBe('https://auth.ebay.com/oauth2/authorize');
    expect(Object.fromEntries(consent.searchParams)).toMatchObject({
      client_id: ebayApp.clientId,
      redirect_uri: ebayApp.ruName,
      response_type: 'code',
    });
    expect(consent.searchParams.get('scope')?.split(' ')).toContain(
      'https://api.ebay.com/oauth/api_scope/sell.inventory',
    );
    expect(account).toMatchObject({
      marketplace: 'ebay',
      externalAccountId: seller.externalId,
      displayName: seller.name,
      status: 'active',
      marketplaceData: { marketplaceId: 'EBAY_US' },
    });
    expect(mock.operations()).toEqual(['token', 'getUser']);
    const exchange = new URLSearchParams(mock.calls[0]?.body);
    expect(Object.fromEntries(exchange)).toEqual({
      grant_type: 'authorization_code',
      code: seller.code,
      redirect_uri: ebayApp.ruName,
    });
    expect(mock.calls[1]?.headers.get('authorization')).toBe(`Bearer ${seller.accessToken}`);

    expect((await call('/marketplace-accounts', { token: owner })).body.items).toEqual([account]);
    expect((await call('/marketplace-accounts', { token: other })).body.items).toEqual([]);

    const replay = await call(`/ebay/callback?${query}`);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTHENTICATION_FAILED');
    expect(mock.operations()).toEqual(['token', 'getUser']);

    // At rest: an AES-GCM envelope under the configured key, bound to the account; never the token.
    const stored = await server.composed.storage.accounts.get(account.id);
    expect(stored?.encryptedTokens).toMatch(/^v1\.k1\.[\w-]+\.[\w-]+$/);
    const vault = createTokenVault({ keys: { k1: tokenEncryptionKey }, currentKeyId: 'k1' });
    expect(await vault.open(stored?.encryptedTokens as string, account.id)).toMatchObject({
      accessToken: seller.accessToken,
      refreshToken: seller.refreshToken,
    });
    await expect(vault.open(stored?.encryptedTokens as string, 'acct_someone_else')).rejects.toMatchObject({
      code: 'AUTHENTICATION_FAILED',
    });
    // The raw stored data has the account (the search works) but neither token in plain text.
    const raw = await storedContains([
      seller.name,
      seller.accessToken,
      seller.refreshToken as string,
      seller.accessToken.slice(-24),
    ]);
    expect(raw).toEqual({
      [seller.name]: true,
      [seller.accessToken]: false,
      [seller.refreshToken as string]: false,
      [seller.accessToken.slice(-24)]: false,
    });
    expectNoSecretsSent(seller);
  });

  /** The Taxonomy, Metadata, Media and Inventory calls of one eBay publish, answered like eBay. */
  const ebayInventoryHandlers = (options: { publish?: () => { status: number; body: unknown } } = {}) => [
    mock.undocumented(
      'post',
      'https://apim.ebay.com/commerce/media/v1_beta/image/create_image_from_url',
      'createImageFromUrl',
      (request) => ({
        status: 201,
        headers: { location: 'https://apim.ebay.com/commerce/media/v1_beta/image/v1%7C1%7C0' },
        body: {
          imageUrl: `https://i.ebayimg.com/images/g/${JSON.parse(request.body).imageUrl.split('/').at(-1).replace('.jpg', '')}/s-l1600.jpg`,
          expirationDate: '2026-04-18T09:00:00.000Z',
        },
      }),
    ),
    ...phoneCategoryHandlers(mock),
    mock.operation('get', '/sell/inventory/v1/location/:key', () => ({
      status: 404,
      body: {
        errors: [
          { errorId: 25805, domain: 'API_INVENTORY', category: 'REQUEST', message: 'Location not found' },
        ],
      },
    })),
    mock.operation('post', '/sell/inventory/v1/location/:key', () => ({})),
    mock.operation('put', '/sell/inventory/v1/inventory_item/:sku', () => ({})),
    mock.operation('get', '/sell/inventory/v1/offer', () => ({
      status: 404,
      body: {
        errors: [
          {
            errorId: 25713,
            domain: 'API_INVENTORY',
            category: 'REQUEST',
            message: 'This Offer is not available.',
          },
        ],
      },
    })),
    mock.operation('post', '/sell/inventory/v1/offer', () => ({
      status: 201,
      body: { offerId: '7012345010' },
    })),
    mock.operation(
      'post',
      '/sell/inventory/v1/offer/:offerId/publish',
      () => options.publish?.() ?? { status: 200, body: { listingId: '110554385922' } },
    ),
  ];
  const inventoryOperations = [
    'getInventoryLocation',
    'createInventoryLocation',
    'createOrReplaceInventoryItem',
    'getOffers',
    'createOffer',
    'publishOffer',
  ];

  it('posts to eBay with the connected seller’s token, never twice for one SKU; disconnecting stops further posts', async () => {
    const user = await server.register(`ebay-poster-${name}@example.com`);
    const seller = ebaySeller('xq7Lm2RvT9a', `providence_resale_${name}`);
    mock.server.use(...ebayAccountHandlers(mock, [seller]), ...ebayInventoryHandlers());
    const { account } = await connect('ebay', user, seller);
    mock.calls.length = 0;

    const posted = await call('/seller/post?marketplace=ebay', {
      method: 'POST',
      token: user,
      json: draft('IPH13-A'),
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body).toMatchObject({ sku: 'IPH13-A', succeeded: 1, failed: 0 });
    expect(posted.body.results).toEqual([
      {
        marketplace: 'ebay',
        status: 'published',
        externalId: '7012345010',
        url: 'https://www.ebay.com/itm/110554385922',
        warnings: [],
      },
    ]);
    const inventory = mock.calls.filter((c) => c.url.pathname.startsWith('/sell/inventory/'));
    expect(inventory.map((c) => c.operation)).toEqual(inventoryOperations);
    // Seller-scoped calls carry the connected account's token; Taxonomy and Metadata the application's.
    for (const c of [...inventory, ...mock.calls.filter((c) => c.operation === 'createImageFromUrl')])
      expect(c.headers.get('authorization'), c.operation).toBe(`Bearer ${seller.accessToken}`);
    for (const c of mock.calls.filter((c) => /taxonomy|metadata/.test(c.url.pathname)))
      expect(c.headers.get('authorization'), c.operation).not.toBe(`Bearer ${seller.accessToken}`);
    const byOperation = (operation: string) => {
      const found = mock.calls.find((c) => c.operation === operation);
      expect(found, operation).toBeDefined();
      return found as NonNullable<typeof found>;
    };
    for (const operation of ['createOrReplaceInventoryItem', 'createOffer'])
      expect(byOperation(operation).headers.get('content-language'), operation).toBe('en-US');
    expect(JSON.parse(byOperation('createInventoryLocation').body)).toMatchObject({
      location: {
        address: { postalCode: '02903', country: 'US', city: 'Providence', stateOrProvince: 'RI' },
      },
      locationTypes: ['WAREHOUSE'],
    });
    expect(byOperation('createOrReplaceInventoryItem').url.pathname).toBe(
      '/sell/inventory/v1/inventory_item/IPH13-A',
    );
    expect(JSON.parse(byOperation('createOrReplaceInventoryItem').body).product.imageUrls).toEqual([
      'https://i.ebayimg.com/images/g/iphone-front/s-l1600.jpg',
      'https://i.ebayimg.com/images/g/iphone-back/s-l1600.jpg',
    ]);
    expect(JSON.parse(byOperation('createOffer').body)).toMatchObject({
      sku: 'IPH13-A',
      marketplaceId: 'EBAY_US',
      categoryId: '9355',
      merchantLocationKey: 'providence-warehouse',
      listingPolicies: {
        fulfillmentPolicyId: policies.fulfillment,
        paymentPolicyId: policies.payment,
        returnPolicyId: policies.return,
      },
      pricingSummary: { price: { value: '389.99', currency: 'USD' } },
    });
    expect(byOperation('publishOffer').url.pathname).toBe('/sell/inventory/v1/offer/7012345010/publish');

    // The same request again (a retry): answered from the record, nothing sent to eBay.
    mock.calls.length = 0;
    const again = await call('/seller/post?marketplace=ebay', {
      method: 'POST',
      token: user,
      json: draft('IPH13-A'),
    });
    expect(again.body.results).toEqual([
      expect.objectContaining({ marketplace: 'ebay', status: 'already_published', externalId: '7012345010' }),
    ]);
    expect(mock.calls).toEqual([]);

    const disconnected = await call(`/marketplace-accounts/${account.id}`, { method: 'DELETE', token: user });
    expect(disconnected.status).toBe(204);
    expect((await call('/marketplace-accounts', { token: user })).body.items).toEqual([]);
    expect(await server.composed.storage.accounts.get(account.id)).toBeNull();
    const refused = await call('/seller/post?marketplace=ebay', {
      method: 'POST',
      token: user,
      json: draft('IPH13-B'),
    });
    expect(refused.status).toBe(400);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'targets[0]' });
    expect(refused.body.issues).toEqual([{ field: 'targets[0]', message: 'no connected ebay account' }]);
    expect(mock.calls).toEqual([]);
    expectNoSecretsSent(seller);
  });

  it('cross-posts to eBay and Facebook with a result per marketplace when Facebook refuses the item', async () => {
    const user = await server.register(`cross-poster-${name}@example.com`);
    const seller = ebaySeller('Rt5pW8kLq2Z', `two_markets_${name}`);
    const grace = facebookUser('10158000000000777', 'Grace Seller');
    const graph = facebookGraph({
      app: facebookApp,
      users: [grace],
      catalogId,
      itemsBatch: () =>
        HttpResponse.json(
          graphError(200, '(#200) Requires business_management permission to manage the object'),
          {
            status: 403,
          },
        ),
    });
    mock.server.use(...ebayAccountHandlers(mock, [seller]), ...ebayInventoryHandlers(), ...graph.handlers);
    await connect('ebay', user, seller);
    await connect('facebook', user, grace);
    mock.calls.length = 0;
    graph.calls.length = 0;

    const posted = await call('/seller/post?marketplace=ebay,facebook', {
      method: 'POST',
      token: user,
      json: draft('IPH13-X'),
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body).toMatchObject({ sku: 'IPH13-X', succeeded: 1, failed: 1 });
    expect(posted.body.results).toEqual([
      expect.objectContaining({
        marketplace: 'ebay',
        status: 'published',
        url: 'https://www.ebay.com/itm/110554385922',
      }),
      {
        marketplace: 'facebook',
        status: 'failed',
        error: expect.objectContaining({ code: 'MARKETPLACE_REQUEST_FAILED', isRetryable: false }),
      },
    ]);
    expect(
      mock.calls.filter((c) => c.url.pathname.startsWith('/sell/inventory/')).map((c) => c.operation),
    ).toEqual(inventoryOperations);
    // Facebook got one catalogue batch creating the item, with the Facebook account's own token.
    expect(graph.calls).toHaveLength(1);
    const batch = graph.calls[0] as (typeof graph.calls)[number];
    expect(batch.url.pathname).toBe(`/v25.0/${catalogId}/items_batch`);
    expect(batch.headers.get('authorization')).toBe(`Bearer ${grace.accessToken}`);
    expect(batch.form.get('item_type')).toBe('PRODUCT_ITEM');
    expect(JSON.parse(batch.form.get('requests') as string)).toEqual([
      expect.objectContaining({
        method: 'CREATE',
        data: expect.objectContaining({ link: `${publicBaseUrl}/items/IPH13-X` }),
      }),
    ]);

    // A target that cannot take the draft stops the whole request before anything is posted.
    mock.calls.length = 0;
    graph.calls.length = 0;
    const invalid = await call('/seller/post?marketplace=ebay,facebook', {
      method: 'POST',
      token: user,
      json: { ...draft('IPH13-Y'), shipping: { available: false } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.field).toBe('facebook.shipping');
    expect(mock.calls).toEqual([]);
    expect(graph.calls).toEqual([]);
    expectNoSecretsSent(seller, grace);
  });

  it('answers eBay’s account-deletion endpoint challenge with sha256(challengeCode + verificationToken + endpoint)', async () => {
    const challengeCode = 'a8628072-3d33-45ee-9004-bee86830a22d';
    const response = await server.request(`/webhooks/ebay?challenge_code=${challengeCode}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      challengeResponse: createHash('sha256')
        .update(challengeCode + ebayApp.verificationToken + ebayEndpointUrl)
        .digest('hex'),
    });
    const missing = await call('/webhooks/ebay');
    expect(missing.status).toBe(400);
    expect(missing.type).toBe('application/problem+json');
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'challenge_code' });
  });

  it('deletes the eBay account named by a signed deletion notification, and ignores forged ones', async () => {
    const doomed = ebaySeller(`del${name}A1b2C3`, `leaving_seller_${name}`);
    const staying = ebaySeller(`kep${name}D4e5F6`, `staying_seller_${name}`);
    const doomedUser = await server.register(`ebay-deleted-${name}@example.com`);
    const stayingUser = await server.register(`ebay-staying-${name}@example.com`);
    const ebayKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const kid = `99345c5b-f8fd-4d1b-9bb5-${name}`;
    let keyLookups = 0;
    mock.server.use(
      ...ebayAccountHandlers(mock, [doomed, staying]),
      mock.operation('get', '/commerce/notification/v1/public_key/:kid', ({ params }) => {
        keyLookups += 1;
        return params.kid === kid
          ? {
              body: {
                algorithm: 'ECDSA',
                digest: 'SHA1',
                // eBay sends the PEM on one line.
                key: (ebayKey.publicKey.export({ type: 'spki', format: 'pem' }) as string).replace(/\n/g, ''),
              },
            }
          : {
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
      }),
    );
    const { account: doomedAccount } = await connect('ebay', doomedUser, doomed);
    const { account: stayingAccount } = await connect('ebay', stayingUser, staying);

    const notify = (body: string, signature?: string) =>
      call('/webhooks/ebay', {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'x-ebay-signature': signature } : {}),
        },
      });
    const body = accountDeletionNotification(doomed);
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const forgeries: [string, Awaited<ReturnType<typeof notify>>][] = [
      ['signed with another key', await notify(body, signAsEbay(body, otherKey.privateKey, kid))],
      [
        'body changed after signing',
        await notify(
          body,
          signAsEbay(body.replace(doomed.externalId, staying.externalId), ebayKey.privateKey, kid),
        ),
      ],
      [
        'a key id eBay does not know',
        await notify(body, signAsEbay(body, ebayKey.privateKey, 'made-up-kid')),
      ],
      ['no signature', await notify(body)],
    ];
    for (const [what, response] of forgeries) {
      expect(response.status, what).toBe(401);
      expect(response.type, what).toBe('application/problem+json');
      expect(response.body.code, what).toBe('SIGNATURE_INVALID');
    }
    expect(keyLookups).toBe(2);
    expect((await call('/marketplace-accounts', { token: doomedUser })).body.items).toEqual([doomedAccount]);

    const accepted = await notify(body, signAsEbay(body, ebayKey.privateKey, kid));
    expect(accepted.status).toBe(204);
    expect((await call('/marketplace-accounts', { token: doomedUser })).body.items).toEqual([]);
    expect(await server.composed.storage.accounts.get(doomedAccount.id)).toBeNull();
    expect((await call('/marketplace-accounts', { token: stayingUser })).body.items).toEqual([
      stayingAccount,
    ]);
    // eBay repeats notifications until acknowledged; a repeat is acknowledged again and changes nothing.
    expect((await notify(body, signAsEbay(body, ebayKey.privateKey, kid))).status).toBe(204);
    expect((await call('/marketplace-accounts', { token: stayingUser })).body.items).toEqual([
      stayingAccount,
    ]);
    expect(keyLookups).toBe(2);
    expectNoSecretsSent(doomed, staying);
  });
});
