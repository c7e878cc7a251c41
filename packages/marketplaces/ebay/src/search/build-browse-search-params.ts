import {
  type CategoryId,
  categoryAncestors,
  type MarketplaceSearchOptionsV1,
  parseInput,
  ValidationError,
} from '@deal-scout/core';
import { z } from 'zod';
import { ebayCategoryIdFor } from './ebay-category-map';
import { ebayConditionIdsFor } from './ebay-condition-map';
import { ebayAmountFromMoney } from './money-from-ebay-amount';

/** The Browse API serves at most 10,000 results per query (offset + limit ≤ 10,000). */
export const browseResultWindow = 10_000;
/** The Browse API's largest page. */
export const browseMaxPageSize = 200;

/** eBay-specific search options, under `marketplaceOptions.ebay`. */
export const EbaySearchOptionsSchema = z
  .object({
    /** Buying formats to include; eBay returns only FIXED_PRICE listings when absent. */
    buyingOptions: z
      .array(z.enum(['FIXED_PRICE', 'AUCTION', 'BEST_OFFER', 'CLASSIFIED_AD']))
      .min(1)
      .optional(),
    /** Country of the pickup postal code; defaults to the marketplace's country. */
    pickupCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  })
  .strict();

/** An encoded position in the result window. */
export function encodeBrowseCursor(offset: number): string {
  return `offset:${offset}`;
}

function decodeBrowseCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^offset:(\d{1,5})$/.exec(cursor);
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(offset) || offset >= browseResultWindow) {
    throw new ValidationError({
      issues: [{ field: 'cursor', message: 'is not a cursor this adapter issued' }],
      subject: 'eBay search',
      source: 'ebay',
    });
  }
  return offset;
}

/** Query parameters of one `item_summary/search` call, or `null` when nothing can match. */
export type BrowseSearchRequest = { readonly params: Record<string, string>; readonly offset: number } | null;

/**
 * Translates a runtime search into Browse `item_summary/search` parameters: `q`, one
 * `category_ids`, the `filter` string (price + priceCurrency, conditionIds, buyingOptions, the
 * four pickup filters), `sort`, and `limit`/`offset` kept inside the 10,000-result window.
 * Returns `null` when the conditions asked for have no eBay equivalent (only `poor`).
 * Throws `ValidationError` for a query with neither keywords nor a category, mixed currencies,
 * a radius search without a postal code, or a bad cursor.
 */
export function buildBrowseSearchParams(
  options: MarketplaceSearchOptionsV1,
  context: { readonly country: string },
): BrowseSearchRequest {
  const ebay = parseInput(EbaySearchOptionsSchema, options.marketplaceOptions?.ebay ?? {}, {
    subject: 'eBay search options',
    source: 'ebay',
    field: 'marketplaceOptions.ebay',
  });
  const issues: { field: string; message: string }[] = [];
  const params: Record<string, string> = {};
  const filters: string[] = [];

  const query = options.query?.trim();
  if (query) params.q = query.slice(0, 350);
  const categoryId = commonEbayCategory(options.categories ?? []);
  if (categoryId) params.category_ids = categoryId;
  if (!params.q && !params.category_ids) {
    issues.push({ field: 'query', message: 'eBay search needs keywords or a category eBay knows' });
  }

  if (options.minPrice || options.maxPrice) {
    const currency = options.minPrice?.currency ?? options.maxPrice?.currency;
    if (options.minPrice && options.maxPrice && options.minPrice.currency !== options.maxPrice.currency) {
      issues.push({ field: 'maxPrice.currency', message: 'must equal minPrice.currency' });
    }
    const low = options.minPrice ? ebayAmountFromMoney(options.minPrice).value : '';
    const high = options.maxPrice ? ebayAmountFromMoney(options.maxPrice).value : '';
    filters.push(`price:[${low}..${high}]`, `priceCurrency:${currency}`);
  }

  if (options.conditions?.length) {
    const ids = ebayConditionIdsFor(options.conditions);
    if (ids.length === 0) return null;
    filters.push(`conditionIds:{${ids.join('|')}}`);
  }
  if (ebay.buyingOptions) filters.push(`buyingOptions:{${ebay.buyingOptions.join('|')}}`);

  if (options.near) {
    if (!options.near.postalCode) {
      issues.push({ field: 'near.postalCode', message: "eBay's pickup search needs a postal code" });
    } else {
      filters.push(
        `pickupCountry:${ebay.pickupCountry ?? context.country}`,
        `pickupPostalCode:${options.near.postalCode}`,
        `pickupRadius:${Math.max(1, Math.ceil(options.near.radiusMi))}`,
        'pickupRadiusUnit:mi',
      );
    }
  }
  if (filters.length) params.filter = filters.join(',');

  if (options.sort === 'newest') params.sort = 'newlyListed';
  else if (options.sort === 'price_ascending') params.sort = 'price';

  let offset = 0;
  try {
    offset = decodeBrowseCursor(options.cursor);
  } catch (error) {
    if (error instanceof ValidationError) issues.push(...error.issues);
  }
  if (issues.length) throw new ValidationError({ issues, subject: 'eBay search', source: 'ebay' });

  const limit = Math.max(1, Math.min(options.limit, browseMaxPageSize, browseResultWindow - offset));
  params.limit = String(limit);
  params.offset = String(offset);
  return { params, offset };
}

/**
 * eBay searches one category per request: several canonical categories are searched through the
 * deepest eBay category that contains all of them, or without a category when none does.
 */
function commonEbayCategory(categories: readonly CategoryId[]): string | null {
  if (categories.length === 0) return null;
  const [first, ...rest] = categories as [CategoryId, ...CategoryId[]];
  const shared = categoryAncestors(first).find((candidate) =>
    rest.every((other) => categoryAncestors(other).includes(candidate)),
  );
  return shared ? ebayCategoryIdFor(shared) : null;
}
