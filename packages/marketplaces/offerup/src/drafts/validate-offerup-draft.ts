import { type DraftIssueV1, hasCoordinates, type ListingDraft, toValidationIssues } from '@deal-scout/core';
import { OfferUpDraftOptionsSchema } from './offerup-draft-options';
import { offerUpRules, offPlatformPaymentPattern, phonePattern, urlPattern } from './offerup-rules';

/** Limits a host may tune: OfferUp's help pages name no number for these. */
export type OfferUpDraftLimits = {
  /** Photos per listing (SDK default 12). */
  readonly maxPhotos: number;
  /** Title length in characters (SDK default 80). */
  readonly titleMax: number;
  /** Description length in characters (SDK default 5,000). */
  readonly descriptionMax: number;
};

/** Checks a draft against OfferUp's rules without any network call; every issue names its field. */
export function validateOfferUpDraft(draft: ListingDraft, limits: OfferUpDraftLimits): DraftIssueV1[] {
  const issues: DraftIssueV1[] = [];
  if (!draft.location || (!hasCoordinates(draft.location) && !draft.location.postalCode)) {
    issues.push({
      field: 'location',
      message: 'OfferUp listings are local: give coordinates or a postal code',
    });
  } else if (draft.location.country && draft.location.country !== 'US') {
    issues.push({ field: 'location.country', message: 'OfferUp lists items in the United States only' });
  }
  if (draft.price.currency !== 'USD') {
    issues.push({ field: 'price.currency', message: 'OfferUp prices are in USD' });
  }
  if (draft.title.length > limits.titleMax) {
    issues.push({ field: 'title', message: `must be at most ${limits.titleMax} characters on OfferUp` });
  }
  if (draft.description.length > limits.descriptionMax) {
    issues.push({
      field: 'description',
      message: `must be at most ${limits.descriptionMax} characters on OfferUp`,
    });
  }
  for (const field of ['title', 'description'] as const) {
    const text = draft[field];
    if (urlPattern.test(text)) issues.push({ field, message: 'OfferUp does not allow links in listings' });
    if (phonePattern.test(text))
      issues.push({ field, message: 'OfferUp does not allow phone numbers in listings' });
    if (offPlatformPaymentPattern.test(text)) {
      issues.push({ field, message: 'OfferUp requires payment through OfferUp; remove other payment apps' });
    }
  }
  if (draft.images.length > limits.maxPhotos) {
    issues.push({ field: 'images', message: `OfferUp takes at most ${limits.maxPhotos} photos` });
  }
  draft.images.forEach((image, index) => {
    if (!image.startsWith('https://'))
      issues.push({ field: `images[${index}]`, message: 'must be an https URL' });
  });
  if (!draft.shipping?.available && !draft.localPickup) {
    issues.push({
      field: 'localPickup',
      message: 'an OfferUp listing needs local pickup, shipping, or both',
    });
  }
  const parsed = OfferUpDraftOptionsSchema.safeParse(draft.marketplaceOptions.offerup ?? {});
  if (!parsed.success) {
    issues.push(...toValidationIssues(parsed.error, 'marketplaceOptions.offerup'));
    return issues;
  }
  if (draft.shipping?.available) {
    const options = parsed.data;
    if (draft.price.currency === 'USD' && draft.price.amount >= offerUpRules.shippingMaxPriceCents) {
      issues.push({ field: 'shipping', message: 'OfferUp ships only items that sell for less than $2,000' });
    }
    if (options.weightLb === undefined) {
      issues.push({
        field: 'marketplaceOptions.offerup.weightLb',
        message: 'is required when the item ships',
      });
    } else if (options.weightLb >= offerUpRules.shippingMaxWeightLb) {
      issues.push({
        field: 'marketplaceOptions.offerup.weightLb',
        message: 'OfferUp ships items under 20 lb only',
      });
    }
    if (!options.packageIn) {
      issues.push({
        field: 'marketplaceOptions.offerup.packageIn',
        message: 'is required when the item ships',
      });
    } else {
      for (const side of ['length', 'width', 'height'] as const) {
        if (options.packageIn[side] > offerUpRules.shippingMaxSideIn) {
          issues.push({
            field: `marketplaceOptions.offerup.packageIn.${side}`,
            message: 'OfferUp ships boxes with no side over 18 in',
          });
        }
      }
    }
  }
  return issues;
}
