import type { Listing } from '../listing/listing';
import type { StorageV1 } from '../storage/v1/storage-v1';

/** The earliest instant, so `listChangedSince` returns everything. */
const beginning = '1970-01-01T00:00:00.000Z';

/**
 * Reads every stored listing, page by page (1000 per page, the contract's maximum), calling
 * `onPage` for each page so callers never hold more than they need.
 */
export async function forEachStoredListing(
  storage: StorageV1,
  onPage: (listings: Listing[]) => void,
  signal?: AbortSignal,
): Promise<number> {
  let cursor: string | null = null;
  let total = 0;
  do {
    signal?.throwIfAborted();
    const page = await storage.listings.listChangedSince(beginning, { limit: 1000, cursor });
    onPage(page.items);
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}
