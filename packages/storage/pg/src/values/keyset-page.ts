import type { PageV1 } from '@deal-scout/core';
import { type CursorKey, type CursorPartKind, decodeCursor, encodeCursor } from './cursor';

/**
 * Keyset pagination: a query asks for `limit + 1` rows after the cursor's key; the extra row only
 * says whether another page exists. Keys end with the id, so they are unique and a page never
 * repeats or skips a row, even when rows are added between pages.
 */
export type KeysetOrdering = {
  /** Tags cursors, so a cursor of one listing cannot be replayed against another. */
  readonly name: string;
  readonly kinds: readonly CursorPartKind[];
};

/** The key a page continues after, or `null` for the first page. */
export function cursorKeyOf(cursor: string | null | undefined, ordering: KeysetOrdering): CursorKey | null {
  return cursor ? decodeCursor(cursor, ordering.name, ordering.kinds) : null;
}

/** Builds the page from `limit + 1` fetched rows. */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  ordering: KeysetOrdering,
  keyOf: (row: Row) => CursorKey,
  toItem: (row: Row) => Item,
): PageV1<Item> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(ordering.name, keyOf(last)) : null,
  };
}

/** Collects positional parameters while a statement is assembled: `param(value)` returns `$n`. */
export function createParameters(): { readonly values: unknown[]; param(value: unknown): string } {
  const values: unknown[] = [];
  return {
    values,
    param(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}
