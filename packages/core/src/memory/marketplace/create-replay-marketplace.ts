import { z } from 'zod';
import { ValidationError } from '../../errors/validation-error';
import { type Listing, ListingSchema } from '../../listing/listing';
import type { MarketplaceAdapterV1 } from '../../marketplace/v1/marketplace-adapter-v1';
import type {
  MarketplaceSearchOptionsV1,
  MarketplaceSearchPageV1,
} from '../../marketplace/v1/marketplace-search-v1';
import { SlugSchema } from '../../shared/ids';
import { parseInput } from '../../shared/parse-input';
import { compileListingFilters } from '../search/listing-filters';
import { decodeCursor, encodeCursor } from '../storage/paging';
import { tokenize } from '../text/analyze-text';

/** The most listings one page returns, whatever `limit` asks for. */
export const replayMaxPageSize = 200;

const ReplayMarketplaceSettingsSchema = z.object({
  /** The marketplace id it answers as; listing ids are rewritten to `<marketplaceId>:<externalId>`. */
  marketplaceId: SlugSchema.default('replay'),
  displayName: z.string().min(1).max(100).optional(),
  /** The fixture: listings as any marketplace produced them; each is validated. */
  listings: z.array(ListingSchema).max(1_000_000),
  limits: z
    .object({
      requestsPerSecond: z.number().positive(),
      concurrency: z.number().int().min(1),
      dailyCallBudget: z.number().int().min(1).nullable(),
    })
    .default({ requestsPerSecond: 1000, concurrency: 16, dailyCallBudget: null }),
});

/** Settings of {@link createReplayMarketplace}. */
export type ReplayMarketplaceSettings = z.input<typeof ReplayMarketplaceSettingsSchema>;

/** A replay marketplace: the adapter plus a way to script failures. */
export type ReplayMarketplace = MarketplaceAdapterV1 & {
  /** Makes the next `times` calls (default 1) to `doSearch` or `doGetListing` throw `error`. */
  failNext(error: Error, times?: number): void;
  /** How many `doSearch` and `doGetListing` calls it answered or failed. */
  readonly callCount: number;
};

/**
 * A read-only marketplace serving a fixture (for example the real Craigslist listings from
 * `@deal-scout/testkit`), so the SDK runs end to end with no network. `doSearch` filters by words
 * (all must appear in title, brand or description, folded for case and accents), categories (with
 * descendants), price, conditions and radius; sorts newest first (also for `relevance`) or by
 * price; pages with an opaque cursor and reports `total`. Sold listings are returned only with
 * `sold: true`, removed ones never. It cannot publish, so it has no `validateDraft`.
 *
 * @throws ValidationError when `settings` are invalid, naming the field (`listings[3].price.amount`).
 */
export function createReplayMarketplace(settings: ReplayMarketplaceSettings): ReplayMarketplace {
  const config = parseInput(ReplayMarketplaceSettingsSchema, settings, {
    subject: 'replay marketplace settings',
  });
  const { marketplaceId } = config;
  const byExternalId = new Map<string, Listing>();
  for (const listing of config.listings) {
    byExternalId.set(listing.externalId, {
      ...listing,
      id: `${marketplaceId}:${listing.externalId}`,
      marketplace: marketplaceId,
    });
  }
  const newestFirst = [...byExternalId.values()].sort((a, b) =>
    a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : a.externalId < b.externalId ? -1 : 1,
  );
  const searchText = new Map(
    newestFirst.map((listing) => [
      listing.externalId,
      new Set(tokenize(`${listing.title} ${listing.brand ?? ''} ${listing.description ?? ''}`)),
    ]),
  );
  const failures: Error[] = [];
  let callCount = 0;

  const beginCall = (signal: AbortSignal | undefined) => {
    callCount++;
    signal?.throwIfAborted();
    const failure = failures.shift();
    if (failure) throw failure;
  };

  return {
    specificationVersion: 'v1',
    marketplaceId,
    displayName: config.displayName ?? `Replay (${marketplaceId})`,
    capabilities: {
      search: true,
      getListing: true,
      publish: false,
      update: false,
      withdraw: false,
      imageUpload: false,
      categorySuggestion: false,
      oauth: false,
      webhooks: false,
      soldListings: true,
    },
    limits: config.limits,
    get callCount() {
      return callCount;
    },

    async doSearch(options: MarketplaceSearchOptionsV1): Promise<MarketplaceSearchPageV1> {
      beginCall(options.signal);
      const words = tokenize(options.query ?? '');
      const matchesFilters = compileListingFilters({
        categories: options.categories,
        conditions: options.conditions,
        minPrice: options.minPrice,
        maxPrice: options.maxPrice,
        near: options.near,
        statuses: options.sold ? ['sold'] : ['active', 'pending'],
      });
      let matches = newestFirst.filter((listing) => {
        if (!matchesFilters(listing)) return false;
        const text = searchText.get(listing.externalId);
        return words.every((word) => text?.has(word));
      });
      if (options.sort === 'price_ascending') {
        matches = [...matches].sort((a, b) => a.price.amount - b.price.amount);
      }
      const offset = options.cursor ? cursorOffset(options.cursor, marketplaceId) : 0;
      const size = Math.max(1, Math.min(replayMaxPageSize, Math.floor(options.limit) || 1));
      const page = matches.slice(offset, offset + size);
      const next = offset + page.length;
      return {
        listings: structuredClone(page),
        nextCursor: next < matches.length ? encodeCursor([next]) : null,
        total: matches.length,
      };
    },

    async doGetListing({ externalId, signal }) {
      beginCall(signal);
      const listing = byExternalId.get(externalId);
      return listing ? structuredClone(listing) : null;
    },

    failNext(error, times = 1) {
      for (let i = 0; i < times; i++) failures.push(error);
    },
  };
}

/** The offset a replay cursor points at; a foreign or corrupt cursor is a `ValidationError`. */
function cursorOffset(cursor: string, source: string): number {
  const [offset] = decodeCursor(cursor, 1);
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new ValidationError({
      issues: [{ field: 'cursor', message: 'is not a replay cursor' }],
      subject: 'search',
      source,
    });
  }
  return offset;
}
