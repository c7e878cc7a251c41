import { z } from 'zod';

/**
 * The one canonical condition scale, best first. Every marketplace's conditions map onto it:
 *
 * | value       | meaning                                                        |
 * |-------------|----------------------------------------------------------------|
 * | `new`       | unused, in original packaging                                  |
 * | `like_new`  | used briefly or open box; no visible wear                      |
 * | `excellent` | used, minimal signs of wear, fully working                     |
 * | `good`      | used, visible wear, fully working                              |
 * | `fair`      | heavy wear or minor faults, still usable                       |
 * | `poor`      | significant faults; usable with repair                          |
 * | `for_parts` | not working, salvage, or sold for parts                        |
 */
export const conditions = ['new', 'like_new', 'excellent', 'good', 'fair', 'poor', 'for_parts'] as const;

export const ConditionSchema = z.enum(conditions);
export type Condition = z.infer<typeof ConditionSchema>;

/** Rank on the scale: `new` is 6, `for_parts` is 0. Higher is better. */
export function conditionRank(condition: Condition): number {
  return conditions.length - 1 - conditions.indexOf(condition);
}

/** True when `condition` is at least as good as `minimum`. */
export function isConditionAtLeast(condition: Condition, minimum: Condition): boolean {
  return conditionRank(condition) >= conditionRank(minimum);
}

const aliases: Record<string, Condition> = {
  new: 'new',
  'brand new': 'new',
  'new with tags': 'new',
  nwt: 'new',
  'like new': 'like_new',
  like_new: 'like_new',
  'open box': 'like_new',
  'new without tags': 'like_new',
  nwot: 'like_new',
  excellent: 'excellent',
  'very good': 'excellent',
  good: 'good',
  used: 'good',
  fair: 'fair',
  acceptable: 'fair',
  poor: 'poor',
  salvage: 'for_parts',
  'for parts': 'for_parts',
  for_parts: 'for_parts',
  'for parts or not working': 'for_parts',
};

/** Maps a free-text condition (`"Like New"`, `"salvage"`) onto the scale, or `null` if unknown. */
export function parseCondition(text: string | null | undefined): Condition | null {
  if (!text) return null;
  return aliases[text.trim().toLowerCase().replaceAll(/\s+/g, ' ')] ?? null;
}
