import {
  type MarketplaceSearchOptionsV1,
  type MarketplaceSearchPageV1,
  milesToKm,
  normaliseSearchResults,
  toMajor,
} from '@deal-scout/core';
import { convertFacebookListing } from '../listings/convert-facebook-listing';
import { type FacebookCondition, toFacebookCondition } from '../listings/facebook-condition';
import type { FacebookSearchRequest, FacebookSearchTransport } from './facebook-search-transport';

const sorts = {
  newest: 'creation_time_descend',
  relevance: 'best_match',
  price_ascending: 'price_ascend',
} as const;

/** Turns the runtime's search options into the host transport's request. */
export function toFacebookSearchRequest(options: MarketplaceSearchOptionsV1): FacebookSearchRequest {
  const conditions = [
    ...new Set(
      (options.conditions ?? [])
        .map(toFacebookCondition)
        .filter((value): value is FacebookCondition => value !== null),
    ),
  ];
  const currency = options.minPrice?.currency ?? options.maxPrice?.currency;
  return {
    sort: sorts[options.sort],
    count: Math.min(24, Math.max(1, options.limit)),
    ...(options.query ? { query: options.query } : {}),
    ...(options.minPrice ? { minPrice: toMajor(options.minPrice) } : {}),
    ...(options.maxPrice ? { maxPrice: toMajor(options.maxPrice) } : {}),
    ...(currency ? { currency } : {}),
    ...(conditions.length > 0 ? { conditions } : {}),
    ...(options.near
      ? {
          near: {
            latitude: options.near.point.lat,
            longitude: options.near.point.lon,
            radiusKm: Math.round(milesToKm(options.near.radiusMi) * 10) / 10,
          },
        }
      : {}),
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/**
 * Runs a search through the host transport and normalises every listing it returned; a malformed
 * one throws `ListingParseError` (`Facebook search result 3 is malformed`, fields under `listings[3].`).
 */
export async function searchThroughTransport(
  transport: FacebookSearchTransport,
  options: MarketplaceSearchOptionsV1,
  observedAt: string,
): Promise<MarketplaceSearchPageV1> {
  const response = await transport.search(toFacebookSearchRequest(options));
  const listings = normaliseSearchResults(
    response.listings,
    (json) => convertFacebookListing(json, { observedAt }),
    { marketplaceId: 'facebook', displayName: 'Facebook' },
  );
  return { listings, nextCursor: response.nextCursor };
}
