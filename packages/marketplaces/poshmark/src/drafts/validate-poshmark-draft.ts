import { type DraftIssueV1, type ListingDraft, toValidationIssues } from '@deal-scout/core';
import { sizedCategories } from '../categories/poshmark-categories';
import { toPoshmarkCondition } from '../listings/poshmark-condition';
import { toPoshmarkSize } from '../sizes/poshmark-sizes';
import { PoshmarkDraftOptionsSchema } from './poshmark-draft-options';
import { resolvePoshmarkCategory } from './resolve-poshmark-category';

/**
 * Poshmark's listing form: title up to 80 characters, description up to 1,500 (research/marketplaces.md
 * §4, secondary); photos per listing is a tunable SDK default (16).
 */
export const poshmarkDraftLimits = { titleMax: 80, descriptionMax: 1_500, colorsMax: 2 } as const;

/** Checks a draft against Poshmark's listing rules without any network call; every issue names its field. */
export function validatePoshmarkDraft(
  draft: ListingDraft,
  options: { readonly maxPhotos: number; readonly currency: string },
): DraftIssueV1[] {
  const issues: DraftIssueV1[] = [];
  if (draft.title.length > poshmarkDraftLimits.titleMax) {
    issues.push({
      field: 'title',
      message: `must be at most ${poshmarkDraftLimits.titleMax} characters on Poshmark`,
    });
  }
  if (draft.description.length > poshmarkDraftLimits.descriptionMax) {
    issues.push({
      field: 'description',
      message: `must be at most ${poshmarkDraftLimits.descriptionMax} characters on Poshmark`,
    });
  }
  if (draft.images.length > options.maxPhotos) {
    issues.push({
      field: 'images',
      message: `Poshmark takes at most ${options.maxPhotos} photos (the first is the cover shot)`,
    });
  }
  if (draft.price.currency !== options.currency) {
    issues.push({ field: 'price.currency', message: `Poshmark prices here are in ${options.currency}` });
  }
  if (!draft.brand) issues.push({ field: 'brand', message: 'Poshmark listings need a brand' });
  if (draft.colors.length > poshmarkDraftLimits.colorsMax) {
    issues.push({
      field: 'colors',
      message: `Poshmark takes at most ${poshmarkDraftLimits.colorsMax} colours`,
    });
  }
  if (toPoshmarkCondition(draft.condition) === null) {
    issues.push({ field: 'condition', message: `Poshmark has no condition for '${draft.condition}'` });
  }
  const parsed = PoshmarkDraftOptionsSchema.safeParse(draft.marketplaceOptions.poshmark ?? {});
  if (!parsed.success) {
    issues.push(...toValidationIssues(parsed.error, 'marketplaceOptions.poshmark'));
    return issues;
  }
  const original = parsed.data.originalPrice;
  if (original && (original.currency !== draft.price.currency || original.amount < draft.price.amount)) {
    issues.push({
      field: 'marketplaceOptions.poshmark.originalPrice',
      message: 'must be in the listing currency and at least the price',
    });
  }
  const { department, category } = resolvePoshmarkCategory(draft);
  if (!department) {
    issues.push({
      field: 'category',
      message: `'${draft.category}' has no Poshmark department; set marketplaceOptions.poshmark.department`,
    });
    return issues;
  }
  if (!category) {
    issues.push({
      field: 'marketplaceOptions.poshmark.category',
      message: `is required: name the ${department} category (for example Dresses, Tops, Jeans)`,
    });
    return issues;
  }
  if (sizedCategories.has(category) && !draft.size) {
    issues.push({ field: 'size', message: `Poshmark ${department} ${category} need a size` });
  } else if (draft.size && toPoshmarkSize(draft.size, department, category) === null) {
    issues.push({
      field: 'size',
      message: `'${draft.size}' is not a Poshmark size for ${department} ${category}`,
    });
  }
  return issues;
}
