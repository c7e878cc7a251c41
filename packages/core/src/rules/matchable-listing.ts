import { type CategoryId, categoryAncestors } from '../listing/categories';
import type { Listing } from '../listing/listing';
import { listingTokens } from './listing-tokens';

/** A listing prepared once for matching against many rules. */
export type MatchableListing = {
  readonly listing: Listing;
  /** Title then brand tokens (see `listingTokens`). */
  readonly tokens: readonly string[];
  /** The listing's category and its ancestors, nearest first; empty without a category. */
  readonly categoryChain: readonly CategoryId[];
};

/** Tokenises a listing and resolves its category chain. */
export function toMatchableListing(listing: Listing): MatchableListing {
  return {
    listing,
    tokens: listingTokens(listing),
    categoryChain: listing.category ? categoryAncestors(listing.category) : [],
  };
}
