import type { Listing } from '@deal-scout/core';

/**
 * `count` listings made from the real ones: the real listings first, then copies with new ids
 * (`<externalId>-r<copy>`) and everything else unchanged, so the payloads stay the real mix of
 * titles, descriptions, attributes and locations. Shuffled deterministically so each batch of an
 * ingest mixes goods and vehicles as a real feed would.
 */
export function replicateListings(real: readonly Listing[], count: number): Listing[] {
  const listings: Listing[] = [];
  for (let copy = 0; listings.length < count; copy++) {
    for (const listing of real) {
      if (listings.length >= count) break;
      if (copy === 0) {
        listings.push(listing);
        continue;
      }
      const externalId = `${listing.externalId}-r${copy}`;
      listings.push({ ...listing, id: `${listing.marketplace}:${externalId}`, externalId });
    }
  }
  let seed = 7;
  for (let i = listings.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
    const j = Math.floor((seed / 4_294_967_296) * (i + 1));
    [listings[i], listings[j]] = [listings[j] as Listing, listings[i] as Listing];
  }
  return listings;
}
