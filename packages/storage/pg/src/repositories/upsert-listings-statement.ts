import type { TableNames } from '../schema-name';

/**
 * The one statement that writes a chunk of listings. Parameters:
 * - `$1` jsonb: the created and changed listings ({@link ListingRecord} plus `append_price`);
 * - `$2` timestamptz: the upsert's `now`;
 * - `$3` text[]: ids of unchanged listings, whose `last_seen_at` alone is refreshed;
 * - `$4` text[]: ids the caller believed new.
 *
 * It inserts or updates every listing in id order (two concurrent batches then take row locks in
 * the same order and cannot deadlock), appends a price point for each `append_price`, and returns
 * the ids of `$4` that turned out to exist already (a concurrent insert), which the caller treats
 * as a lost race. Data-modifying CTEs all run to completion, within the caller's transaction.
 */
export function upsertListingsStatement(tables: TableNames): string {
  return `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
    id text, marketplace text, external_id text, seller_id text, status text, category text,
    price_amount bigint, price_currency text, posted_at timestamptz, doc jsonb, content_hash text,
    append_price boolean
  )
),
written AS (
  INSERT INTO ${tables.listings} AS l (
    id, marketplace, external_id, seller_id, status, category, price_amount, price_currency,
    posted_at, doc, content_hash, first_seen_at, last_seen_at, changed_at
  )
  SELECT id, marketplace, external_id, seller_id, status, category, price_amount, price_currency,
    posted_at, doc, content_hash, $2::timestamptz, $2::timestamptz, $2::timestamptz
  FROM input ORDER BY id
  ON CONFLICT (id) DO UPDATE SET
    marketplace = excluded.marketplace,
    external_id = excluded.external_id,
    seller_id = excluded.seller_id,
    status = excluded.status,
    category = excluded.category,
    price_amount = excluded.price_amount,
    price_currency = excluded.price_currency,
    posted_at = excluded.posted_at,
    doc = excluded.doc,
    content_hash = excluded.content_hash,
    last_seen_at = excluded.last_seen_at,
    changed_at = excluded.changed_at
  RETURNING l.id, (l.xmax = 0) AS inserted
),
history AS (
  INSERT INTO ${tables.priceHistory} (listing_id, amount, currency, observed_at)
  SELECT id, price_amount, price_currency, $2::timestamptz FROM input WHERE append_price ORDER BY id
),
seen AS (
  UPDATE ${tables.listings} SET last_seen_at = $2::timestamptz WHERE id = ANY($3::text[])
)
SELECT id FROM written WHERE NOT inserted AND id = ANY($4::text[])`;
}
