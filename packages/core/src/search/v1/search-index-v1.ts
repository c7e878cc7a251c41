import type { CategoryId } from '../../listing/categories';
import type { Condition } from '../../listing/condition';
import type { Listing, ListingStatus } from '../../listing/listing';
import type { GeoPoint } from '../../listing/location';
import type { Money } from '../../listing/money';

/** What a search index can do beyond plain full-text search. */
export type SearchCapabilitiesV1 = {
  /** Typo tolerance (`fuzzy: true` in queries). */
  readonly fuzzy: boolean;
  /** Counts per category, condition and marketplace. */
  readonly facets: boolean;
  /** Highlighted fragments of matched titles. */
  readonly highlight: boolean;
  /** "Did you mean" suggestions. */
  readonly suggestions: boolean;
  /** Radius filter on listing coordinates. */
  readonly geo: boolean;
};

/** A search over indexed listings. */
export type SearchQueryV1 = {
  /** Free text over title, description and brand; absent matches everything. */
  readonly text?: string;
  readonly fuzzy?: boolean;
  readonly filters?: {
    /** Each category matches itself and its descendants. */
    readonly categories?: readonly CategoryId[];
    readonly conditions?: readonly Condition[];
    readonly marketplaces?: readonly string[];
    readonly statuses?: readonly ListingStatus[];
    readonly minPrice?: Money;
    readonly maxPrice?: Money;
    readonly near?: { readonly point: GeoPoint; readonly radiusMi: number };
  };
  readonly sort?: 'relevance' | 'newest' | 'price_ascending' | 'price_descending';
  readonly facets?: readonly ('category' | 'condition' | 'marketplace')[];
  /** 1–100. */
  readonly limit: number;
  readonly cursor?: string | null;
};

/** One hit: the listing id, its relevance score and, when asked, highlighted title fragments. */
export type SearchHitV1 = {
  readonly listingId: string;
  readonly score: number;
  readonly highlights?: readonly string[];
};

export type SearchResultV1 = {
  readonly hits: readonly SearchHitV1[];
  /** Total matches (may be a lower bound for large results). */
  readonly total: number;
  readonly nextCursor: string | null;
  readonly facets?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly didYouMean?: string;
};

/**
 * A search index, version 1. The runtime indexes listings after they are stored; the index holds
 * a copy and may lag storage briefly. Searching returns ids, which the runtime loads from storage.
 */
export type SearchIndexV1 = {
  readonly specificationVersion: 'v1';
  readonly searchIndexId: string;
  readonly capabilities: SearchCapabilitiesV1;
  /** Adds or replaces listings by id. */
  index(listings: readonly Listing[]): Promise<void>;
  /** Removes listings by id; unknown ids are ignored. */
  remove(ids: readonly string[]): Promise<void>;
  search(query: SearchQueryV1): Promise<SearchResultV1>;
  /** Releases resources the index created itself. */
  close?(): Promise<void>;
};
