import { z } from 'zod';
import type { Listing } from '../listing/listing';
import { SearchQuerySchema } from '../search/search-query-schema';
import type { SearchQueryV1 } from '../search/v1/search-index-v1';
import { parseInput } from '../shared/parse-input';
import type { RuntimeContext } from './runtime-context';

/** A listing search as hosts send it: the search contract's query, with a default page size of 20. */
export const ListingSearchQuerySchema = SearchQuerySchema.extend({
  limit: z.number().int().min(1).max(100).default(20),
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
