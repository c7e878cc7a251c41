import { categoryIds } from '../listing/categories';

/** Bit position of each canonical category in a 64-bit mask split over two 32-bit words. */
export const categoryBit = new Map<string, number>(categoryIds.map((id, index) => [id, index]));

if (categoryIds.length > 64) {
  // The masks below hold 64 categories; a larger tree needs a third word.
  throw new RangeError('the rule index supports at most 64 canonical categories');
}

/**
 * Field offsets inside a rule's record. Ordered as the checks read them, so a candidate that
 * fails early touches only the record's first cache line. `NaN` and `-1` mean "no constraint".
 */
export const field = {
  /** The match call that last decided this rule, so a rule reached twice is checked once. */
  seen: 0,
  /** Interned currency of the price bounds, `-1` without a price criterion. */
  currency: 1,
  minAmount: 2,
  maxAmount: 3,
  /** Minimum `conditionRank`, `-1` without a condition criterion. */
  minimumCondition: 4,
  minDealScore: 5,
  /** Categories as a bit mask (bits 0–31 and 32–63); both zero means any category. */
  categoryLow: 6,
  categoryHigh: 7,
  /** Interned marketplace set, `0` for every marketplace. */
  marketplaceSet: 8,
  radiusMi: 9,
  lat: 10,
  lon: 11,
  /** Where the rule's keywords and exclusions start in the keyword pool, and how long they are. */
  dataStart: 12,
  dataLength: 13,
  /** Number of exclusions, so rules without any skip the keyword pool. */
  excludeCount: 14,
  /** How the rule is reached (see the paths in the index); `0` for a free slot. */
  path: 15,
} as const;

/** Doubles per record: 128 bytes, two cache lines. */
export const recordSize = 16;

/**
 * The criteria of every indexed rule but its keywords, as fixed-size records of doubles in one
 * `Float64Array`, addressed by the rule's slot. One record per rule instead of one object keeps
 * a million rules in 128 MB of flat memory, and checking a candidate reads one or two cache
 * lines instead of chasing pointers.
 */
export class RuleRecords {
  capacity = 0;
  data = new Float64Array(0);

  /** Makes room for at least one more slot, doubling the capacity. */
  grow(): void {
    const next = Math.max(1024, this.capacity * 2);
    const grown = new Float64Array(next * recordSize);
    grown.set(this.data);
    this.data = grown;
    this.capacity = next;
  }
}

/** The 64-bit category mask of a set of categories, as `[low, high]` words. */
export function categoryMask(categories: Iterable<string>): [number, number] {
  let low = 0;
  let high = 0;
  for (const category of categories) {
    const bit = categoryBit.get(category);
    if (bit === undefined) continue;
    if (bit < 32) low |= 1 << bit;
    else high |= 1 << (bit - 32);
  }
  return [low >>> 0, high >>> 0];
}
