import type { MarketplaceSearchOptionsV1 } from '@deal-scout/core';
import { type OfferUpCondition, toOfferUpCondition } from '../listings/offerup-condition';
import type { OfferUpSearchRequest } from './offerup-transport';

// OfferUp's default order is its relevance ranking, so `relevance` sends no SORT.
const sorts = { newest: '-posted', relevance: undefined, price_ascending: 'price' } as const;

/**
 * Turns the runtime's search into OfferUp's parameters. OfferUp searches around a place: without
 * `near` the host's transport decides the centre (its default location). Prices are whole dollars,
 * rounded outwards so no matching listing is cut off.
 */
export function toOfferUpSearchRequest(options: MarketplaceSearchOptionsV1): OfferUpSearchRequest {
  const conditions = [...new Set<OfferUpCondition>((options.conditions ?? []).map(toOfferUpCondition))];
  const delivery = options.marketplaceOptions?.offerup?.deliveryFlags;
  return {
    ...(sorts[options.sort] ? { sort: sorts[options.sort] } : {}),
    limit: Math.min(50, Math.max(1, options.limit)),
    ...(options.query ? { q: options.query } : {}),
    ...(options.near
      ? {
          lat: options.near.point.lat,
          lon: options.near.point.lon,
          distance: Math.max(1, Math.round(options.near.radiusMi)),
          ...(options.near.postalCode ? { zipcode: options.near.postalCode } : {}),
        }
      : {}),
    ...(options.minPrice ? { priceMin: Math.floor(options.minPrice.amount / 100) } : {}),
    ...(options.maxPrice ? { priceMax: Math.ceil(options.maxPrice.amount / 100) } : {}),
    ...(conditions.length > 0 ? { conditions } : {}),
    ...(delivery === 'p' || delivery === 's' || delivery === 'p_s' ? { deliveryFlags: delivery } : {}),
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}
