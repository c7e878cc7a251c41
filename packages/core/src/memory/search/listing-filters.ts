import { type CategoryId, categoryDescendants } from '../../listing/categories';
import type { Condition } from '../../listing/condition';
import type { Listing, ListingStatus } from '../../listing/listing';
import { type GeoPoint, hasCoordinates, haversineDistance } from '../../listing/location';
import type { Money } from '../../listing/money';

/** The structured filters the in-memory search index and replay marketplace share. */
export type ListingFilters = {
  /** Each category matches itself and its descendants. */
  readonly categories?: readonly CategoryId[];
  readonly conditions?: readonly Condition[];
  readonly marketplaces?: readonly string[];
  readonly statuses?: readonly ListingStatus[];
  /** Inclusive; a listing priced in another currency never matches a price bound. */
  readonly minPrice?: Money;
  readonly maxPrice?: Money;
  /** Listings without coordinates never match a radius. */
  readonly near?: { readonly point: GeoPoint; readonly radiusMi: number };
};

/** Compiles filters into a predicate (category descendants expanded once, not per listing). */
export function compileListingFilters(filters: ListingFilters = {}): (listing: Listing) => boolean {
  const categories = filters.categories?.length
    ? new Set<string>(filters.categories.flatMap((category) => categoryDescendants(category)))
    : null;
  const conditions = filters.conditions?.length ? new Set<string>(filters.conditions) : null;
  const marketplaces = filters.marketplaces?.length ? new Set(filters.marketplaces) : null;
  const statuses = filters.statuses?.length ? new Set<string>(filters.statuses) : null;
  const { minPrice, maxPrice, near } = filters;
  return (listing) => {
    if (categories && !(listing.category && categories.has(listing.category))) return false;
    if (conditions && !(listing.condition && conditions.has(listing.condition))) return false;
    if (marketplaces && !marketplaces.has(listing.marketplace)) return false;
    if (statuses && !statuses.has(listing.status)) return false;
    if (
      minPrice &&
      (listing.price.currency !== minPrice.currency || listing.price.amount < minPrice.amount)
    ) {
      return false;
    }
    if (
      maxPrice &&
      (listing.price.currency !== maxPrice.currency || listing.price.amount > maxPrice.amount)
    ) {
      return false;
    }
    if (near) {
      if (!hasCoordinates(listing.location)) return false;
      if (haversineDistance(near.point, listing.location, 'mi') > near.radiusMi) return false;
    }
    return true;
  };
}
