import { createSystemClock, type MarketplaceAdapterV1, parseInput } from '@deal-scout/core';
import { createEbayHttpClient } from './http/create-ebay-http-client';
import { uploadEbayImage } from './media/upload-ebay-image';
import { createApplicationTokenProvider } from './oauth/create-application-token-provider';
import { createEbayOAuth } from './oauth/create-ebay-oauth';
import { createConditionPolicies } from './publish/create-condition-policies';
import { createEbayPublisher } from './publish/create-ebay-publisher';
import { createEbaySearch } from './search/create-ebay-search';
import { ebayEndpoints } from './settings/ebay-environment';
import {
  type EbayMarketplaceSettings,
  EbayMarketplaceSettingsSchema,
  ebayApplicationScope,
} from './settings/ebay-marketplace-settings';
import { createEbayTaxonomy } from './taxonomy/create-ebay-taxonomy';
import { createEbayWebhooks } from './webhooks/create-ebay-webhooks';
import { createPublicKeyCache } from './webhooks/create-public-key-cache';

/** The eBay adapter: a `MarketplaceAdapterV1` plus what it exposes for diagnostics. */
export type EbayMarketplace = MarketplaceAdapterV1 & {
  /** Client-credentials grants requested so far by this adapter (eBay allows 1,000 a day). */
  readonly applicationTokenGrants: number;
};

/**
 * Creates the eBay marketplace adapter on eBay's official REST APIs: Browse (search, get item) with
 * a cached application token, Inventory (location, item, offer, publish, update, withdraw) with the
 * seller's token, Taxonomy (category suggestions, required aspects), Media (image upload), OAuth
 * (consent, code exchange, refresh) and the mandatory account-deletion webhook.
 *
 * Throws `ValidationError` naming the bad setting when `settings` is invalid. Settings are
 * documented in the README; `ebaySettingsFromEnv()` reads them from `EBAY_*` variables.
 */
export function createEbayMarketplace(settings: EbayMarketplaceSettings): EbayMarketplace {
  const resolved = parseInput(EbayMarketplaceSettingsSchema, settings, {
    subject: 'eBay settings',
    source: 'ebay',
  });
  const clock = resolved.clock ?? createSystemClock();
  const endpoints = ebayEndpoints[resolved.environment];
  const http = createEbayHttpClient({ fetch: resolved.fetch, timeoutMs: resolved.timeoutMs });
  const tokens = createApplicationTokenProvider({
    http,
    apiHost: endpoints.api,
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    scope: ebayApplicationScope,
    clock,
  });
  const search = createEbaySearch({ http, tokens, settings: resolved, apiHost: endpoints.api });
  const taxonomy = createEbayTaxonomy({
    http,
    tokens,
    apiHost: endpoints.api,
    marketplaceId: resolved.marketplaceId,
    now: () => clock.now().getTime(),
  });
  const conditions = createConditionPolicies({
    http,
    tokens,
    apiHost: endpoints.api,
    marketplaceId: resolved.marketplaceId,
    now: () => clock.now().getTime(),
  });
  const publisher = createEbayPublisher({
    http,
    settings: resolved,
    apiHost: endpoints.api,
    taxonomy,
    conditions,
  });
  const publicKeys = createPublicKeyCache({
    http,
    tokens,
    apiHost: endpoints.api,
    clock,
    ttlMs: resolved.publicKeyCacheTtlMs,
  });

  return {
    specificationVersion: 'v1',
    marketplaceId: 'ebay',
    displayName: 'eBay',
    capabilities: {
      search: true,
      getListing: true,
      publish: true,
      update: true,
      withdraw: true,
      imageUpload: true,
      categorySuggestion: true,
      oauth: true,
      webhooks: true,
      // Sold prices need Marketplace Insights, a limited-release API for approved partners only.
      soldListings: false,
    },
    limits: {
      requestsPerSecond: resolved.requestsPerSecond,
      concurrency: resolved.concurrency,
      dailyCallBudget: resolved.dailyCallBudget,
    },
    doSearch: search.doSearch,
    doGetListing: search.doGetListing,
    validateDraft: publisher.validateDraft,
    doPublish: publisher.doPublish,
    doUpdate: publisher.doUpdate,
    doWithdraw: publisher.doWithdraw,
    doUploadImage: (options) => uploadEbayImage({ ...options, http, mediaHost: endpoints.media }),
    doSuggestCategory: taxonomy.doSuggestCategory,
    oauth: createEbayOAuth({ http, settings: resolved, endpoints, clock }),
    webhooks: createEbayWebhooks({
      verificationToken: resolved.verificationToken,
      endpointUrl: resolved.endpointUrl,
      publicKeys,
    }),
    get applicationTokenGrants() {
      return tokens.grantsRequested;
    },
  };
}
