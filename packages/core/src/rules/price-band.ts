/**
 * Price bands for the rule index: band `b` holds amounts in [2^(b-1), 2^b) minor units (band 0
 * is anything below 1). A rule's price interval covers a run of bands; a listing's price falls
 * in exactly one, so the index can skip rules whose interval cannot contain it.
 */

/** Number of bands an interval may cover before it is too wide to be worth splitting. */
export const maxPriceBandSpan = 24;

/** The band of an amount of minor units; monotonic, so an interval maps to a run of bands. */
export function priceBand(amount: number): number {
  if (!(amount >= 1)) return 0;
  if (amount < 4294967296) return 32 - Math.clz32(amount);
  return Math.min(64, 64 - Math.clz32(Math.floor(amount / 4294967296)));
}

/**
 * The first and last band of an inclusive interval (`NaN` for an open end), or `null` when it
 * covers more than {@link maxPriceBandSpan} bands. An empty interval (min > max) has no bands.
 */
export function priceBandRange(min: number, max: number): [number, number] | null {
  const first = priceBand(Number.isNaN(min) ? 0 : min);
  const last = Number.isNaN(max) ? 64 : priceBand(max);
  return last - first + 1 > maxPriceBandSpan ? null : [first, last];
}
