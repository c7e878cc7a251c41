import { type ListingDraft, toMajor } from '@deal-scout/core';
import { offerUpCategoryByCanonical } from '../categories/offerup-categories';
import { OfferUpDraftOptionsSchema } from '../drafts/offerup-draft-options';
import { toOfferUpCondition } from '../listings/offerup-condition';
import type { OfferUpListingRequest } from './offerup-transport';

/** Turns a validated draft into OfferUp's terms. Call only after `validateDraft` found no issues. */
export function convertDraftToOfferUpListing(
  draft: ListingDraft,
  options: { readonly idempotencyKey: string; readonly marketplaceCategory?: string },
): OfferUpListingRequest {
  const extra = OfferUpDraftOptionsSchema.parse(draft.marketplaceOptions.offerup ?? {});
  const [l1Name, l2Name] = options.marketplaceCategory?.split(' > ') ?? [];
  const category = l1Name
    ? { l1Name, ...(l2Name ? { l2Name } : {}) }
    : (offerUpCategoryByCanonical[draft.category] ?? null);
  const location = draft.location;
  return {
    sku: draft.sku,
    title: draft.title,
    description: draft.description,
    price: toMajor(draft.price),
    condition: toOfferUpCondition(draft.condition),
    category,
    photoUrls: draft.images,
    location: {
      ...(location?.lat !== undefined && location.lon !== undefined
        ? { latitude: location.lat, longitude: location.lon }
        : {}),
      ...(location?.postalCode ? { zipcode: location.postalCode } : {}),
    },
    localPickup: draft.localPickup,
    shipping: {
      enabled: draft.shipping?.available ?? false,
      ...(extra.weightLb !== undefined ? { weightLb: extra.weightLb } : {}),
      sellerPaysShipping: draft.shipping?.cost?.amount === 0,
    },
    firmOnPrice: extra.firmOnPrice ?? false,
    idempotencyKey: options.idempotencyKey,
  };
}
