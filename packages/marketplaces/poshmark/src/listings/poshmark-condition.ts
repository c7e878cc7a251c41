import type { Condition } from '@deal-scout/core';

/** Poshmark's condition values as its listing JSON carries them. */
export type PoshmarkCondition = 'nwt' | 'like_new' | 'good' | 'fair' | 'not_nwt';

const fromPoshmark: Record<string, Condition> = {
  nwt: 'new',
  ret: 'new',
  nwot: 'like_new',
  like_new: 'like_new',
  good: 'good',
  fair: 'fair',
  // "Not new with tags": used, grade unknown.
  not_nwt: 'good',
};

/** The canonical condition of a Poshmark condition value, or `null` when unknown. */
export function fromPoshmarkCondition(value: string | null | undefined): Condition | null {
  if (!value) return null;
  return fromPoshmark[value.trim().toLowerCase()] ?? null;
}

const toPoshmark: Record<Condition, PoshmarkCondition | null> = {
  new: 'nwt',
  like_new: 'like_new',
  excellent: 'like_new',
  good: 'good',
  fair: 'fair',
  poor: 'fair',
  // Poshmark sells wearable items; broken goods have no condition there.
  for_parts: null,
};

/** The Poshmark condition of a canonical one, `null` when Poshmark has none. */
export function toPoshmarkCondition(condition: Condition): PoshmarkCondition | null {
  return toPoshmark[condition];
}
