import type { Listing, ListingStatus } from '../../listing/listing';
import type { Money } from '../../listing/money';
import type { PageRequestV1, PageV1 } from './page-v1';

/** One observed price of a listing. */
export type PricePointV1 = { readonly price: Money; readonly observedAt: string };

/** What upserting one listing changed. */
export type ListingUpsertResultV1 = {
  readonly id: string;
  readonly outcome: 'created' | 'updated' | 'unchanged';
  /** The price before this upsert, when it changed. */
  readonly previousPrice: Money | null;
  /** The status before this upsert, when it changed. */
  readonly previousStatus: ListingStatus | null;
};

/** Filters for {@link ListingRepositoryV1.query}; every field narrows, all are optional. */
export type ListingQueryV1 = PageRequestV1 & {
  readonly ids?: readonly string[];
  readonly marketplace?: string;
  readonly sellerId?: string;
  readonly statuses?: readonly ListingStatus[];
  /** Exact canonical category ids (callers expand descendants). */
  readonly categories?: readonly string[];
  /** Inclusive lower bound on `postedAt`. */
  readonly postedSince?: string;
};

/** Listings and their price history. */
export type ListingRepositoryV1 = {
  /**
   * Inserts or updates listings by id, atomically: either every listing in the batch is stored or
   * none is. A changed price appends to the price history (observed at `now`); an unchanged
   * listing only refreshes `lastSeenAt`. Duplicate ids in one batch: the last one wins.
   */
  upsertMany(
    listings: readonly Listing[],
    options: { readonly now: string },
  ): Promise<ListingUpsertResultV1[]>;
  /** One listing, or `null`. */
  get(id: string): Promise<Listing | null>;
  /** Listings in the order of `ids`, skipping unknown ones. */
  getMany(ids: readonly string[]): Promise<Listing[]>;
  /**
   * Listings stored or changed at or after `since` (the `now` given to `upsertMany`), oldest
   * change first, then by id; the cursor continues a page.
   */
  listChangedSince(since: string, page: PageRequestV1): Promise<PageV1<Listing>>;
  /** Filtered listings, newest `postedAt` first, then by id. */
  query(query: ListingQueryV1): Promise<PageV1<Listing>>;
  /** Price history, oldest first; the first point is the price when first stored. */
  priceHistory(id: string): Promise<PricePointV1[]>;
  /** Deletes listings and their history; returns how many existed. */
  deleteMany(ids: readonly string[]): Promise<number>;
  /** Number of stored listings. */
  count(): Promise<number>;
};
