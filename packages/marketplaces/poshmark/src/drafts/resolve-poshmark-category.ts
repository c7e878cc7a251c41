import type { ListingDraft } from '@deal-scout/core';
import { type PoshmarkDepartment, poshmarkCategoryByCanonical } from '../categories/poshmark-categories';
import { PoshmarkDraftOptionsSchema } from './poshmark-draft-options';

/** The department and category a draft goes to on Poshmark; `null` parts are unknown. */
export function resolvePoshmarkCategory(draft: Pick<ListingDraft, 'category' | 'marketplaceOptions'>): {
  readonly department: PoshmarkDepartment | null;
  readonly category: string | null;
  readonly subcategory: string | null;
} {
  const options = PoshmarkDraftOptionsSchema.safeParse(draft.marketplaceOptions.poshmark ?? {});
  const extra = options.success ? options.data : {};
  const mapped = poshmarkCategoryByCanonical[draft.category];
  return {
    department: extra.department ?? mapped?.department ?? null,
    category: extra.category ?? mapped?.category ?? null,
    subcategory: extra.subcategory ?? null,
  };
}
