import { currencyDigits, type ListingDraft, type Money, toMajor } from '@deal-scout/core';
import { PoshmarkDraftOptionsSchema } from '../drafts/poshmark-draft-options';
import { resolvePoshmarkCategory } from '../drafts/resolve-poshmark-category';
import { toPoshmarkCondition } from '../listings/poshmark-condition';
import { toPoshmarkSize } from '../sizes/poshmark-sizes';
import type { PoshmarkListingRequest } from './poshmark-transport';

const amount = (value: Money) => ({
  val: toMajor(value).toFixed(currencyDigits(value.currency)),
  currency_code: value.currency,
});

/**
 * Turns a validated draft into Poshmark's terms (department, category, size label, condition).
 * `marketplaceCategory` (`Women > Dresses`) from category suggestion overrides the derived one.
 * Call only after `validateDraft` found no issues.
 */
export function convertDraftToPoshmarkListing(
  draft: ListingDraft,
  options: { readonly idempotencyKey: string; readonly marketplaceCategory?: string },
): PoshmarkListingRequest {
  const extra = PoshmarkDraftOptionsSchema.parse(draft.marketplaceOptions.poshmark ?? {});
  const resolved = resolvePoshmarkCategory(draft);
  const [suggestedDepartment, suggestedCategory] = options.marketplaceCategory?.split(' > ') ?? [];
  const department = (suggestedDepartment ?? resolved.department) as PoshmarkListingRequest['department'];
  const category = (suggestedCategory ?? resolved.category) as string;
  return {
    sku: draft.sku,
    title: draft.title,
    description: draft.description,
    price: amount(draft.price),
    originalPrice: extra.originalPrice ? amount(extra.originalPrice) : null,
    brand: draft.brand as string,
    size: draft.size ? toPoshmarkSize(draft.size, department, category) : null,
    colors: draft.colors,
    condition: toPoshmarkCondition(draft.condition) ?? 'good',
    department,
    category,
    subcategory: resolved.subcategory,
    styleTags: extra.styleTags ?? [],
    pictureUrls: draft.images,
    quantity: draft.quantity,
    idempotencyKey: options.idempotencyKey,
  };
}
