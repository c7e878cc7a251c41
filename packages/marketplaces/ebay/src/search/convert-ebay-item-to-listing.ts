import { type ListingInput, type Location, parseCondition } from '@deal-scout/core';
import type { EbayItem, EbayItemSummary } from './ebay-browse-schemas';
import { categoryFromEbayCategories } from './ebay-category-map';
import { conditionFromEbayId } from './ebay-condition-map';
import { moneyFromEbayAmount } from './money-from-ebay-amount';

/**
 * Normalises a Browse `ItemSummary` or `Item` into a listing, or returns `null` when it lacks what
 * a listing needs (a title, a price in a known currency, a creation date). Prices come from the
 * string `value` in exact minor units; feedback percentages become 0–1 ratings; masked postal codes
 * (`950**`) are dropped rather than stored as if exact.
 */
export function convertEbayItemToListing(item: EbayItemSummary | EbayItem): ListingInput | null {
  const amount = item.price ?? item.currentBidPrice;
  const price = amount ? moneyFromEbayAmount(amount) : null;
  const postedAt = item.itemCreationDate ?? item.itemOriginDate;
  const title = item.title?.trim();
  if (!price || !postedAt || !title) return null;

  const categoryIds = categoryIdsOf(item);
  const category = categoryFromEbayCategories(categoryIds, categoryNamesOf(item));
  const images = [item.image, ...(item.additionalImages ?? [])]
    .map((image) => image?.imageUrl)
    .filter((url): url is string => typeof url === 'string' && /^https?:\/\//.test(url))
    .slice(0, 50);
  const condition = conditionFromEbayId(item.conditionId) ?? parseCondition(item.condition);
  const location = locationOf(item);
  const shipping = shippingOf(item);
  const seller = sellerOf(item);
  // Summaries lack the getItem-only fields; reading them as optional covers both shapes.
  const full = item as Partial<EbayItem>;
  const description = item.shortDescription ?? (full.description ? stripHtml(full.description) : undefined);
  const attributes: Record<string, string> = {};
  for (const aspect of full.localizedAspects?.slice(0, 100) ?? []) {
    if (aspect.name.length <= 64) attributes[aspect.name] = aspect.value.slice(0, 500);
  }
  const unavailable = full.estimatedAvailabilities?.every(
    (entry) => entry.estimatedAvailabilityStatus === 'OUT_OF_STOCK',
  );

  return {
    id: `ebay:${item.itemId}`,
    marketplace: 'ebay',
    externalId: item.itemId,
    ...(item.itemWebUrl ? { url: item.itemWebUrl } : {}),
    title: title.slice(0, 300),
    ...(description ? { description: description.slice(0, 20_000) } : {}),
    price,
    ...(condition ? { condition } : {}),
    ...(category ? { category } : {}),
    ...(categoryIds[0] ? { marketplaceCategory: categoryIds[0] } : {}),
    ...(full.brand ? { brand: full.brand.slice(0, 120) } : {}),
    ...(full.size ? { size: full.size.slice(0, 60) } : {}),
    attributes,
    ...(location ? { location } : {}),
    ...(shipping ? { shipping } : {}),
    localPickup: (item.pickupOptions?.length ?? 0) > 0,
    images,
    ...(seller ? { seller } : {}),
    status: unavailable && full.estimatedAvailabilities?.length ? 'removed' : 'active',
    postedAt,
  };
}

/** Leaf first: `categoryIdPath` is root-first, `leafCategoryIds` and `categories` lead with leaves. */
function categoryIdsOf(item: EbayItemSummary | EbayItem): string[] {
  if ('categoryIdPath' in item && item.categoryIdPath) return item.categoryIdPath.split('|').reverse();
  if ('categoryId' in item && item.categoryId) return [item.categoryId];
  const summary = item as EbayItemSummary;
  const ids = [
    ...(summary.leafCategoryIds ?? []),
    ...(summary.categories ?? []).map((c) => c.categoryId ?? ''),
  ];
  return [...new Set(ids.filter(Boolean))];
}

/** The names along the item's category path (`categoryPath` of an Item, `categories` of a summary). */
function categoryNamesOf(item: EbayItemSummary | EbayItem): string[] {
  if ('categoryPath' in item && item.categoryPath) return item.categoryPath.split('|');
  return ((item as EbayItemSummary).categories ?? []).flatMap((category) =>
    category.categoryName ? [category.categoryName] : [],
  );
}

function locationOf(item: EbayItemSummary | EbayItem): Location | null {
  const source = item.itemLocation;
  if (!source) return null;
  const location: Location = {
    ...(source.city ? { city: source.city.slice(0, 120) } : {}),
    ...(source.stateOrProvince ? { region: source.stateOrProvince.slice(0, 120) } : {}),
    ...(source.postalCode && !source.postalCode.includes('*')
      ? { postalCode: source.postalCode.slice(0, 16) }
      : {}),
    ...(source.country && /^[A-Z]{2}$/.test(source.country) ? { country: source.country } : {}),
  };
  return Object.keys(location).length > 0 ? location : null;
}

function shippingOf(item: EbayItemSummary | EbayItem): ListingInput['shipping'] | null {
  const options = item.shippingOptions;
  if (!options?.length) return null;
  const first = options[0];
  // CALCULATED costs depend on the buyer's address: the amount eBay shows is not a fixed cost.
  const cost =
    first?.shippingCost && first.shippingCostType !== 'CALCULATED'
      ? moneyFromEbayAmount(first.shippingCost)
      : null;
  return { available: true, ...(cost ? { cost } : {}) };
}

function sellerOf(item: EbayItemSummary | EbayItem): ListingInput['seller'] | null {
  const source = item.seller;
  const id = source?.userId ?? source?.username;
  if (!source || !id) return null;
  const percentage = source.feedbackPercentage === undefined ? Number.NaN : Number(source.feedbackPercentage);
  return {
    id: id.slice(0, 128),
    ...(source.username ? { name: source.username.slice(0, 200) } : {}),
    ...(Number.isFinite(percentage) && percentage >= 0 && percentage <= 100
      ? { rating: Math.round(percentage * 10) / 1000 }
      : {}),
  };
}

function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
