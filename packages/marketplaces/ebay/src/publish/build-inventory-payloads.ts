import type { ListingDraft } from '@deal-scout/core';
import { ebayConditionEnumFor } from '../search/ebay-condition-map';
import { ebayAmountFromMoney } from '../search/money-from-ebay-amount';
import type { EbayDraftOptions } from './ebay-draft-options';

/** Business policies and location resolved for one offer. */
export type OfferContext = {
  readonly sku: string;
  readonly marketplaceId: string;
  readonly categoryId: string;
  readonly merchantLocationKey: string;
  readonly fulfillmentPolicyId: string;
  readonly paymentPolicyId: string;
  readonly returnPolicyId: string;
};

/**
 * Item specifics for a draft: `Brand`, `Size`, `Color` and every attribute as a one-value list,
 * then the explicit `marketplaceOptions.ebay.aspects`, which win.
 */
export function aspectsOf(draft: ListingDraft, options: EbayDraftOptions): Record<string, string[]> {
  const aspects: Record<string, string[]> = {};
  if (draft.brand) aspects.Brand = [draft.brand];
  if (draft.size) aspects.Size = [draft.size];
  if (draft.colors.length) aspects.Color = [...draft.colors];
  for (const [name, value] of Object.entries(draft.attributes)) aspects[name] = [String(value)];
  return { ...aspects, ...options.aspects };
}

/** The `InventoryItem` body of `createOrReplaceInventoryItem`. */
export function buildInventoryItem(
  draft: ListingDraft,
  options: EbayDraftOptions,
  imageUrls: readonly string[],
) {
  return {
    availability: { shipToLocationAvailability: { quantity: draft.quantity } },
    condition: options.conditionEnum ?? ebayConditionEnumFor[draft.condition],
    product: {
      title: draft.title,
      description: draft.description,
      aspects: aspectsOf(draft, options),
      imageUrls: [...imageUrls],
      ...(draft.brand ? { brand: draft.brand } : {}),
    },
  };
}

/** The offer fields shared by `createOffer` (with sku and marketplace) and `updateOffer`. */
export function buildOfferDetails(draft: ListingDraft, context: OfferContext) {
  // An update may lack a value eBay already holds; empty values are left out rather than sent blank.
  const present = <T extends Record<string, string>>(values: T) =>
    Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')) as Partial<T>;
  return {
    availableQuantity: draft.quantity,
    ...present({ categoryId: context.categoryId, merchantLocationKey: context.merchantLocationKey }),
    listingDescription: draft.description,
    listingPolicies: present({
      fulfillmentPolicyId: context.fulfillmentPolicyId,
      paymentPolicyId: context.paymentPolicyId,
      returnPolicyId: context.returnPolicyId,
    }),
    pricingSummary: { price: ebayAmountFromMoney(draft.price) },
  };
}

/** The `EbayOfferDetailsWithKeys` body of `createOffer`: fixed price, on one marketplace. */
export function buildCreateOffer(draft: ListingDraft, context: OfferContext) {
  return {
    sku: context.sku,
    marketplaceId: context.marketplaceId,
    format: 'FIXED_PRICE',
    ...buildOfferDetails(draft, context),
  };
}
