import {
  type ListingDraft,
  type MarketplaceAccessV1,
  type MarketplaceAdapterV1,
  parseInput,
} from '@deal-scout/core';
import { z } from 'zod';
import { type FacebookSettings, FacebookSettingsSchema, readEnv } from './facebook-settings';
import { createGraphClient } from './graph/create-graph-client';
import { convertFacebookListing } from './listings/convert-facebook-listing';
import { createFacebookOAuth } from './oauth/create-facebook-oauth';
import {
  createCatalogPublisher,
  type FacebookBatchStatus,
  type FacebookPartnerSeller,
} from './publishing/create-catalog-publisher';
import { validateFacebookDraft } from './publishing/validate-facebook-draft';
import { searchThroughTransport } from './search/search-through-transport';
import { createFacebookWebhooks } from './webhooks/create-facebook-webhooks';

const PartnerSellerSchema = z.object({
  sellerId: z.string().min(1).max(128),
  sellerName: z.string().min(1).max(200),
  reviewCount: z.number().int().min(0).optional(),
  positiveRatingsPercent: z.number().min(0).max(100).optional(),
  memberSince: z.iso.date().optional(),
});

/** The Facebook adapter: the v1 contract plus the partner catalogue operations it alone has. */
export type FacebookMarketplace = MarketplaceAdapterV1 & {
  /** Normalises Marketplace listing JSON the host obtained; throws `ListingParseError`. */
  normaliseListing(
    json: unknown,
    options: { readonly observedAt: string },
  ): ReturnType<typeof convertFacebookListing>;
  /** The status of an `items_batch` handle (from a publish's warnings). */
  checkBatchStatus(input: {
    readonly handle: string;
    readonly access: MarketplaceAccessV1;
    readonly signal?: AbortSignal;
  }): Promise<FacebookBatchStatus>;
  /** Sends seller details to the partner catalogue (1–5,000 sellers per call). */
  upsertSellerDetails(input: {
    readonly sellers: readonly FacebookPartnerSeller[];
    readonly access: MarketplaceAccessV1;
    readonly signal?: AbortSignal;
  }): Promise<void>;
};

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * Creates the Facebook adapter. What it does itself: Facebook Login (no refresh tokens), webhook and
 * signed-request verification, and, with a `catalogId`, publishing, updating and deleting items
 * of an approved Marketplace partner. Search and one-listing reads go through the host's
 * `searchTransport`, because Facebook has no public Marketplace search; without it they are off.
 * Throws `ValidationError` for invalid settings.
 */
export function createFacebookMarketplace(settings: FacebookSettings = {}): FacebookMarketplace {
  const { fetch, searchTransport, sleep, now, ...plain } = settings;
  const resolved = parseInput(
    FacebookSettingsSchema,
    {
      appId: readEnv('FACEBOOK_APP_ID'),
      appSecret: readEnv('FACEBOOK_APP_SECRET'),
      webhookVerifyToken: readEnv('FACEBOOK_WEBHOOK_VERIFY_TOKEN'),
      catalogId: readEnv('FACEBOOK_CATALOG_ID'),
      ...Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined)),
    },
    { subject: 'Facebook settings', source: 'facebook' },
  );
  const clockNow = now ?? (() => new Date());
  const graph = createGraphClient({
    version: resolved.graphApiVersion,
    baseUrl: resolved.graphBaseUrl,
    timeoutMs: resolved.timeoutMs,
    ...(fetch ? { fetch } : {}),
  });
  const publisher = createCatalogPublisher({ settings: resolved, graph, sleep: sleep ?? defaultSleep });
  const canPublish = resolved.catalogId !== undefined;

  const adapter: FacebookMarketplace = {
    specificationVersion: 'v1',
    marketplaceId: 'facebook',
    displayName: 'Facebook Marketplace',
    capabilities: {
      search: searchTransport !== undefined,
      getListing: searchTransport?.getListing !== undefined,
      publish: canPublish,
      update: canPublish,
      withdraw: canPublish,
      imageUpload: false,
      categorySuggestion: false,
      oauth: true,
      webhooks: true,
      soldListings: false,
    },
    // Meta allows about 200 partner API calls an hour per app; one call every 18 s stays inside it.
    limits: { requestsPerSecond: 200 / 3600, concurrency: 2, dailyCallBudget: 4_800 },
    oauth: createFacebookOAuth({ settings: resolved, graph, now: clockNow }),
    webhooks: createFacebookWebhooks(resolved),
    validateDraft: (draft: ListingDraft) => validateFacebookDraft(draft, resolved),
    normaliseListing: (json, options) => convertFacebookListing(json, options),
    checkBatchStatus: (input) => publisher.checkBatchStatus(input),
    async upsertSellerDetails(input) {
      const { sellers } = parseInput(
        z.object({ sellers: z.array(PartnerSellerSchema).min(1).max(5_000) }),
        { sellers: input.sellers },
        { subject: 'Facebook partner sellers', source: 'facebook' },
      );
      await publisher.upsertSellerDetails({ ...input, sellers });
    },
  };
  if (searchTransport) {
    adapter.doSearch = (options) =>
      searchThroughTransport(searchTransport, options, clockNow().toISOString());
    const getListing = searchTransport.getListing;
    if (getListing) {
      adapter.doGetListing = async ({ externalId, signal }) => {
        const json = await getListing({ id: externalId, ...(signal ? { signal } : {}) });
        return json === null ? null : convertFacebookListing(json, { observedAt: clockNow().toISOString() });
      };
    }
  }
  if (canPublish) {
    adapter.doPublish = (options) => publisher.publish(options);
    adapter.doUpdate = (options) => publisher.update(options);
    adapter.doWithdraw = (options) => publisher.withdraw(options);
  }
  return adapter;
}
