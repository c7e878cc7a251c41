import type { DraftIssueV1, ListingDraft } from '@deal-scout/core';
import { toValidationIssues } from '@deal-scout/core';
import { ebayMarketplaces } from '../settings/ebay-marketplace-ids';
import type { ResolvedEbaySettings } from '../settings/ebay-marketplace-settings';
import { aspectsOf } from './build-inventory-payloads';
import { type EbayDraftOptions, EbayDraftOptionsSchema } from './ebay-draft-options';

/** eBay's listing limits (Inventory API `Product` and `InventoryItem` documentation). */
export const ebayDraftLimits = {
  /** Characters in a title. */
  titleLength: 80,
  /** Pictures per listing. */
  images: 24,
  /** Characters in an aspect name. */
  aspectNameLength: 40,
  /** Characters in an aspect value. */
  aspectValueLength: 65,
} as const;

const policyFields = [
  ['fulfillmentPolicyId', 'EBAY_FULFILLMENT_POLICY_ID'],
  ['paymentPolicyId', 'EBAY_PAYMENT_POLICY_ID'],
  ['returnPolicyId', 'EBAY_RETURN_POLICY_ID'],
] as const;

/** The draft's eBay options after validation, or the issues that stop them parsing. */
export function readEbayDraftOptions(draft: ListingDraft): {
  options: EbayDraftOptions;
  issues: DraftIssueV1[];
} {
  const parsed = EbayDraftOptionsSchema.safeParse(draft.marketplaceOptions.ebay ?? {});
  if (parsed.success) return { options: parsed.data, issues: [] };
  return { options: {}, issues: toValidationIssues(parsed.error, 'marketplaceOptions.ebay') };
}

/**
 * Checks a draft against eBay's rules without calling eBay: title ≤ 80 characters, 1–24 HTTPS
 * images, a positive price in the marketplace's currency, aspect name/value lengths, valid
 * `marketplaceOptions.ebay`, and the publishing prerequisites known locally (the three business
 * policies and the inventory location key, from the draft or the settings). Returns every issue.
 */
export function validateEbayDraft(
  draft: ListingDraft,
  settings: ResolvedEbaySettings,
  check: { readonly prerequisites: boolean } = { prerequisites: true },
): DraftIssueV1[] {
  const { options, issues } = readEbayDraftOptions(draft);
  if (draft.title.length > ebayDraftLimits.titleLength) {
    issues.push({
      field: 'title',
      message: `eBay titles are at most ${ebayDraftLimits.titleLength} characters (this one has ${draft.title.length})`,
    });
  }
  if (draft.images.length === 0)
    issues.push({ field: 'images', message: 'eBay needs at least one image to publish' });
  if (draft.images.length > ebayDraftLimits.images) {
    issues.push({ field: 'images', message: `eBay allows at most ${ebayDraftLimits.images} images` });
  }
  draft.images.forEach((url, index) => {
    if (!url.startsWith('https://'))
      issues.push({ field: `images[${index}]`, message: 'eBay needs HTTPS image URLs' });
  });
  const currency = ebayMarketplaces[settings.marketplaceId].currency;
  if (draft.price.currency !== currency) {
    issues.push({ field: 'price.currency', message: `${settings.marketplaceId} lists in ${currency}` });
  }
  if (draft.price.amount <= 0)
    issues.push({ field: 'price.amount', message: 'eBay needs a price above zero' });
  for (const [name, values] of Object.entries(aspectsOf(draft, options))) {
    if (name.length > ebayDraftLimits.aspectNameLength) {
      issues.push({
        field: `attributes.${name}`,
        message: `eBay aspect names are at most ${ebayDraftLimits.aspectNameLength} characters`,
      });
    }
    if (values.some((value) => value.length > ebayDraftLimits.aspectValueLength)) {
      issues.push({
        field: `attributes.${name}`,
        message: `eBay aspect values are at most ${ebayDraftLimits.aspectValueLength} characters`,
      });
    }
  }
  if (!check.prerequisites) return issues;
  for (const [field, variable] of policyFields) {
    if (!options[field] && !settings.businessPolicies[field]) {
      issues.push({
        field: `marketplaceOptions.ebay.${field}`,
        message: `is required to publish on eBay: set it on the draft or in settings.businessPolicies (${variable})`,
      });
    }
  }
  if (!options.merchantLocationKey && !settings.merchantLocationKey) {
    issues.push({
      field: 'marketplaceOptions.ebay.merchantLocationKey',
      message:
        'is required to publish on eBay: set it on the draft or in settings (EBAY_MERCHANT_LOCATION_KEY)',
    });
  }
  return issues;
}
