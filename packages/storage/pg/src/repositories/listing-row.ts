import type { Listing } from '@deal-scout/core';
import { fromJson, toIsoTimestamp, toSafeInteger } from '../values/sql-values';

/** The columns a listing query selects, in the shape {@link fromListingRow} reads. */
export const listingColumns =
  'id, marketplace, external_id, status, category, price_amount, price_currency, posted_at, doc';

/** A listing as `jsonb_to_recordset` reads it in an upsert. */
export type ListingRecord = {
  readonly id: string;
  readonly marketplace: string;
  readonly external_id: string;
  readonly seller_id: string | null;
  readonly status: Listing['status'];
  readonly category: string | null;
  readonly price_amount: number;
  readonly price_currency: string;
  readonly posted_at: string;
  /** Every field that is not a column. */
  readonly doc: Record<string, unknown>;
};

/** Splits a validated listing into its queried columns and the `jsonb` rest. */
export function toListingRecord(listing: Listing): ListingRecord {
  const { id, marketplace, externalId, status, category, price, postedAt, ...rest } = listing;
  return {
    id,
    marketplace,
    external_id: externalId,
    seller_id: listing.seller?.id ?? null,
    status,
    category: category ?? null,
    price_amount: price.amount,
    price_currency: price.currency,
    posted_at: postedAt,
    doc: rest,
  };
}

type ListingRow = {
  id: string;
  marketplace: string;
  external_id: string;
  status: Listing['status'];
  category: string | null;
  price_amount: unknown;
  price_currency: string;
  posted_at: unknown;
  doc: unknown;
};

/** Rebuilds the listing from its columns and `jsonb` rest. */
export function fromListingRow(row: ListingRow): Listing {
  const rest = fromJson<Omit<Listing, 'id' | 'marketplace' | 'externalId' | 'status' | 'price' | 'postedAt'>>(
    row.doc,
  );
  return {
    id: row.id,
    marketplace: row.marketplace,
    externalId: row.external_id,
    ...rest,
    price: { amount: toSafeInteger(row.price_amount), currency: row.price_currency },
    status: row.status,
    ...(row.category === null ? {} : { category: row.category as NonNullable<Listing['category']> }),
    postedAt: toIsoTimestamp(row.posted_at),
  };
}
