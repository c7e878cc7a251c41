import { type CategoryId, isCategoryId, isCategoryWithin } from '../../listing/categories';

/**
 * Rule: categories. With no filters every alert passes. Otherwise the listing's canonical
 * category must be one of the filters or a descendant of one (`electronics` admits
 * `video-games`); a listing without a category does not pass, since nothing says it belongs to
 * what the user asked for.
 */
export function passesCategoryFilters(filters: readonly CategoryId[], category: string | undefined): boolean {
  if (filters.length === 0) return true;
  if (!category || !isCategoryId(category)) return false;
  return filters.some((filter) => isCategoryWithin(category, filter));
}
