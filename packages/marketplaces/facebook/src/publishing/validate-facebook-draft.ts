import { type DraftIssueV1, isCategoryWithin, type ListingDraft, toValidationIssues } from '@deal-scout/core';
import type { ResolvedFacebookSettings } from '../facebook-settings';
import { toFacebookCondition } from '../listings/facebook-condition';
import { FacebookDraftOptionsSchema } from './facebook-draft-options';

/** Catalogue limits: title 200 characters, description 9,999, one image plus 20 additional ones. */
export const facebookDraftLimits = { titleMax: 200, descriptionMax: 9_999, imagesMax: 21 } as const;

/**
 * Checks a draft against the Marketplace Partnership item rules without calling Facebook. Returns
 * every problem, each addressed by draft field.
 */
export function validateFacebookDraft(
  draft: ListingDraft,
  settings: ResolvedFacebookSettings,
): DraftIssueV1[] {
  const issues: DraftIssueV1[] = [];
  if (draft.title.length > facebookDraftLimits.titleMax) {
    issues.push({
      field: 'title',
      message: `must be at most ${facebookDraftLimits.titleMax} characters on Facebook`,
    });
  }
  if (draft.description.length > facebookDraftLimits.descriptionMax) {
    issues.push({
      field: 'description',
      message: `must be at most ${facebookDraftLimits.descriptionMax} characters on Facebook`,
    });
  }
  if (draft.images.length > facebookDraftLimits.imagesMax) {
    issues.push({
      field: 'images',
      message: `Facebook takes at most ${facebookDraftLimits.imagesMax} images`,
    });
  }
  draft.images.forEach((image, index) => {
    if (!image.startsWith('https://')) {
      issues.push({ field: `images[${index}]`, message: 'must be a public https URL for Facebook' });
    }
  });
  if (toFacebookCondition(draft.condition) === null) {
    issues.push({ field: 'condition', message: `Facebook has no condition for '${draft.condition}'` });
  }
  if (isCategoryWithin(draft.category, 'vehicles') && draft.category !== 'auto-parts') {
    issues.push({
      field: 'category',
      message: 'vehicles are a separate Facebook programme, not partner items',
    });
  }
  if (!draft.shipping?.available) {
    issues.push({
      field: 'shipping',
      message: 'Facebook partner items are bought on the partner site and must ship',
    });
  }
  const parsed = FacebookDraftOptionsSchema.safeParse(draft.marketplaceOptions.facebook ?? {});
  if (!parsed.success) {
    issues.push(...toValidationIssues(parsed.error, 'marketplaceOptions.facebook'));
  } else {
    if (!parsed.data.link && !settings.productUrlTemplate) {
      issues.push({
        field: 'marketplaceOptions.facebook.link',
        message: 'is required (or set productUrlTemplate): Facebook links every item to the partner site',
      });
    }
  }
  if (!settings.catalogId) {
    issues.push({ field: 'marketplace', message: 'publishing needs the partner catalogue id (catalogId)' });
  }
  return issues;
}
