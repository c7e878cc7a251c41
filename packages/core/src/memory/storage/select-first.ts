import type { SortKey } from './paging';

/**
 * The first `count` items in key order (keeping only those `accept` passes), sorted, without
 * sorting everything: a sorted buffer of at most `count` entries, where most items are rejected by
 * one comparison with the buffer's last entry. O(n · log count) comparisons at worst.
 */
export function selectFirst<T>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  compare: (a: SortKey, b: SortKey) => number,
  accept: ((key: SortKey) => boolean) | null,
  count: number,
): { hit: T; key: SortKey }[] {
  const buffer: { hit: T; key: SortKey }[] = [];
  for (const hit of items) {
    const key = keyOf(hit);
    if (accept && !accept(key)) continue;
    const last = buffer[buffer.length - 1];
    if (buffer.length >= count && last && compare(key, last.key) >= 0) continue;
    let low = 0;
    let high = buffer.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(buffer[middle]!.key, key) <= 0) low = middle + 1;
      else high = middle;
    }
    buffer.splice(low, 0, { hit, key });
    if (buffer.length > count) buffer.pop();
  }
  return buffer;
}
