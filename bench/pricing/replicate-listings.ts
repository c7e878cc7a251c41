import type { Listing } from '@deal-scout/core';

/** A deterministic pseudo-random generator (LCG), so every run builds the same store. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/**
 * Copy `copy` of a real listing with jitter: a new id, price × e^(±0.1), posting time ± 10 days,
 * mileage ± 10%, location ± 0.2°. The copies keep the real mix of makes, models, years and
 * conditions, so the index sees the real term distribution at a million-listing scale.
 */
export function jitteredCopy(listing: Listing, copy: number, random: () => number): Listing {
  const spread = (width: number) => (random() * 2 - 1) * width;
  const attributes = { ...listing.attributes };
  if (typeof attributes.odometer === 'number')
    attributes.odometer = Math.round(attributes.odometer * (1 + spread(0.1)));
  const location =
    listing.location?.lat !== undefined && listing.location.lon !== undefined
      ? {
          ...listing.location,
          lat: Math.max(-90, Math.min(90, listing.location.lat + spread(0.2))),
          lon: Math.max(-180, Math.min(180, listing.location.lon + spread(0.2))),
        }
      : listing.location;
  const externalId = `${listing.externalId}-${copy}`;
  return {
    ...listing,
    id: `${listing.marketplace}:${externalId}`,
    externalId,
    price: { ...listing.price, amount: Math.round(listing.price.amount * Math.exp(spread(0.1))) },
    postedAt: new Date(Date.parse(listing.postedAt) + spread(10) * 86_400_000).toISOString(),
    attributes,
    ...(location ? { location } : {}),
  };
}
