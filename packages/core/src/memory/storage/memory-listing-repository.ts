import type { Listing } from '../../listing/listing';
import type { Money } from '../../listing/money';
import type {
  ListingQueryV1,
  ListingRepositoryV1,
  ListingUpsertResultV1,
  PricePointV1,
} from '../../storage/v1/listing-repository-v1';
import type { PageRequestV1, PageV1 } from '../../storage/v1/page-v1';
import { deepEqual } from './deep-equal';
import { paginate } from './paging';
import { storableCopy } from './storable-copy';

type StoredListing = {
  listing: Listing;
  /** The `now` of the upsert that created or last changed it (drives `listChangedSince`). */
  changedAt: string;
  /** The `now` of the latest upsert that saw it, changed or not. */
  lastSeenAt: string;
  history: PricePointV1[];
};

const samePrice = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency;

/** Listings and their price history, held in a `Map` by id. */
export function createMemoryListingRepository(): ListingRepositoryV1 {
  const rows = new Map<string, StoredListing>();

  return {
    async upsertMany(listings, { now }) {
      // Compute every change first, then apply: nothing below can throw half-way through.
      const byId = new Map<string, Listing>();
      for (const listing of listings) {
        byId.delete(listing.id); // the last duplicate wins, and takes the last position
        byId.set(listing.id, storableCopy(listing, `listing '${listing.id}'`));
      }
      const results: ListingUpsertResultV1[] = [];
      const next: [string, StoredListing][] = [];
      for (const [id, listing] of byId) {
        const stored = rows.get(id);
        if (!stored) {
          next.push([
            id,
            {
              listing,
              changedAt: now,
              lastSeenAt: now,
              history: [{ price: listing.price, observedAt: now }],
            },
          ]);
          results.push({ id, outcome: 'created', previousPrice: null, previousStatus: null });
          continue;
        }
        if (deepEqual(stored.listing, listing)) {
          next.push([id, { ...stored, lastSeenAt: now }]);
          results.push({ id, outcome: 'unchanged', previousPrice: null, previousStatus: null });
          continue;
        }
        const priceChanged = !samePrice(stored.listing.price, listing.price);
        const statusChanged = stored.listing.status !== listing.status;
        next.push([
          id,
          {
            listing,
            changedAt: now,
            lastSeenAt: now,
            history: priceChanged
              ? [...stored.history, { price: structuredClone(listing.price), observedAt: now }]
              : stored.history,
          },
        ]);
        results.push({
          id,
          outcome: 'updated',
          previousPrice: priceChanged ? structuredClone(stored.listing.price) : null,
          previousStatus: statusChanged ? stored.listing.status : null,
        });
      }
      for (const [id, row] of next) rows.set(id, row);
      return results;
    },

    async get(id) {
      const row = rows.get(id);
      return row ? structuredClone(row.listing) : null;
    },

    async getMany(ids) {
      const out: Listing[] = [];
      for (const id of ids) {
        const row = rows.get(id);
        if (row) out.push(structuredClone(row.listing));
      }
      return out;
    },

    async listChangedSince(since: string, page: PageRequestV1): Promise<PageV1<Listing>> {
      const changed = [...rows.values()].filter((row) => row.changedAt >= since);
      const result = paginate(changed, (row) => [row.changedAt, row.listing.id], ['asc', 'asc'], page);
      return { items: result.items.map((row) => row.listing), nextCursor: result.nextCursor };
    },

    async query(query: ListingQueryV1) {
      const ids = query.ids ? new Set(query.ids) : null;
      const statuses = query.statuses ? new Set(query.statuses) : null;
      const categories = query.categories ? new Set<string>(query.categories) : null;
      const matches: Listing[] = [];
      for (const { listing } of rows.values()) {
        if (ids && !ids.has(listing.id)) continue;
        if (query.marketplace !== undefined && listing.marketplace !== query.marketplace) continue;
        if (query.sellerId !== undefined && listing.seller?.id !== query.sellerId) continue;
        if (statuses && !statuses.has(listing.status)) continue;
        if (categories && (!listing.category || !categories.has(listing.category))) continue;
        if (query.postedSince !== undefined && listing.postedAt < query.postedSince) continue;
        matches.push(listing);
      }
      return paginate(matches, (listing) => [listing.postedAt, listing.id], ['desc', 'asc'], query);
    },

    async priceHistory(id) {
      return structuredClone(rows.get(id)?.history ?? []);
    },

    async deleteMany(ids) {
      let deleted = 0;
      for (const id of new Set(ids)) if (rows.delete(id)) deleted++;
      return deleted;
    },

    async count() {
      return rows.size;
    },
  };
}
