import { z } from 'zod';
import { CategoryIdSchema } from '../listing/categories';
import { ConditionSchema } from '../listing/condition';
import type { Listing } from '../listing/listing';
import { ListingStatusSchema } from '../listing/listing';
import { MoneySchema } from '../listing/money';
import type { SearchQueryV1 } from '../search/v1/search-index-v1';
import { parseInput } from '../shared/parse-input';
import type { RuntimeContext } from './runtime-context';

/** A listing search as hosts send it; validated before it reaches the search index. */
export const ListingSearchQuerySchema = z.object({
  text: z.string().trim().min(1).max(500).optional(),
  fuzzy: z.boolean().optional(),
  filters: z
    .object({
      categories: z.array(CategoryIdSchema).max(50).optional(),
      conditions: z.array(ConditionSchema).optional(),
      marketplaces: z.array(z.string().min(1).max(32)).max(20).optional(),
      statuses: z.array(ListingStatusSchema).optional(),
      minPrice: MoneySchema.optional(),
      maxPrice: MoneySchema.optional(),
      near: z
        .object({
          point: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
          radiusMi: z.number().positive().max(12_500),
        })
        .optional(),
    })
    .optional(),
  sort: z.enum(['relevance', 'newest', 'price_ascending', 'price_descending']).optional(),
  facets: z.array(z.enum(['category', 'condition', 'marketplace'])).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2000).nullable().optional(),
});
export type ListingSearchQuery = z.input<typeof ListingSearchQuerySchema>;

/** Search results with the stored listings loaded. */
export type ListingSearchResult = {
  readonly items: ReadonlyArray<{
    readonly listing: Listing;
    readonly score: number;
    readonly highlights?: readonly string[];
  }>;
  readonly total: number;
  readonly nextCursor: string | null;
  readonly facets?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly didYouMean?: string;
};

/** Runs a search on the index and loads the hits from storage (hits the store no longer has are dropped). */
export async function searchListings(
  context: RuntimeContext,
  input: ListingSearchQuery,
): Promise<ListingSearchResult> {
  const query = parseInput(ListingSearchQuerySchema, input, { subject: 'search query' }) as SearchQueryV1;
  const result = await context.search.search(query);
  const listings = await context.storage.listings.getMany(result.hits.map((hit) => hit.listingId));
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  const items = result.hits.flatMap((hit) => {
    const listing = byId.get(hit.listingId);
    return listing
      ? [{ listing, score: hit.score, ...(hit.highlights ? { highlights: hit.highlights } : {}) }]
      : [];
  });
  return {
    items,
    total: result.total,
    nextCursor: result.nextCursor,
    ...(result.facets ? { facets: result.facets } : {}),
    ...(result.didYouMean ? { didYouMean: result.didYouMean } : {}),
  };
}
