import EventEmitter from 'eventemitter3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError } from '../errors/authentication-error';
import { ConfigurationError } from '../errors/configuration-error';
import { MarketplaceRequestError } from '../errors/marketplace-request-error';
import { ValidationError } from '../errors/validation-error';
import type { ListingInput } from '../listing/listing';
import type { ListingDraftInput } from '../listing/listing-draft';
import type { LoggerV1 } from '../logger/v1/logger-v1';
import type { MarketplaceAdapterV1 } from '../marketplace/v1/marketplace-adapter-v1';
import type { MarketplaceOAuthV1, MarketplaceTokenSetV1 } from '../marketplace/v1/marketplace-oauth-v1';
import type {
  MarketplaceAccessV1,
  MarketplacePublishOptionsV1,
} from '../marketplace/v1/marketplace-publish-v1';
import { createMemoryJobs } from '../memory/jobs';
import { createManualClock, type ManualClock } from '../memory/manual-clock';
import { createReplayMarketplace } from '../memory/marketplace';
import { createMemorySearchIndex } from '../memory/search';
import { createMemoryStorage } from '../memory/storage';
import { defaultRetryPolicy } from '../runtime/call-with-retries';
import type { DealScoutEventName } from '../runtime/events';
import { ingestListings } from '../runtime/ingest';
import { createMarketplaceClient, type MarketplaceClient } from '../runtime/marketplace-client';
import type { DealScoutEmitter, RuntimeContext } from '../runtime/runtime-context';
import { createMarketplacesService, type MarketplacesService } from './create-marketplaces-service';

const encryption = { keys: { k1: Buffer.alloc(32, 7).toString('base64') }, currentKeyId: 'k1' };
const redirectUri = 'https://host.example/oauth/callback';

/** Every token the fake marketplaces issue contains this, so leaks are easy to find. */
const secretMarker = 'SECRET-TOKEN';

type Harness = {
  clock: ManualClock;
  context: RuntimeContext;
  service: MarketplacesService;
  events: Array<{ name: string; payload: unknown }>;
  logLines: string[];
  published: Array<{ marketplace: string; options: MarketplacePublishOptionsV1 }>;
  withdrawn: Array<{ marketplace: string; externalId: string; accessToken: string; reason: string }>;
  refreshed: string[];
  exchanges: Array<{ code: string; codeVerifier?: string }>;
};

const eventNames: DealScoutEventName[] = [
  'account.connected',
  'account.status_changed',
  'account.disconnected',
  'crosspost.completed',
  'crosspost.delisted',
  'listing.status_changed',
  'adapter.retry',
  'error',
];

/**
 * A marketplace with every seller capability, answering from memory: OAuth with PKCE and refresh
 * tokens (when `refresh`), publish, withdraw, image upload, category suggestion, and webhooks signed
 * with a shared secret in `x-test-signature`.
 */
function createSellerMarketplace(
  id: string,
  harness: Pick<Harness, 'published' | 'withdrawn' | 'refreshed' | 'exchanges' | 'clock'>,
  options: {
    refresh?: boolean;
    titleMax?: number;
    failPublish?: boolean;
    oauth?: boolean;
    withdraw?: boolean;
    tokenLifetimeMs?: number;
    /** Listings `doGetListing` answers with (turns `getListing` on). */
    listings?: readonly ListingInput[];
  } = {},
): MarketplaceAdapterV1 {
  let issued = 0;
  const lifetime = options.tokenLifetimeMs ?? 2 * 3600_000;
  const tokenSet = (): MarketplaceTokenSetV1 => {
    issued++;
    return {
      accessToken: `${id}-${secretMarker}-access-${issued}`,
      accessTokenExpiresAt: new Date(harness.clock.now().getTime() + lifetime).toISOString(),
      ...(options.refresh
        ? { refreshToken: `${id}-${secretMarker}-refresh`, refreshTokenExpiresAt: null }
        : {}),
      scopes: ['sell'],
      externalAccountId: `${id}-user-1`,
      displayName: 'Ada',
    };
  };
  const withOAuth = options.oauth !== false;
  const canWithdraw = options.withdraw !== false;
  const adapter: MarketplaceAdapterV1 = {
    specificationVersion: 'v1',
    marketplaceId: id,
    displayName: id.toUpperCase(),
    capabilities: {
      search: false,
      getListing: options.listings !== undefined,
      publish: true,
      update: false,
      withdraw: canWithdraw,
      imageUpload: withOAuth,
      categorySuggestion: true,
      oauth: withOAuth,
      webhooks: true,
      soldListings: false,
    },
    limits: { requestsPerSecond: 100, concurrency: 4, dailyCallBudget: null },
    validateDraft(draft) {
      return draft.title.length > (options.titleMax ?? 80)
        ? [{ field: 'title', message: `must be at most ${options.titleMax} characters` }]
        : [];
    },
    async doPublish(publishOptions) {
      harness.published.push({ marketplace: id, options: publishOptions });
      if (options.failPublish) {
        throw new MarketplaceRequestError({ message: 'listing rejected by review', source: id, status: 400 });
      }
      if (withOAuth && !publishOptions.access.accessToken.includes(secretMarker)) {
        throw new AuthenticationError({ message: 'no token', reauthenticate: true, source: id });
      }
      return {
        externalId: `${id}-${publishOptions.draft.sku}`,
        url: `https://${id}.example/${publishOptions.draft.sku}`,
        status: 'published',
      };
    },
    async doUploadImage({ image }) {
      return { imageRef: `${id}-hosted:${'url' in image ? image.url : 'bytes'}` };
    },
    async doSuggestCategory({ category }) {
      return [
        { marketplaceCategoryId: `${id}-cat-${category}`, name: String(category), requiredAttributes: [] },
      ];
    },
    webhooks: {
      async doHandle(request) {
        if (request.headers['x-test-signature'] !== 'valid') {
          throw new AuthenticationError({
            message: 'signature does not verify',
            signature: true,
            source: id,
          });
        }
        const body = JSON.parse(new TextDecoder().decode(request.body));
        return { response: { status: 200, headers: {}, body: 'ok' }, events: body.events };
      },
    },
  };
  if (options.listings) {
    const known = options.listings;
    adapter.doGetListing = async ({ externalId }) =>
      known.find((listing) => listing.externalId === externalId) ?? null;
  }
  if (canWithdraw) {
    adapter.doWithdraw = async ({
      externalId,
      access,
      reason,
    }: {
      externalId: string;
      access: MarketplaceAccessV1;
      reason: string;
    }) => {
      harness.withdrawn.push({ marketplace: id, externalId, accessToken: access.accessToken, reason });
    };
  }
  const oauth: MarketplaceOAuthV1 = {
    supportsPkce: true,
    createAuthorizationUrl: ({ state, redirectUri: uri, codeChallenge }) =>
      `https://${id}.example/authorize?state=${state}&redirect_uri=${encodeURIComponent(uri)}&code_challenge=${codeChallenge}&code_challenge_method=S256`,
    async doExchangeCode({ code, codeVerifier }) {
      harness.exchanges.push({ code, ...(codeVerifier ? { codeVerifier } : {}) });
      if (code === 'refused')
        throw new AuthenticationError({ message: 'invalid_grant', reauthenticate: true, source: id });
      return tokenSet();
    },
    ...(options.refresh
      ? {
          async doRefresh({ tokens }: { tokens: MarketplaceTokenSetV1 }) {
            harness.refreshed.push(tokens.refreshToken ?? '');
            return tokenSet();
          },
        }
      : {}),
  };
  return withOAuth ? { ...adapter, oauth } : adapter;
}

function createHarness(
  build: (
    harness: Pick<Harness, 'published' | 'withdrawn' | 'refreshed' | 'exchanges' | 'clock'>,
  ) => MarketplaceAdapterV1[],
  settings: Parameters<typeof createMarketplacesService>[1] = { tokenEncryption: encryption },
): Harness {
  const clock = createManualClock('2026-03-02T09:00:00.000Z');
  const partial = { clock, published: [], withdrawn: [], refreshed: [], exchanges: [] } as Pick<
    Harness,
    'published' | 'withdrawn' | 'refreshed' | 'exchanges' | 'clock'
  >;
  const adapters = build(partial);
  const events: DealScoutEmitter = new EventEmitter();
  const logLines: string[] = [];
  const logger: LoggerV1 = {
    debug: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
    info: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
    warn: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
    error: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
  };
  const clients = new Map<string, MarketplaceClient>(
    adapters.map((adapter) => [
      adapter.marketplaceId,
      createMarketplaceClient({ adapter, clock, events, retry: { ...defaultRetryPolicy, maxAttempts: 1 } }),
    ]),
  );
  const context: RuntimeContext = {
    storage: createMemoryStorage(),
    search: createMemorySearchIndex(),
    jobs: createMemoryJobs({ clock }),
    clock,
    logger,
    events,
    marketplaces: new Map(adapters.map((adapter) => [adapter.marketplaceId, adapter])),
    marketplace: (id) => clients.get(id) as MarketplaceClient,
    channels: new Map(),
    stages: { enrich: [], react: [] },
    ingest: (listings) => ingestListings(context, listings),
    now: () => clock.now().toISOString(),
    reportError: (where, error) => logLines.push(JSON.stringify({ where, error: String(error) })),
  };
  const recorded: Array<{ name: string; payload: unknown }> = [];
  for (const name of eventNames) events.on(name, (payload: unknown) => recorded.push({ name, payload }));
  const service = createMarketplacesService(context, settings);
  return { ...partial, context, service, events: recorded, logLines };
}

const draft = (overrides: Partial<ListingDraftInput> = {}): ListingDraftInput => ({
  sku: 'lamp-01',
  title: 'Brass banker desk lamp',
  description: 'Green glass shade, rewired.',
  price: { amount: 6_500, currency: 'USD' },
  condition: 'excellent',
  category: 'household',
  images: ['https://images.example.com/lamp-1.jpg', 'https://images.example.com/lamp-2.jpg'],
  ...overrides,
});

async function connect(harness: Harness, marketplace: string, userId = 'seller-1') {
  const start = await harness.service.connect({ userId, marketplace, redirectUri });
  return harness.service.handleCallback({ marketplace, state: start.state, code: `code-for-${marketplace}` });
}

let current: Harness | null = null;
/** Remembers the harness so its service is closed after the test. */
function track(harness: Harness): Harness {
  current = harness;
  return harness;
}
afterEach(() => {
  current?.service.close();
  current = null;
});

describe('connecting accounts', () => {
  it('starts OAuth with a stored state and an S256 PKCE challenge, then stores encrypted tokens', async () => {
    const harness = track(createHarness((h) => [createSellerMarketplace('shop', h, { refresh: true })]));
    const start = await harness.service.connect({ userId: 'seller-1', marketplace: 'shop', redirectUri });
    const url = new URL(start.url);
    expect(url.searchParams.get('state')).toBe(start.state);
    expect(start.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(start.expiresAt).toBe('2026-03-02T09:10:00.000Z');
    const challenge = url.searchParams.get('code_challenge');
    expect(await harness.context.storage.state.get(`accounts.oauth-state.${start.state}`)).not.toBeNull();

    const view = await harness.service.handleCallback({
      marketplace: 'shop',
      state: start.state,
      code: 'abc',
    });
    const verifier = harness.exchanges[0]?.codeVerifier as string;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    expect(Buffer.from(digest).toString('base64url')).toBe(challenge);
    expect(view).toMatchObject({
      userId: 'seller-1',
      marketplace: 'shop',
      externalAccountId: 'shop-user-1',
      status: 'active',
    });
    expect(view).not.toHaveProperty('encryptedTokens');
    const stored = await harness.context.storage.accounts.get(view.id);
    expect(stored?.encryptedTokens).toMatch(/^v1\.k1\./);
    expect(stored?.encryptedTokens).not.toContain(secretMarker);
    expect(harness.events.map((event) => event.name)).toEqual(['account.connected']);
    expect(await harness.service.listAccounts('seller-1')).toEqual([view]);
    // The state was single-use.
    await expect(
      harness.service.handleCallback({ marketplace: 'shop', state: start.state, code: 'abc' }),
    ).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refuses unknown, expired and cross-marketplace states, and refused codes, storing nothing', async () => {
    const harness = track(
      createHarness((h) => [createSellerMarketplace('shop', h), createSellerMarketplace('other', h)]),
    );
    await expect(
      harness.service.handleCallback({ marketplace: 'shop', state: 'x'.repeat(43), code: 'abc' }),
    ).rejects.toMatchObject({ name: 'AuthenticationError' });
    const expired = await harness.service.connect({ userId: 'seller-1', marketplace: 'shop', redirectUri });
    await harness.clock.advance(11 * 60_000);
    await expect(
      harness.service.handleCallback({ marketplace: 'shop', state: expired.state, code: 'abc' }),
    ).rejects.toThrow(/expired/);
    const crossed = await harness.service.connect({ userId: 'seller-1', marketplace: 'shop', redirectUri });
    await expect(
      harness.service.handleCallback({ marketplace: 'other', state: crossed.state, code: 'abc' }),
    ).rejects.toThrow(/another marketplace/);
    const refused = await harness.service.connect({ userId: 'seller-1', marketplace: 'shop', redirectUri });
    await expect(
      harness.service.handleCallback({ marketplace: 'shop', state: refused.state, code: 'refused' }),
    ).rejects.toBeInstanceOf(AuthenticationError);
    expect(await harness.service.listAccounts('seller-1')).toEqual([]);
    expect(harness.events).toEqual([]);
  });

  it('needs token encryption settings to connect', async () => {
    const harness = track(createHarness((h) => [createSellerMarketplace('shop', h)], {}));
    await expect(
      harness.service.connect({ userId: 'seller-1', marketplace: 'shop', redirectUri }),
    ).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('disconnects only the owner’s account', async () => {
    const harness = track(createHarness((h) => [createSellerMarketplace('shop', h)]));
    const view = await connect(harness, 'shop');
    await expect(harness.service.disconnect('someone-else', view.id)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await harness.service.disconnect('seller-1', view.id);
    expect(await harness.service.listAccounts('seller-1')).toEqual([]);
    expect(harness.events.at(-1)).toMatchObject({
      name: 'account.disconnected',
      payload: { reason: 'user' },
    });
  });
});

describe('token lifetime', () => {
  it('refreshes tokens before they expire, where the adapter can', async () => {
    const harness = track(createHarness((h) => [createSellerMarketplace('shop', h, { refresh: true })]));
    await connect(harness, 'shop');
    await harness.clock.advance(2 * 3600_000 - 60_000);
    const result = await harness.service.crossPost('seller-1', draft(), ['shop']);
    expect(result.results[0]?.status).toBe('published');
    expect(harness.refreshed).toEqual([`shop-${secretMarker}-refresh`]);
    expect(harness.published[0]?.options.access.accessToken).toBe(`shop-${secretMarker}-access-2`);
  });

  it('marks an account whose token expired without a refresh token, with an event', async () => {
    const harness = track(
      createHarness((h) => [createSellerMarketplace('fb', h, { tokenLifetimeMs: 60 * 86_400_000 })]),
    );
    const view = await connect(harness, 'fb');
    await harness.clock.advance(60 * 86_400_000 + 1);
    const [listed] = await harness.service.listAccounts('seller-1');
    expect(listed?.status).toBe('reauthentication_required');
    expect(harness.events.at(-1)).toMatchObject({
      name: 'account.status_changed',
      payload: { account: { id: view.id, status: 'reauthentication_required' }, previousStatus: 'active' },
    });
    const error = await harness.service
      .crossPost('seller-1', draft(), ['fb'])
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { field: 'targets[0]', message: 'the fb account must be connected again' },
    ]);
    expect(harness.published).toEqual([]);
  });

  it('marks the account when the token expires between listing and posting', async () => {
    const harness = track(
      createHarness((h) => [createSellerMarketplace('fb', h, { tokenLifetimeMs: 3600_000 })]),
    );
    await connect(harness, 'fb');
    await harness.clock.advance(3600_000 + 1);
    const result = await harness.service.crossPost('seller-1', draft(), ['fb']);
    expect(result.results[0]).toMatchObject({ status: 'failed', error: { code: 'AUTHENTICATION_FAILED' } });
    expect((await harness.service.listAccounts('seller-1'))[0]?.status).toBe('reauthentication_required');
    expect(harness.published).toEqual([]);
  });
});

describe('crossPost', () => {
  it('validates for every target before posting anywhere, naming marketplace and field', async () => {
    const harness = track(
      createHarness((h) => [
        createSellerMarketplace('shop', h),
        createSellerMarketplace('strict', h, { titleMax: 10 }),
      ]),
    );
    await connect(harness, 'shop');
    await connect(harness, 'strict');
    const error = await harness.service
      .crossPost('seller-1', draft(), ['shop', 'strict', 'nowhere'])
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { field: 'strict.title', message: 'STRICT: must be at most 10 characters' },
      { field: 'targets[2]', message: "'nowhere' is not a composed marketplace" },
    ]);
    expect(harness.published).toEqual([]);
    await expect(
      harness.service.crossPost('seller-1', draft({ images: [] }), ['shop']),
    ).rejects.toMatchObject({
      field: 'images',
    });
    await expect(harness.service.crossPost('seller-1', draft(), ['shop', 'shop'])).rejects.toMatchObject({
      field: 'targets',
    });
    expect(harness.published).toEqual([]);
  });

  it('refuses a target that cannot publish, such as a replay marketplace', async () => {
    const replay = createReplayMarketplace({ marketplaceId: 'replay', listings: [] });
    const harness = track(createHarness((h) => [createSellerMarketplace('shop', h), replay]));
    await connect(harness, 'shop');
    await expect(harness.service.crossPost('seller-1', draft(), ['shop', 'replay'])).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ field: 'targets[1]', message: expect.stringContaining('cannot publish') }],
    });
    expect(harness.published).toEqual([]);
  });

  it('uploads images, maps the category, publishes, and spells out partial failures', async () => {
    const harness = track(
      createHarness((h) => [
        createSellerMarketplace('shop', h),
        createSellerMarketplace('flaky', h, { failPublish: true }),
        createSellerMarketplace('local', h, { oauth: false, withdraw: false }),
      ]),
    );
    await connect(harness, 'shop');
    await connect(harness, 'flaky');
    const result = await harness.service.crossPost('seller-1', draft(), ['shop', 'flaky', 'local']);
    expect(result).toMatchObject({ sellerId: 'seller-1', sku: 'lamp-01', succeeded: 2, failed: 1 });
    expect(result.results).toEqual([
      {
        marketplace: 'shop',
        status: 'published',
        externalId: 'shop-lamp-01',
        url: 'https://shop.example/lamp-01',
        warnings: [],
      },
      {
        marketplace: 'flaky',
        status: 'failed',
        error: {
          code: 'MARKETPLACE_REQUEST_FAILED',
          message: expect.stringContaining('listing rejected by review'),
          isRetryable: false,
        },
      },
      {
        marketplace: 'local',
        status: 'published',
        externalId: 'local-lamp-01',
        url: 'https://local.example/lamp-01',
        warnings: [],
      },
    ]);
    const shop = harness.published.find((entry) => entry.marketplace === 'shop')?.options;
    expect(shop?.uploadedImages).toEqual([
      'shop-hosted:https://images.example.com/lamp-1.jpg',
      'shop-hosted:https://images.example.com/lamp-2.jpg',
    ]);
    expect(shop?.marketplaceCategoryId).toBe('shop-cat-household');
    expect(shop?.idempotencyKey).toBe('seller-1:lamp-01:shop');
    const local = harness.published.find((entry) => entry.marketplace === 'local')?.options;
    expect(local?.access).toEqual({
      accountId: 'seller-1',
      externalAccountId: 'seller-1',
      accessToken: '',
      marketplaceData: {},
    });
    expect(harness.events.at(-1)).toMatchObject({ name: 'crosspost.completed', payload: { sku: 'lamp-01' } });
  });

  it('never posts twice when the same request is retried; failed targets are tried again', async () => {
    const harness = track(
      createHarness((h) => [
        createSellerMarketplace('shop', h),
        createSellerMarketplace('flaky', h, { failPublish: true }),
      ]),
    );
    await connect(harness, 'shop');
    await connect(harness, 'flaky');
    await harness.service.crossPost('seller-1', draft(), ['shop', 'flaky']);
    const again = await harness.service.crossPost('seller-1', draft(), ['shop', 'flaky']);
    expect(again.results.map((result) => result.status)).toEqual(['already_published', 'failed']);
    // Targets are posted to concurrently, so the order of the calls is not fixed; their count is.
    expect(harness.published.map((entry) => entry.marketplace).sort()).toEqual(['flaky', 'flaky', 'shop']);
  });

  it('lets only one of two concurrent identical requests post', async () => {
    const harness = track(createHarness((h) => [createSellerMarketplace('shop', h)]));
    await connect(harness, 'shop');
    const [first, second] = await Promise.all([
      harness.service.crossPost('seller-1', draft(), ['shop']),
      harness.service.crossPost('seller-1', draft(), ['shop']),
    ]);
    expect([first.results[0]?.status, second.results[0]?.status].sort()).toEqual([
      'in_progress',
      'published',
    ]);
    expect(harness.published).toHaveLength(1);
  });
});

describe('auto-delist and webhooks', () => {
  async function crossPosted() {
    const harness = track(
      createHarness((h) => [
        createSellerMarketplace('shop', h),
        createSellerMarketplace('other', h),
        createSellerMarketplace('local', h, { oauth: false, withdraw: false }),
      ]),
    );
    await connect(harness, 'shop');
    await connect(harness, 'other');
    await harness.service.crossPost('seller-1', draft(), ['shop', 'other', 'local']);
    return harness;
  }
  const webhook = (events: unknown[], signature = 'valid') => ({
    method: 'POST',
    url: 'https://host.example/webhooks/shop',
    headers: { 'X-Test-Signature': signature, 'content-type': 'application/json' },
    body: new TextEncoder().encode(JSON.stringify({ events })),
  });

  it('withdraws the other listings when a listing.sold webhook arrives, once', async () => {
    const harness = await crossPosted();
    const result = await harness.service.handleWebhook(
      'shop',
      webhook([{ type: 'listing.sold', externalId: 'shop-lamp-01' }]),
    );
    expect(result.response.status).toBe(200);
    expect(harness.withdrawn).toEqual([
      {
        marketplace: 'other',
        externalId: 'other-lamp-01',
        accessToken: `other-${secretMarker}-access-1`,
        reason: 'sold_elsewhere',
      },
    ]);
    expect(harness.events.at(-1)).toMatchObject({
      name: 'crosspost.delisted',
      payload: {
        soldOn: 'shop',
        results: [
          { marketplace: 'other', externalId: 'other-lamp-01', status: 'withdrawn' },
          { marketplace: 'local', externalId: 'local-lamp-01', status: 'unsupported' },
        ],
      },
    });
    await harness.service.handleWebhook(
      'shop',
      webhook([{ type: 'listing.sold', externalId: 'shop-lamp-01' }]),
    );
    expect(harness.withdrawn).toHaveLength(1);
  });

  it('withdraws the other listings when an ingested cross-posted listing turns sold', async () => {
    const harness = await crossPosted();
    const listing = {
      id: 'local:local-lamp-01',
      marketplace: 'local',
      externalId: 'local-lamp-01',
      title: 'Brass banker desk lamp',
      price: { amount: 6_500, currency: 'USD' },
      postedAt: '2026-03-02T09:00:00.000Z',
    };
    await harness.context.ingest([listing]);
    await harness.context.ingest([{ ...listing, status: 'sold' }]);
    // Auto-delist reacts to the status-change event in the background: wait for it, bounded.
    await vi.waitFor(
      async () => {
        await harness.clock.advance(10);
        expect(harness.withdrawn.map((entry) => entry.externalId).sort()).toEqual([
          'other-lamp-01',
          'shop-lamp-01',
        ]);
      },
      { timeout: 10_000, interval: 50 },
    );
  });

  it('rejects a forged webhook and changes nothing', async () => {
    const harness = await crossPosted();
    const before = await harness.service.listAccounts('seller-1');
    const error = await harness.service
      .handleWebhook(
        'shop',
        webhook([{ type: 'account.deleted', externalAccountId: 'shop-user-1' }], 'forged'),
      )
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('SIGNATURE_INVALID');
    expect(await harness.service.listAccounts('seller-1')).toEqual(before);
    expect(harness.withdrawn).toEqual([]);
  });

  it('deletes accounts on account.deleted and revokes them on account.deauthorized', async () => {
    const harness = await crossPosted();
    await harness.service.handleWebhook(
      'other',
      webhook([{ type: 'account.deauthorized', externalAccountId: 'other-user-1' }]),
    );
    await harness.service.handleWebhook(
      'shop',
      webhook([{ type: 'account.deleted', externalAccountId: 'shop-user-1' }]),
    );
    const accounts = await harness.service.listAccounts('seller-1');
    expect(accounts.map((account) => [account.marketplace, account.status])).toEqual([['other', 'revoked']]);
    expect(harness.events.filter((event) => event.name.startsWith('account.')).slice(-2)).toMatchObject([
      {
        name: 'account.status_changed',
        payload: { account: { status: 'revoked' }, previousStatus: 'active' },
      },
      { name: 'account.disconnected', payload: { marketplace: 'shop', reason: 'marketplace_deleted' } },
    ]);
  });

  it('re-reads and ingests a listing on listing.changed', async () => {
    const listing: ListingInput = {
      id: 'feed:feed-9',
      marketplace: 'feed',
      externalId: 'feed-9',
      title: 'Oak bookshelf',
      price: { amount: 12_000, currency: 'USD' },
      postedAt: '2026-03-01T12:00:00.000Z',
    };
    const harness = track(
      createHarness((h) => [createSellerMarketplace('feed', h, { listings: [listing] })]),
    );
    await harness.service.handleWebhook('feed', {
      ...webhook([{ type: 'listing.changed', externalId: 'feed-9' }]),
      url: 'https://host.example/webhooks/feed',
    });
    expect((await harness.context.storage.listings.get('feed:feed-9'))?.title).toBe('Oak bookshelf');
  });

  it('rejects a malformed webhook request with a ValidationError', async () => {
    const harness = await crossPosted();
    await expect(
      harness.service.handleWebhook('shop', {
        method: 'POST',
        url: 'not a url',
        headers: {},
        body: new Uint8Array(),
      }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'url' });
  });
});

describe('secrets', () => {
  it('never puts a token in events, log lines or error messages', async () => {
    const harness = track(
      createHarness((h) => [
        createSellerMarketplace('shop', h, { refresh: true }),
        createSellerMarketplace('fb', h, { tokenLifetimeMs: 3600_000 }),
        createSellerMarketplace('flaky', h, { failPublish: true }),
      ]),
    );
    const errors: unknown[] = [];
    const capture = <T>(promise: Promise<T>) => promise.catch((error: unknown) => void errors.push(error));
    await connect(harness, 'shop');
    await connect(harness, 'fb');
    await connect(harness, 'flaky');
    await capture(harness.service.crossPost('seller-1', draft(), ['shop', 'fb', 'flaky']));
    await harness.clock.advance(2 * 3600_000);
    await capture(harness.service.crossPost('seller-1', draft({ sku: 'lamp-02' }), ['shop', 'fb']));
    await capture(harness.service.crossPost('seller-1', draft({ sku: 'lamp-03' }), ['shop']));
    await capture(
      harness.service.handleWebhook('shop', {
        method: 'POST',
        url: 'https://host.example/wh',
        headers: { 'x-test-signature': 'valid' },
        body: new TextEncoder().encode(
          JSON.stringify({ events: [{ type: 'listing.sold', externalId: 'shop-lamp-01' }] }),
        ),
      }),
    );
    const stored = await harness.context.storage.accounts.listByUser('seller-1');
    await capture(
      harness.context.storage.accounts.put({ ...stored[0]!, encryptedTokens: 'v1.k1.AAAAAAAAAAAAAAAA.AAAA' }),
    );
    await capture(harness.service.crossPost('seller-1', draft({ sku: 'lamp-04' }), ['shop']));
    expect(harness.published.length).toBeGreaterThan(3);
    expect(harness.refreshed.length).toBeGreaterThan(0);
    const everything = JSON.stringify({
      events: harness.events,
      logs: harness.logLines,
      errors: errors.map((error) => ({
        message: String((error as Error).message),
        json: JSON.stringify(error),
      })),
      views: await harness.service.listAccounts('seller-1'),
    });
    expect(everything.length).toBeGreaterThan(1_000);
    expect(everything).not.toContain(secretMarker);
  });
});

describe('scout.marketplaces', () => {
  it('is composed by createDealScout and posts through the runtime’s marketplace clients', async () => {
    const { createDealScout } = await import('../runtime/create-deal-scout');
    const clock = createManualClock('2026-03-02T09:00:00.000Z');
    const recorder = { clock, published: [], withdrawn: [], refreshed: [], exchanges: [] } as Pick<
      Harness,
      'published' | 'withdrawn' | 'refreshed' | 'exchanges' | 'clock'
    >;
    const scout = createDealScout({
      clock,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      marketplaces: [createSellerMarketplace('shop', recorder)],
      marketplaceAccounts: { tokenEncryption: encryption },
    });
    try {
      const start = await scout.marketplaces.connect({
        userId: 'seller-9',
        marketplace: 'shop',
        redirectUri,
      });
      const account = await scout.marketplaces.handleCallback({
        marketplace: 'shop',
        state: start.state,
        code: 'c',
      });
      const completed: unknown[] = [];
      scout.on('crosspost.completed', (payload) => completed.push(payload));
      const result = await scout.marketplaces.crossPost('seller-9', draft(), ['shop']);
      expect(result.results[0]).toMatchObject({ status: 'published', externalId: 'shop-lamp-01' });
      expect(recorder.published[0]?.options.access.accountId).toBe(account.id);
      expect(completed).toHaveLength(1);
    } finally {
      await scout.close();
    }
  });
});
