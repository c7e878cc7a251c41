import type { MarketplaceSearchOptionsV1 } from '@deal-scout/core';
import { poshmarkCategoryByCanonical } from '../categories/poshmark-categories';
import { type PoshmarkCondition, toPoshmarkCondition } from '../listings/poshmark-condition';
import type { PoshmarkSearchRequest } from './poshmark-transport';

const sorts = { newest: 'added_desc', relevance: 'best_match', price_ascending: 'price_asc' } as const;

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? (value as string[]) : undefined;

/**
 * Turns the runtime's search into Poshmark's filters. Brands, sizes and colours come from
 * `marketplaceOptions.poshmark` (`{ brands: ['Madewell'], sizes: ['M'], colors: ['Blue'] }`).
 */
export function toPoshmarkSearchRequest(options: MarketplaceSearchOptionsV1): PoshmarkSearchRequest {
  const conditions = [
    ...new Set(
      (options.conditions ?? [])
        .map(toPoshmarkCondition)
        .filter((value): value is PoshmarkCondition => value !== null),
    ),
  ];
  const departments = new Set(
    (options.categories ?? [])
      .map((category) => poshmarkCategoryByCanonical[category]?.department)
      .filter(Boolean),
  );
  const extra = options.marketplaceOptions?.poshmark ?? {};
  const brands = strings(extra.brands);
  const sizes = strings(extra.sizes);
  const colors = strings(extra.colors);
  return {
    sortBy: sorts[options.sort],
    inventoryStatus: options.sold ? 'sold_out' : 'available',
    count: Math.min(48, Math.max(1, options.limit)),
    department: departments.size === 1 ? ([...departments][0] as PoshmarkSearchRequest['department']) : 'All',
    ...(options.query ? { query: options.query } : {}),
    ...(conditions.length > 0 ? { conditions } : {}),
    ...(options.minPrice ? { priceMin: Math.floor(options.minPrice.amount / 100) } : {}),
    ...(options.maxPrice ? { priceMax: Math.ceil(options.maxPrice.amount / 100) } : {}),
    ...(brands ? { brands } : {}),
    ...(sizes ? { sizes } : {}),
    ...(colors ? { colors } : {}),
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}
