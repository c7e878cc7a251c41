import type { Condition } from '@deal-scout/core';

/** OfferUp's condition keys, as its search `CONDITION` parameter takes them. */
export const offerUpConditions = ['NEW', 'OPEN_BOX', 'REFURBISHED', 'USED', 'BROKEN', 'OTHER'] as const;
export type OfferUpCondition = (typeof offerUpConditions)[number];

const toOfferUp: Record<Condition, OfferUpCondition> = {
  new: 'NEW',
  like_new: 'OPEN_BOX',
  excellent: 'USED',
  good: 'USED',
  fair: 'USED',
  poor: 'USED',
  for_parts: 'BROKEN',
};

/** The OfferUp condition for a canonical one. OfferUp has a single used grade. */
export function toOfferUpCondition(condition: Condition): OfferUpCondition {
  return toOfferUp[condition];
}

/**
 * The canonical condition of an OfferUp key (`OPEN_BOX`) or display text (`Used (normal wear)`,
 * `Open box`, `Reconditioned/Certified`, `For parts`), or `null` when it says nothing (`OTHER`).
 */
export function fromOfferUpCondition(value: string | null | undefined): Condition | null {
  if (!value) return null;
  const text = value.trim().toLowerCase().replaceAll('_', ' ');
  if (text === 'new' || text.startsWith('new ')) return 'new';
  if (text.startsWith('open box')) return 'like_new';
  if (text.startsWith('refurbished') || text.startsWith('reconditioned')) return 'excellent';
  if (text.startsWith('used')) return 'good';
  if (text.startsWith('broken') || text.startsWith('for parts')) return 'for_parts';
  return null;
}
