import type { Condition } from '@deal-scout/core';

/**
 * eBay item condition ids (developer.ebay.com "Item condition ID and name values") mapped onto the
 * canonical scale, with the Inventory API `ConditionEnum` value of each id.
 *
 * | eBay id | eBay name                        | ConditionEnum              | canonical   |
 * |---------|----------------------------------|----------------------------|-------------|
 * | 1000    | New                              | NEW                        | `new`       |
 * | 1500    | New other (see details)/Open box | NEW_OTHER                  | `like_new`  |
 * | 1750    | New with defects                 | NEW_WITH_DEFECTS           | `excellent` |
 * | 2000    | Certified – Refurbished          | CERTIFIED_REFURBISHED      | `excellent` |
 * | 2010    | Excellent – Refurbished          | EXCELLENT_REFURBISHED      | `excellent` |
 * | 2020    | Very Good – Refurbished          | VERY_GOOD_REFURBISHED      | `excellent` |
 * | 2030    | Good – Refurbished               | GOOD_REFURBISHED           | `good`      |
 * | 2500    | Seller refurbished               | SELLER_REFURBISHED         | `good`      |
 * | 2750    | Like New                         | LIKE_NEW                   | `like_new`  |
 * | 2990    | Pre-owned – Excellent            | PRE_OWNED_EXCELLENT        | `excellent` |
 * | 3000    | Used / Pre-owned                 | USED_EXCELLENT             | `good`      |
 * | 3010    | Pre-owned – Fair                 | PRE_OWNED_FAIR             | `fair`      |
 * | 4000    | Very Good                        | USED_VERY_GOOD             | `excellent` |
 * | 5000    | Good                             | USED_GOOD                  | `good`      |
 * | 6000    | Acceptable                       | USED_ACCEPTABLE            | `fair`      |
 * | 7000    | For parts or not working         | FOR_PARTS_OR_NOT_WORKING   | `for_parts` |
 *
 * 3000 is eBay's generic "Used" in categories without graded used conditions; it says nothing
 * about wear, so it maps to `good` (the same as the free text "used"), even though its enum name
 * is USED_EXCELLENT. No eBay condition means `poor`.
 */
export const ebayConditionTable: ReadonlyArray<{
  readonly id: number;
  readonly conditionEnum: string;
  readonly condition: Condition;
}> = [
  { id: 1000, conditionEnum: 'NEW', condition: 'new' },
  { id: 1500, conditionEnum: 'NEW_OTHER', condition: 'like_new' },
  { id: 1750, conditionEnum: 'NEW_WITH_DEFECTS', condition: 'excellent' },
  { id: 2000, conditionEnum: 'CERTIFIED_REFURBISHED', condition: 'excellent' },
  { id: 2010, conditionEnum: 'EXCELLENT_REFURBISHED', condition: 'excellent' },
  { id: 2020, conditionEnum: 'VERY_GOOD_REFURBISHED', condition: 'excellent' },
  { id: 2030, conditionEnum: 'GOOD_REFURBISHED', condition: 'good' },
  { id: 2500, conditionEnum: 'SELLER_REFURBISHED', condition: 'good' },
  { id: 2750, conditionEnum: 'LIKE_NEW', condition: 'like_new' },
  { id: 2990, conditionEnum: 'PRE_OWNED_EXCELLENT', condition: 'excellent' },
  { id: 3000, conditionEnum: 'USED_EXCELLENT', condition: 'good' },
  { id: 3010, conditionEnum: 'PRE_OWNED_FAIR', condition: 'fair' },
  { id: 4000, conditionEnum: 'USED_VERY_GOOD', condition: 'excellent' },
  { id: 5000, conditionEnum: 'USED_GOOD', condition: 'good' },
  { id: 6000, conditionEnum: 'USED_ACCEPTABLE', condition: 'fair' },
  { id: 7000, conditionEnum: 'FOR_PARTS_OR_NOT_WORKING', condition: 'for_parts' },
];

const byId = new Map(ebayConditionTable.map((row) => [row.id, row]));

/** The canonical condition of an eBay condition id (number or numeric string), or `null` if unknown. */
export function conditionFromEbayId(id: string | number | undefined): Condition | null {
  if (id === undefined) return null;
  return byId.get(Number(id))?.condition ?? null;
}

/** Every eBay condition id that maps onto one of `conditions` (for the Browse `conditionIds` filter). */
export function ebayConditionIdsFor(conditions: readonly Condition[]): number[] {
  return ebayConditionTable.filter((row) => conditions.includes(row.condition)).map((row) => row.id);
}

/**
 * The Inventory API `ConditionEnum` used when publishing a canonical condition. `excellent` is sent
 * as USED_VERY_GOOD (4000) only where that is what the seller means; eBay accepts USED_EXCELLENT
 * (3000, "Used") in far more categories, so it is the default for `excellent` and `good`.
 * `poor` has no eBay equivalent and is sent as USED_ACCEPTABLE (6000), eBay's lowest working grade.
 */
export const ebayConditionEnumFor: Readonly<Record<Condition, string>> = {
  new: 'NEW',
  like_new: 'LIKE_NEW',
  excellent: 'USED_EXCELLENT',
  good: 'USED_EXCELLENT',
  fair: 'USED_ACCEPTABLE',
  poor: 'USED_ACCEPTABLE',
  for_parts: 'FOR_PARTS_OR_NOT_WORKING',
};
