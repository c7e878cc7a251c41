import { z } from 'zod';
import { ValidationError } from '../../errors/validation-error';
import { parseInput } from '../../shared/parse-input';
import type { PageRequestV1, PageV1 } from '../../storage/v1/page-v1';
import { selectFirst } from './select-first';

/** A sort key: the values an ordering compares, most significant first. */
export type SortKey = readonly (string | number)[];

/** Direction of each part of a sort key. */
export type SortDirection = readonly ('asc' | 'desc')[];

const PageRequestSchema = z.object({
  limit: z.number().int('must be an integer').min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
  cursor: z.string().max(4096).nullable().optional(),
});

/** Validates a page request (limit 1–1000), throwing a `ValidationError` naming the field. */
export function parsePageRequest(page: PageRequestV1): PageRequestV1 {
  return parseInput(PageRequestSchema, page, { subject: 'page request', source: 'storage' });
}

/** The opaque cursor of a sort key: base64url of its JSON. */
export function encodeCursor(key: SortKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Reads a cursor made by {@link encodeCursor}; throws a `ValidationError` on `cursor` if it is not one. */
export function decodeCursor(cursor: string, length: number): SortKey {
  try {
    const base64 = cursor.replaceAll('-', '+').replaceAll('_', '/');
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const key: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return key;
    }
  } catch {
    // Falls through to the validation error below: a malformed cursor is bad input, not a crash.
  }
  throw new ValidationError({
    issues: [{ field: 'cursor', message: 'is not a cursor returned by this storage' }],
    subject: 'page request',
    source: 'storage',
  });
}

/** Compares two sort keys under the given directions. */
export function compareKeys(a: SortKey, b: SortKey, direction: SortDirection): number {
  for (let i = 0; i < a.length; i++) {
    const left = a[i] as string | number;
    const right = b[i] as string | number;
    if (left === right) continue;
    const order = left < right ? -1 : 1;
    return direction[i] === 'desc' ? -order : order;
  }
  return 0;
}

/**
 * One page of `items` in the order given by `keyOf` and `direction`: the items strictly after the
 * cursor's key, up to `limit`. Keys are unique (they end with the id), so paging is complete and
 * never repeats an item even when items are added between pages.
 */
export function paginate<T>(
  items: Iterable<T>,
  keyOf: (item: T) => SortKey,
  direction: SortDirection,
  page: PageRequestV1,
): PageV1<T> {
  const { limit, cursor } = parsePageRequest(page);
  const after = cursor ? decodeCursor(cursor, direction.length) : null;
  // Only the page plus one item (to know whether more follow) is ever sorted.
  const selected = selectFirst(
    [...items],
    keyOf,
    (a, b) => compareKeys(a, b, direction),
    after ? (key) => compareKeys(key, after, direction) > 0 : null,
    limit + 1,
  );
  const slice = selected.slice(0, limit);
  const last = slice.at(-1);
  return {
    items: slice.map(({ hit }) => structuredClone(hit)),
    nextCursor: selected.length > limit && last ? encodeCursor(last.key) : null,
  };
}
