import type { TableNames } from '../schema-name';

/** Every stored field of a listing as one row value, to compare stored with incoming. */
const contentOf = (alias: string) =>
  `(${alias}.marketplace, ${alias}.external_id, ${alias}.seller_id, ${alias}.status, ${alias}.category,
    ${alias}.price_amount, ${alias}.price_currency, ${alias}.posted_at, ${alias}.doc)`;

/**
 * Writes a chunk of listings in one statement (one round trip). Parameters:
 * - `$1` jsonb: the chunk as a JSON array of {@link ListingRecord}s, ids unique;
 * - `$2` timestamptz: the upsert's `now`.
 *
 * `before` locks the stored rows of the chunk in id order (concurrent batches then lock in the
 * same order and cannot deadlock) and reads their price and status; a row another transaction
 * changed while this one waited is read in its committed, latest version. From those rows:
 * new listings are inserted; stored ones are updated only when some field differs (`jsonb`
 * equality ignores key order, so attributes in another order are not a change); the rest only get
 * `last_seen_at`; a new listing or a changed price gets a price point. Rows are written in id
 * order. Data-modifying CTEs all run to completion inside the caller's transaction and touch
 * disjoint rows.
 *
 * Returns one row per input listing: `stored` (it existed when locked), its previous price and
 * status, and `inserted` (true: this statement created it; false: updated; null: unchanged). A
 * row that was not stored but comes back not inserted was created by a concurrent transaction
 * after the lock looked for it, and the caller must run the transaction again.
 */
export function upsertListingsStatement(tables: TableNames): string {
  return `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
    id text, marketplace text, external_id text, seller_id text, status text, category text,
    price_amount bigint, price_currency char(3), posted_at timestamptz, doc jsonb)
),
before AS (
  SELECT id, price_amount, price_currency, status FROM ${tables.listings}
  WHERE id IN (SELECT id FROM input) ORDER BY id FOR UPDATE
),
written AS (
  INSERT INTO ${tables.listings} AS l (
    id, marketplace, external_id, seller_id, status, category, price_amount, price_currency,
    posted_at, doc, first_seen_at, last_seen_at, changed_at
  )
  SELECT id, marketplace, external_id, seller_id, status, category, price_amount, price_currency,
    posted_at, doc, $2::timestamptz, $2::timestamptz, $2::timestamptz
  FROM input WHERE (SELECT count(*) FROM before) >= 0 ORDER BY id
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
  SELECT i.id, i.price_amount, i.price_currency, $2::timestamptz
  FROM input i LEFT JOIN before b ON b.id = i.id
  WHERE b.id IS NULL OR b.price_amount <> i.price_amount OR b.price_currency <> i.price_currency
  ORDER BY i.id
),
seen AS (
  UPDATE ${tables.listings} SET last_seen_at = $2::timestamptz
  WHERE id IN (SELECT id FROM before) AND id NOT IN (SELECT id FROM written)
)
SELECT i.id, b.id IS NOT NULL AS stored, b.price_amount, b.price_currency, b.status, w.inserted
FROM input i LEFT JOIN before b ON b.id = i.id LEFT JOIN written w ON w.id = i.id`;
}
