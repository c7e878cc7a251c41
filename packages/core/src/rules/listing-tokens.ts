import type { Listing } from '../listing/listing';
import { tokenize } from './text-normalization';

/**
 * Marks the border between two fields in a token sequence. Tokens are never empty, so it cannot
 * collide with a word, and a phrase never matches across it.
 */
export const fieldSeparator = '';

/**
 * The tokens keywords are matched against: the listing's title, then its brand, separated by
 * {@link fieldSeparator}. The description is not searched: it is long and full of words about
 * other items ("fits iPhone and Samsung", "no Mac"), which would raise false alerts and make
 * exclusions veto good matches.
 */
export function listingTokens(listing: Pick<Listing, 'title' | 'brand'>): string[] {
  const tokens = tokenize(listing.title);
  if (listing.brand) tokens.push(fieldSeparator, ...tokenize(listing.brand));
  return tokens;
}

/**
 * True when `phrase` occurs in `tokens` as adjacent tokens in order. Works on any comparable
 * token representation (strings, or interned numbers in the rule index).
 */
export function containsPhrase<T>(tokens: ArrayLike<T>, phrase: ArrayLike<T>): boolean {
  const length = phrase.length;
  if (length === 0) return false;
  const last = tokens.length - length;
  outer: for (let start = 0; start <= last; start++) {
    for (let offset = 0; offset < length; offset++) {
      if (tokens[start + offset] !== phrase[offset]) continue outer;
    }
    return true;
  }
  return false;
}
