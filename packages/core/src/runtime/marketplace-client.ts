import PQueue from 'p-queue';
import { z } from 'zod';
import type { ClockV1 } from '../clock/v1/clock-v1';
import { ConfigurationError } from '../errors/configuration-error';
import { ListingParseError } from '../errors/listing-parse-error';
import { RateLimitedError } from '../errors/rate-limited-error';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error';
import { CategoryIdSchema } from '../listing/categories';
import { ConditionSchema } from '../listing/condition';
import { type Listing, ListingSchema } from '../listing/listing';
import { type ListingDraft, ListingDraftSchema } from '../listing/listing-draft';
import { MoneySchema } from '../listing/money';
import type { MarketplaceAdapterV1 } from '../marketplace/v1/marketplace-adapter-v1';
import type { MarketplaceCapabilitiesV1 } from '../marketplace/v1/marketplace-capabilities-v1';
import type {
  DraftIssueV1,
  MarketplaceCategorySuggestionV1,
  MarketplaceImageUploadOptionsV1,
  MarketplacePublishOptionsV1,
  MarketplacePublishResultV1,
  MarketplaceUpdateOptionsV1,
  MarketplaceWithdrawOptionsV1,
} from '../marketplace/v1/marketplace-publish-v1';
import type { MarketplaceSearchOptionsV1 } from '../marketplace/v1/marketplace-search-v1';
import { parseInput, toValidationIssues } from '../shared/parse-input';
import { callWithRetries, type RetryPolicy } from './call-with-retries';
import type { DealScoutEmitter } from './runtime-context';

/** Search options a host passes; `sort` defaults to `newest`, `limit` to 50. */
export const MarketplaceSearchInputSchema = z.object({
  query: z.string().trim().min(1).max(350).optional(),
  categories: z.array(CategoryIdSchema).max(20).optional(),
  minPrice: MoneySchema.optional(),
  maxPrice: MoneySchema.optional(),
  conditions: z.array(ConditionSchema).optional(),
  near: z
    .object({
      point: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
      radiusMi: z.number().positive().max(12_500),
      postalCode: z.string().min(1).max(16).optional(),
    })
    .optional(),
  sort: z.enum(['newest', 'relevance', 'price_ascending']).default('newest'),
  sold: z.boolean().optional(),
  cursor: z.string().min(1).max(2000).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  marketplaceOptions: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type MarketplaceSearchInput = z.input<typeof MarketplaceSearchInputSchema>;

/** A page of validated listings; items the adapter returned that did not validate are in `rejected`. */
export type MarketplaceSearchResult = {
  readonly listings: Listing[];
  readonly nextCursor: string | null;
  readonly total: number | null;
  readonly rejected: readonly ListingParseError[];
};

/**
 * The runtime's face of one marketplace adapter. Every call checks the capability, validates its
 * input and the adapter's output, runs through the adapter's rate limit and concurrency queue and
 * daily call budget, retries retryable failures (honouring Retry-After), and wraps unknown throws
 * in `AdapterError`.
 */
export type MarketplaceClient = {
  readonly marketplaceId: string;
  readonly displayName: string;
  readonly capabilities: MarketplaceCapabilitiesV1;
  /** The adapter itself, for marketplace-specific helpers. */
  readonly adapter: MarketplaceAdapterV1;
  /** Calls left in today's (UTC) budget, or `null` when the adapter has no cap. */
  remainingDailyCalls(): number | null;
  search(options: MarketplaceSearchInput & { signal?: AbortSignal }): Promise<MarketplaceSearchResult>;
  getListing(externalId: string, options?: { signal?: AbortSignal }): Promise<Listing | null>;
  /** Checks a draft against the marketplace's rules; `[]` when it can be posted. No network. */
  validateDraft(draft: ListingDraft): readonly DraftIssueV1[];
  publish(options: MarketplacePublishOptionsV1): Promise<MarketplacePublishResultV1>;
  update(options: MarketplaceUpdateOptionsV1): Promise<void>;
  withdraw(options: MarketplaceWithdrawOptionsV1): Promise<void>;
  uploadImage(options: MarketplaceImageUploadOptionsV1): Promise<{ imageRef: string }>;
  suggestCategory(options: {
    title: string;
    category?: ListingDraft['category'];
    signal?: AbortSignal;
  }): Promise<readonly MarketplaceCategorySuggestionV1[]>;
};

const capabilityMethods: Record<string, keyof MarketplaceAdapterV1> = {
  search: 'doSearch',
  getListing: 'doGetListing',
  publish: 'doPublish',
  update: 'doUpdate',
  withdraw: 'doWithdraw',
  imageUpload: 'doUploadImage',
  categorySuggestion: 'doSuggestCategory',
  oauth: 'oauth',
  webhooks: 'webhooks',
};

/** Refuses adapters of another contract version, or whose capabilities and methods disagree. */
export function assertMarketplaceAdapter(adapter: MarketplaceAdapterV1): void {
  const source = typeof adapter?.marketplaceId === 'string' ? adapter.marketplaceId : 'marketplace';
  if (adapter?.specificationVersion !== 'v1') {
    throw new ConfigurationError({
      source,
      message: `marketplace adapter has specificationVersion '${String(adapter?.specificationVersion)}'; this core supports 'v1'`,
    });
  }
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(adapter.marketplaceId)) {
    throw new ConfigurationError({ source, message: 'marketplaceId must be a lower-case slug' });
  }
  for (const [capability, method] of Object.entries(capabilityMethods)) {
    const enabled = adapter.capabilities[capability as keyof MarketplaceCapabilitiesV1];
    if (enabled && adapter[method] === undefined) {
      throw new ConfigurationError({
        source,
        message: `declares '${capability}' but has no ${String(method)}`,
      });
    }
  }
}

/** Builds the runtime client for one adapter. */
export function createMarketplaceClient(options: {
  readonly adapter: MarketplaceAdapterV1;
  readonly clock: ClockV1;
  readonly events: DealScoutEmitter;
  readonly retry: RetryPolicy;
}): MarketplaceClient {
  const { adapter, clock, events, retry } = options;
  assertMarketplaceAdapter(adapter);
  const source = adapter.marketplaceId;
  const queue = new PQueue({
    concurrency: Math.max(1, adapter.limits.concurrency),
    intervalCap: Math.max(1, Math.floor(adapter.limits.requestsPerSecond)),
    interval: 1000,
  });
  // Retrying an exhausted daily budget within one call would only wait until midnight.
  const budgetErrors = new WeakSet<object>();
  let budgetDay = '';
  let budgetUsed = 0;

  const takeBudget = () => {
    const cap = adapter.limits.dailyCallBudget;
    if (cap === null) return;
    const now = clock.now();
    const day = now.toISOString().slice(0, 10);
    if (day !== budgetDay) {
      budgetDay = day;
      budgetUsed = 0;
    }
    if (budgetUsed >= cap) {
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      const error = new RateLimitedError({
        source,
        message: `daily call budget of ${cap} is used up`,
        retryAfterMs: midnight - now.getTime(),
      });
      budgetErrors.add(error);
      throw error;
    }
    budgetUsed++;
  };

  const require = <K extends keyof MarketplaceAdapterV1>(
    capability: keyof MarketplaceCapabilitiesV1,
    method: K,
  ) => {
    const fn = adapter[method];
    if (!adapter.capabilities[capability] || typeof fn !== 'function') {
      throw new UnsupportedCapabilityError({ capability, source });
    }
    return (fn as (...args: never[]) => unknown).bind(adapter) as NonNullable<MarketplaceAdapterV1[K]>;
  };

  const run = <T>(operation: string, signal: AbortSignal | undefined, fn: () => PromiseLike<T>): Promise<T> =>
    callWithRetries({
      source,
      operation,
      policy: retry,
      clock,
      events,
      signal,
      shouldRetry: (error) => !budgetErrors.has(error),
      attempt: () =>
        queue.add(async () => {
          takeBudget();
          return fn();
        }) as Promise<T>,
    });

  const validateListing = (raw: unknown, operation: string): Listing | ListingParseError => {
    const result = ListingSchema.safeParse(raw);
    if (!result.success) {
      return new ListingParseError({
        source,
        message: `${operation} returned a listing that does not validate`,
        issues: toValidationIssues(result.error),
        cause: result.error,
      });
    }
    if (result.data.marketplace !== source) {
      return new ListingParseError({
        source,
        message: `${operation} returned a listing of marketplace '${result.data.marketplace}'`,
        issues: [{ field: 'marketplace', message: `must be '${source}'` }],
      });
    }
    return result.data;
  };

  return {
    marketplaceId: source,
    displayName: adapter.displayName,
    capabilities: adapter.capabilities,
    adapter,
    remainingDailyCalls() {
      const cap = adapter.limits.dailyCallBudget;
      if (cap === null) return null;
      return clock.now().toISOString().slice(0, 10) === budgetDay ? Math.max(0, cap - budgetUsed) : cap;
    },
    async search(input) {
      const doSearch = require('search', 'doSearch');
      const { signal, ...rest } = input;
      const parsed = parseInput(MarketplaceSearchInputSchema, rest, { subject: 'search options', source });
      const page = await run('search', signal, () =>
        doSearch({ ...(parsed as MarketplaceSearchOptionsV1), ...(signal ? { signal } : {}) }),
      );
      if (!page || !Array.isArray(page.listings)) {
        throw new ListingParseError({ source, message: 'search returned no listings array' });
      }
      const listings: Listing[] = [];
      const rejected: ListingParseError[] = [];
      for (const raw of page.listings) {
        const result = validateListing(raw, 'search');
        if (result instanceof ListingParseError) rejected.push(result);
        else listings.push(result);
      }
      return { listings, rejected, nextCursor: page.nextCursor ?? null, total: page.total ?? null };
    },
    async getListing(externalId, callOptions = {}) {
      const doGet = require('getListing', 'doGetListing');
      const id = parseInput(z.string().min(1).max(200), externalId, {
        subject: 'external id',
        source,
        field: 'externalId',
      });
      const raw = await run('getListing', callOptions.signal, () =>
        doGet({ externalId: id, ...(callOptions.signal ? { signal: callOptions.signal } : {}) }),
      );
      if (raw === null) return null;
      const result = validateListing(raw, 'getListing');
      if (result instanceof ListingParseError) throw result;
      return result;
    },
    validateDraft(draft) {
      const parsed = parseInput(ListingDraftSchema, draft, { subject: 'listing draft', source });
      return adapter.validateDraft ? adapter.validateDraft(parsed) : [];
    },
    async publish(publishOptions) {
      const doPublish = require('publish', 'doPublish');
      const draft = parseInput(ListingDraftSchema, publishOptions.draft, {
        subject: 'listing draft',
        source,
      });
      // Publishing is not blindly retried: only the adapter knows whether its idempotency key
      // makes a second attempt safe, so retries stop at errors it marks retryable.
      return run('publish', publishOptions.signal, () => doPublish({ ...publishOptions, draft }));
    },
    async update(updateOptions) {
      const doUpdate = require('update', 'doUpdate');
      const draft = parseInput(ListingDraftSchema, updateOptions.draft, { subject: 'listing draft', source });
      await run('update', updateOptions.signal, () => doUpdate({ ...updateOptions, draft }));
    },
    async withdraw(withdrawOptions) {
      const doWithdraw = require('withdraw', 'doWithdraw');
      await run('withdraw', withdrawOptions.signal, () => doWithdraw(withdrawOptions));
    },
    async uploadImage(uploadOptions) {
      const doUpload = require('imageUpload', 'doUploadImage');
      const result = await run('uploadImage', uploadOptions.signal, () => doUpload(uploadOptions));
      return { imageRef: result.imageRef };
    },
    async suggestCategory(suggestOptions) {
      const doSuggest = require('categorySuggestion', 'doSuggestCategory');
      const title = parseInput(z.string().trim().min(1).max(300), suggestOptions.title, {
        subject: 'title',
        source,
        field: 'title',
      });
      return run('suggestCategory', suggestOptions.signal, () =>
        doSuggest({
          title,
          ...(suggestOptions.category ? { category: suggestOptions.category } : {}),
          ...(suggestOptions.signal ? { signal: suggestOptions.signal } : {}),
        }),
      );
    },
  };
}
