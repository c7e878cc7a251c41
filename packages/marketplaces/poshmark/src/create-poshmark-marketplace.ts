import {
  bindHostTransport,
  type ListingDraft,
  type MarketplaceAdapterV1,
  parseInput,
  UnsupportedCapabilityError,
} from '@deal-scout/core';
import { z } from 'zod';
import {
  calculatePoshmarkBundle,
  type PoshmarkBundleInput,
  type PoshmarkBundleQuote,
} from './bundles/calculate-poshmark-bundle';
import { resolvePoshmarkCategory } from './drafts/resolve-poshmark-category';
import { validatePoshmarkDraft } from './drafts/validate-poshmark-draft';
import {
  calculatePoshmarkProceeds,
  PoshmarkFeeScheduleSchema,
  type PoshmarkProceeds,
} from './fees/poshmark-fees';
import { convertPoshmarkListing } from './listings/convert-poshmark-listing';
import {
  createMemoryShareCountStore,
  createShareLimiter,
  type ShareCountStore,
} from './sharing/create-share-limiter';
import { convertDraftToPoshmarkListing } from './transport/convert-draft-to-poshmark-listing';
import type { PoshmarkTransport } from './transport/poshmark-transport';
import { toPoshmarkSearchRequest } from './transport/to-poshmark-search-request';

const SettingsSchema = z.object({
  /** Listing currency: USD on poshmark.com, CAD on poshmark.ca. */
  currency: z.enum(['USD', 'CAD']).default('USD'),
  /** Photos per listing (SDK default 16). */
  maxPhotos: z.number().int().min(1).max(24).default(16),
  /**
   * Shares per account per UTC day. Sellers report a "share jail" at about 10,000 a day
   * (research/marketplaces.md §4, secondary), so the default stays well below it.
   */
  dailyShareCap: z.number().int().min(1).max(10_000).default(5_000),
  feeSchedule: PoshmarkFeeScheduleSchema.default(PoshmarkFeeScheduleSchema.parse({})),
});

/** Settings of `createPoshmarkMarketplace`. */
export type PoshmarkSettings = Partial<z.input<typeof SettingsSchema>> & {
  /** The host's access to Poshmark; each method it supplies turns the matching capability on. */
  readonly transport?: PoshmarkTransport;
  /** Where share counts live; pass `storage.state` so several workers share one cap. Default: memory. */
  readonly shareCountStore?: ShareCountStore;
  /** The current time (share days are UTC). Defaults to the system clock. */
  readonly now?: () => Date;
};

/** The Poshmark adapter plus the fashion-marketplace helpers only Poshmark has. */
export type PoshmarkMarketplace = MarketplaceAdapterV1 & {
  normaliseListing(json: unknown): ReturnType<typeof convertPoshmarkListing>;
  /** Fee and net proceeds of a sale at `price`. */
  calculateProceeds(price: Parameters<typeof calculatePoshmarkProceeds>[0]): PoshmarkProceeds;
  /** Prices a bundle (discount, one label, fee). */
  calculateBundle(input: PoshmarkBundleInput): PoshmarkBundleQuote;
  /**
   * Shares a listing through the host's transport, counted against the daily cap. Throws
   * `LimitExceededError` past the cap (the transport is not called) and
   * `UnsupportedCapabilityError` when the transport has no `share`.
   */
  share(input: {
    readonly listingId: string;
    readonly accountId: string;
    readonly signal?: AbortSignal;
  }): Promise<{
    readonly sharesLeftToday: number;
  }>;
  /** Shares left today for an account. */
  sharesLeftToday(accountId: string): Promise<number>;
};

/**
 * Creates the Poshmark adapter. What it does itself: normalise Poshmark listing JSON, validate
 * drafts (title, description, brand, size, colours, department and category), map categories,
 * conditions and sizes, compute fees, net proceeds and bundle prices, and meter sharing. Search,
 * reads, posting and sharing go through the host's `transport`; without it those are off.
 */
export function createPoshmarkMarketplace(settings: PoshmarkSettings = {}): PoshmarkMarketplace {
  const { transport, shareCountStore, now, ...plain } = settings;
  const resolved = parseInput(SettingsSchema, plain, { subject: 'Poshmark settings', source: 'poshmark' });
  const clock = now ?? (() => new Date());
  const shares = createShareLimiter({
    dailyCap: resolved.dailyShareCap,
    store: shareCountStore ?? createMemoryShareCountStore(),
    now: clock,
  });
  const domain = resolved.currency === 'CAD' ? 'poshmark.ca' : 'poshmark.com';
  const bound = bindHostTransport(transport, {
    marketplaceId: 'poshmark',
    displayName: 'Poshmark',
    toSearchRequest: toPoshmarkSearchRequest,
    normaliseListing: (json) => convertPoshmarkListing(json),
    toListingRequest: convertDraftToPoshmarkListing,
    listingUrl: (listingId) => `https://${domain}/listing/${listingId}`,
  });

  const adapter: PoshmarkMarketplace = {
    specificationVersion: 'v1',
    marketplaceId: 'poshmark',
    displayName: 'Poshmark',
    capabilities: {
      ...bound.capabilities,
      imageUpload: false,
      categorySuggestion: true,
      oauth: false,
      webhooks: false,
      // Poshmark search can return sold listings (inventory status `sold_out`).
      soldListings: bound.capabilities.search,
    },
    limits: { requestsPerSecond: 1, concurrency: 1, dailyCallBudget: null },
    validateDraft: (draft: ListingDraft) =>
      validatePoshmarkDraft(draft, { maxPhotos: resolved.maxPhotos, currency: resolved.currency }),
    normaliseListing: (json) => convertPoshmarkListing(json),
    calculateProceeds: (price) => calculatePoshmarkProceeds(price, resolved.feeSchedule),
    calculateBundle: (input) => calculatePoshmarkBundle(input, resolved.feeSchedule),
    async doSuggestCategory({ category }) {
      if (!category) return [];
      const { department, category: name } = resolvePoshmarkCategory({ category, marketplaceOptions: {} });
      if (!department || !name) return [];
      return [
        { marketplaceCategoryId: `${department} > ${name}`, name, requiredAttributes: ['brand', 'size'] },
      ];
    },
    async share({ listingId, accountId, signal }) {
      const send = transport?.share;
      if (!send) throw new UnsupportedCapabilityError({ capability: 'share', source: 'poshmark' });
      const ids = parseInput(
        z.object({ listingId: z.string().min(1).max(64), accountId: z.string().min(1).max(128) }),
        { listingId, accountId },
        { subject: 'Poshmark share', source: 'poshmark' },
      );
      const { remaining } = await shares.take(ids.accountId);
      await send({ ...ids, ...(signal ? { signal } : {}) });
      return { sharesLeftToday: remaining };
    },
    sharesLeftToday: (accountId) => shares.remaining(accountId),
    ...bound.methods,
  };
  return adapter;
}
