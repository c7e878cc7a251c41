import {
  bindHostTransport,
  type ListingDraft,
  type MarketplaceAdapterV1,
  parseInput,
} from '@deal-scout/core';
import { z } from 'zod';
import { offerUpCategoryByCanonical } from './categories/offerup-categories';
import { type OfferUpDraftLimits, validateOfferUpDraft } from './drafts/validate-offerup-draft';
import { convertOfferUpListing } from './listings/convert-offerup-listing';
import { convertDraftToOfferUpListing } from './transport/convert-draft-to-offerup-listing';
import type { OfferUpTransport } from './transport/offerup-transport';
import { toOfferUpSearchRequest } from './transport/to-offerup-search-request';

const LimitsSchema = z.object({
  maxPhotos: z.number().int().min(1).max(24).default(12),
  titleMax: z.number().int().min(10).max(300).default(80),
  descriptionMax: z.number().int().min(10).max(20_000).default(5_000),
});

/** Settings of `createOfferUpMarketplace`. */
export type OfferUpSettings = {
  /** The host's access to OfferUp; each method it supplies turns the matching capability on. */
  readonly transport?: OfferUpTransport;
  /** Tunable draft limits OfferUp does not publish (defaults: 12 photos, 80-character title, 5,000-character description). */
  readonly limits?: Partial<OfferUpDraftLimits>;
  /** The current time, stamped as `postedAt` on search tiles without one. Defaults to the system clock. */
  readonly now?: () => Date;
};

/** The OfferUp adapter plus its normaliser, for hosts that feed OfferUp JSON to `scout.ingest`. */
export type OfferUpMarketplace = MarketplaceAdapterV1 & {
  normaliseListing(
    json: unknown,
    options: { readonly observedAt: string },
  ): ReturnType<typeof convertOfferUpListing>;
};

/**
 * Creates the OfferUp adapter. What it does itself: normalise OfferUp listing JSON, validate drafts
 * against OfferUp's rules (location, text, photos, shipping limits) and map categories and
 * conditions. Search, reads and posting go through the host's `transport`; without one those
 * capabilities are false. No OAuth and no webhooks: OfferUp offers neither.
 */
export function createOfferUpMarketplace(settings: OfferUpSettings = {}): OfferUpMarketplace {
  const limits = parseInput(LimitsSchema, settings.limits ?? {}, {
    subject: 'OfferUp limits',
    source: 'offerup',
  });
  const now = settings.now ?? (() => new Date());
  const bound = bindHostTransport(settings.transport, {
    marketplaceId: 'offerup',
    displayName: 'OfferUp',
    toSearchRequest: toOfferUpSearchRequest,
    normaliseListing: (json) => convertOfferUpListing(json, { observedAt: now().toISOString() }),
    toListingRequest: convertDraftToOfferUpListing,
    listingUrl: (listingId) => `https://offerup.com/item/detail/${encodeURIComponent(listingId)}`,
  });

  const adapter: OfferUpMarketplace = {
    specificationVersion: 'v1',
    marketplaceId: 'offerup',
    displayName: 'OfferUp',
    capabilities: {
      ...bound.capabilities,
      imageUpload: false,
      categorySuggestion: true,
      oauth: false,
      webhooks: false,
      soldListings: false,
    },
    limits: { requestsPerSecond: 1, concurrency: 1, dailyCallBudget: null },
    validateDraft: (draft: ListingDraft) => validateOfferUpDraft(draft, limits),
    normaliseListing: (json, options) => convertOfferUpListing(json, options),
    async doSuggestCategory({ category }) {
      const match = category ? offerUpCategoryByCanonical[category] : undefined;
      if (!match) return [];
      return [
        {
          marketplaceCategoryId: [match.l1Name, match.l2Name].filter(Boolean).join(' > '),
          name: match.l2Name ?? match.l1Name,
          requiredAttributes: [],
        },
      ];
    },
    ...bound.methods,
  };
  return adapter;
}
