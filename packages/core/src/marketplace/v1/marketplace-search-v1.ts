import type { CategoryId } from '../../listing/categories';
import type { Condition } from '../../listing/condition';
import type { ListingInput } from '../../listing/listing';
import type { GeoPoint } from '../../listing/location';
import type { Money } from '../../listing/money';

/** A search the runtime asks an adapter to perform. All filters are optional. */
export type MarketplaceSearchOptionsV1 = {
  /** Free-text query; adapters pass it to the marketplace's keyword search. */
  readonly query?: string;
  /** Canonical categories; the adapter maps them onto its own. */
  readonly categories?: readonly CategoryId[];
  readonly minPrice?: Money;
  readonly maxPrice?: Money;
  /** Acceptable conditions; empty or absent means any. */
  readonly conditions?: readonly Condition[];
  /** Centre and radius (statute miles) for local listings. */
  readonly near?: { readonly point: GeoPoint; readonly radiusMi: number; readonly postalCode?: string };
  /** `newest` first is what the scout loop uses to stop at already-seen listings. */
  readonly sort: 'newest' | 'relevance' | 'price_ascending';
  /** Only sold listings (for market prices), when `capabilities.soldListings`. */
  readonly sold?: boolean;
  /** Opaque cursor from the previous page; absent for the first page. */
  readonly cursor?: string;
  /** Page size the runtime wants (the adapter may return fewer). */
  readonly limit: number;
  /** Vendor-specific options, namespaced: `{ ebay: { buyingOptions: ['FIXED_PRICE'] } }`. */
  readonly marketplaceOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly signal?: AbortSignal;
};

/** One page of search results. Listings are validated by the runtime after the adapter returns. */
export type MarketplaceSearchPageV1 = {
  readonly listings: readonly ListingInput[];
  /** Cursor for the next page, or `null` when there is none (or the result window ends). */
  readonly nextCursor: string | null;
  /** Total matches the marketplace reports, when it does. */
  readonly total?: number;
};
