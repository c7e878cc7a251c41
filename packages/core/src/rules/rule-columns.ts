import { categoryIds } from '../listing/categories';

/** Bit position of each canonical category in a 64-bit mask split over two 32-bit words. */
export const categoryBit = new Map<string, number>(categoryIds.map((id, index) => [id, index]));

if (categoryIds.length > 64) {
  // The masks below hold 64 categories; a larger tree needs a third word.
  throw new RangeError('the rule index supports at most 64 canonical categories');
}

/**
 * The non-keyword criteria of every indexed rule, one typed array per criterion, addressed by
 * the rule's slot. Columns instead of an object per rule keep a million rules in a few hundred
 * bytes each and make checking a candidate a handful of array reads. `NaN` and `-1` mean "no
 * constraint".
 */
export class RuleColumns {
  capacity = 0;
  minAmount = new Float64Array(0);
  maxAmount = new Float64Array(0);
  /** Interned currency of the price bounds, `-1` without a price criterion. */
  currency = new Int32Array(0);
  /** Minimum `conditionRank`, `-1` without a condition criterion. */
  minimumCondition = new Int8Array(0);
  minDealScore = new Float64Array(0);
  lat = new Float64Array(0);
  lon = new Float64Array(0);
  radiusMi = new Float64Array(0);
  /** Categories as a bit mask (bits 0–31 and 32–63); both zero means any category. */
  categoryLow = new Uint32Array(0);
  categoryHigh = new Uint32Array(0);
  /** Interned marketplace set, `0` for every marketplace. */
  marketplaceSet = new Int32Array(0);
  /** How the rule is reached (see `RulePath` in the index); `0` for a free slot. */
  path = new Uint8Array(0);
  /** Where the rule's keywords and exclusions start in the keyword pool, and how long they are. */
  dataStart = new Int32Array(0);
  dataLength = new Int32Array(0);
  /** The match call that last decided this rule, so a rule reached twice is checked once. */
  seen = new Uint32Array(0);

  /** Makes room for slot `capacity`, doubling every column. */
  grow(): void {
    const next = Math.max(1024, this.capacity * 2);
    const resize = <T extends Float64Array | Int32Array | Int8Array | Uint32Array | Uint8Array>(
      array: T,
      make: (length: number) => T,
    ): T => {
      const grown = make(next);
      grown.set(array);
      return grown;
    };
    this.minAmount = resize(this.minAmount, (n) => new Float64Array(n));
    this.maxAmount = resize(this.maxAmount, (n) => new Float64Array(n));
    this.currency = resize(this.currency, (n) => new Int32Array(n));
    this.minimumCondition = resize(this.minimumCondition, (n) => new Int8Array(n));
    this.minDealScore = resize(this.minDealScore, (n) => new Float64Array(n));
    this.lat = resize(this.lat, (n) => new Float64Array(n));
    this.lon = resize(this.lon, (n) => new Float64Array(n));
    this.radiusMi = resize(this.radiusMi, (n) => new Float64Array(n));
    this.categoryLow = resize(this.categoryLow, (n) => new Uint32Array(n));
    this.categoryHigh = resize(this.categoryHigh, (n) => new Uint32Array(n));
    this.marketplaceSet = resize(this.marketplaceSet, (n) => new Int32Array(n));
    this.path = resize(this.path, (n) => new Uint8Array(n));
    this.dataStart = resize(this.dataStart, (n) => new Int32Array(n));
    this.dataLength = resize(this.dataLength, (n) => new Int32Array(n));
    this.seen = resize(this.seen, (n) => new Uint32Array(n));
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
