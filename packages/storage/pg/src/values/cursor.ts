import { ValidationError } from '@deal-scout/core';
import { loneSurrogate } from './lone-surrogate';

/** The values of the last row of a page, in sort order; the next page starts after them. */
export type CursorKey = readonly (string | number)[];

/** What each part of a cursor key holds; `timestamp` is an ISO-8601 UTC instant. */
export type CursorPartKind = 'string' | 'number' | 'timestamp';

/** An opaque cursor: base64url of the JSON of the key, tagged with the ordering it belongs to. */
export function encodeCursor(ordering: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([ordering, ...key]), 'utf8').toString('base64url');
}

/**
 * Reads a cursor made by {@link encodeCursor} for the same ordering, or throws a `ValidationError`
 * on `cursor`: a forged or foreign cursor is bad input, and its values only ever become parameters.
 */
export function decodeCursor(cursor: string, ordering: string, kinds: readonly CursorPartKind[]): CursorKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === kinds.length + 1 && parsed[0] === ordering) {
      const key = parsed.slice(1);
      if (key.every((part, index) => isOfKind(part, kinds[index]))) return key;
    }
  } catch {
    // Falls through to the validation error.
  }
  throw new ValidationError({
    issues: [{ field: 'cursor', message: 'is not a cursor returned by this storage for this query' }],
    subject: 'page request',
    source: 'storage',
  });
}

const isoInstant = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function isOfKind(part: unknown, kind: CursorPartKind | undefined): boolean {
  switch (kind) {
    case 'number':
      return typeof part === 'number' && Number.isSafeInteger(part);
    case 'timestamp':
      return typeof part === 'string' && isoInstant.test(part) && !Number.isNaN(Date.parse(part));
    case 'string':
      return (
        typeof part === 'string' &&
        part.length <= 1000 &&
        !part.includes('\u0000') &&
        !loneSurrogate.test(part)
      );
    default:
      return false;
  }
}
