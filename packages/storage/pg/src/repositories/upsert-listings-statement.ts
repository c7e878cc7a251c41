import type { TableNames } from '../schema-name';

/**
 * Locks the stored rows of a chunk of listings in id order (concurrent batches then lock in the
 * same order and cannot deadlock) and returns their price and status, which decide the price
 * history and the reported previous values. `$1`: the ids.
 */
export function lockListingsStatement(tables: TableNames): string {
  return `SELECT id, price_amount, price_currency, status FROM ${tables.listings}
    WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`;
}

/** Every stored field of a listing as one row value, to compare stored with incoming. */
const contentOf = (alias: string) =>
  `(${alias}.marketplace, ${alias}.external_id, ${alias}.seller_id, ${alias}.status, ${alias}.category,
    ${alias}.price_amount, ${alias}.price_currency, ${alias}.posted_at, ${alias}.doc)`;

/**
 * Writes a chunk of listings in one statement. Parameters:
 * - `$1` jsonb: the chunk as a JSON array of {@link ListingRecord}s;
 * - `$2` timestamptz: the upsert's `now`;
 * - `$3` text[]: ids whose price is new or changed, which get a price point;
 * - `$4` text[]: ids that were stored before (only those can be unchanged).
 *
 * New listings are inserted; stored ones are updated only when some field differs (`jsonb`
 * equality ignores key order, so attributes in another order are not a change); the rest only get
 * `last_seen_at`. Rows are written in id order. Returns one row per inserted or changed listing,
 * with `inserted`. Data-modifying CTEs all run to completion, inside the caller's transaction,
 * and touch disjoint rows.
 */
export function upsertListingsStatement(tables: TableNames): string {
  return `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
    id text, marketplace text, external_id text, seller_id text, status text, category text,
    price_amount bigint, price_currency char(3), posted_at timestamptz, doc jsonb)
),
written AS (
  INSERT INTO ${tables.listings} AS l (
    id, marketplace, external_id, seller_id, status, category, price_amount, price_currency,
    posted_at, doc, first_seen_at, last_seen_at, changed_at
  )
  SELECT id, marketplace, external_id, seller_id, status, category, price_amount, price_currency,
    posted_at, doc, $2::timestamptz, $2::timestamptz, $2::timestamptz
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
    last_seen_at = excluded.last_seen_at,
    changed_at = excluded.changed_at
  WHERE ${contentOf('l')} IS DISTINCT FROM ${contentOf('excluded')}
  RETURNING l.id, (l.xmax = 0) AS inserted
),
history AS (
  INSERT INTO ${tables.priceHistory} (listing_id, amount, currency, observed_at)
  SELECT id, price_amount, price_currency, $2::timestamptz FROM input
  WHERE id = ANY($3::text[]) ORDER BY id
),
seen AS (
  UPDATE ${tables.listings} SET last_seen_at = $2::timestamptz
  WHERE id = ANY($4::text[]) AND id NOT IN (SELECT id FROM written)
)
SELECT id, inserted FROM written`;
}
