import type { Condition } from '@deal-scout/core';

/** Facebook's item conditions (catalogue `condition` and Marketplace's search filter values). */
export type FacebookCondition = 'new' | 'used_like_new' | 'used_good' | 'used_fair';

/**
 * Canonical → Facebook. Facebook's "Used – Like New" covers items in excellent condition, and it has
 * no grade below "fair", so `poor` maps to `used_fair`; `for_parts` has no Facebook condition.
 */
const toFacebook: Record<Condition, FacebookCondition | null> = {
  new: 'new',
  like_new: 'used_like_new',
  excellent: 'used_like_new',
  good: 'used_good',
  fair: 'used_fair',
  poor: 'used_fair',
  for_parts: null,
};

/** The Facebook condition for a canonical one, or `null` when Facebook has none. */
export function toFacebookCondition(condition: Condition): FacebookCondition | null {
  return toFacebook[condition];
}

const fromFacebook: Record<string, Condition> = {
  new: 'new',
  used_like_new: 'like_new',
  usedlikenew: 'like_new',
  refurbished: 'excellent',
  used_good: 'good',
  usedgood: 'good',
  used: 'good',
  used_fair: 'fair',
  usedfair: 'fair',
};

/** The canonical condition of a Facebook condition value (`used_like_new`, `usedLikeNew`), or `null`. */
export function fromFacebookCondition(value: string | null | undefined): Condition | null {
  if (!value) return null;
  return fromFacebook[value.trim().toLowerCase()] ?? null;
}
