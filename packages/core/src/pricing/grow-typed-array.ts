/**
 * Returns `array` if it holds `needed` elements, otherwise a copy at least twice as long (amortised
 * O(1) appends for the comparables index's columns and postings).
 */
export function grow<T extends Float64Array | Int32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}
