import type { CategoryId } from '../listing/categories';
import { conditionRank } from '../listing/condition';
import type { Listing } from '../listing/listing';
import type { ComparableWeighting } from './comparable-similarity';
import { listingPriceFacts } from './listing-price-facts';
import { tokenizeTitle } from './tokenize-title';

/** What to find comparables for (usually built from a listing by {@link comparableQueryOf}). */
export type ComparableQuery = {
  /** Excluded from the results (the analysed listing itself). */
  readonly excludeId: string | null;
  readonly terms: readonly string[];
  readonly currency: string;
  readonly category: CategoryId | null;
  readonly conditionRank: number | null;
  readonly year: number | null;
  readonly mileage: number | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** The instant recency is measured from, ms since the epoch. */
  readonly nowMs: number;
  readonly limit: number;
  readonly weighting?: ComparableWeighting;
  /** Scores every indexed listing instead of using the postings (the benchmark's baseline). */
  readonly fullScan?: boolean;
};

/** The index terms of a listing: its title terms plus `make:` and `model:` attribute terms. */
export function indexTermsOf(listing: Listing): string[] {
  const facts = listingPriceFacts(listing);
  const terms = tokenizeTitle(listing.title);
  if (facts.make) terms.push(`make:${facts.make}`);
  if (facts.modelBase) terms.push(`model:${facts.modelBase}`);
  return terms;
}

/** Builds the comparables query of a listing, measured from `nowMs`. */
export function comparableQueryOf(
  listing: Listing,
  options: { nowMs: number; limit: number; weighting?: ComparableWeighting },
): ComparableQuery {
  const facts = listingPriceFacts(listing);
  return {
    excludeId: listing.id,
    terms: indexTermsOf(listing),
    currency: facts.currency,
    category: listing.category ?? null,
    conditionRank: listing.condition ? conditionRank(listing.condition) : null,
    year: facts.year,
    mileage: facts.mileage,
    lat: listing.location?.lat ?? null,
    lon: listing.location?.lon ?? null,
    nowMs: options.nowMs,
    limit: options.limit,
    ...(options.weighting ? { weighting: options.weighting } : {}),
  };
}
