import type { Listing, ListingRepositoryV1, ListingUpsertResultV1, PricePointV1 } from '@deal-scout/core';
import type { SqlExecutor } from '../client/sql-client';
import { createParameters, cursorKeyOf, type KeysetOrdering, toPage } from '../values/keyset-page';
import { toIsoTimestamp, toSafeInteger } from '../values/sql-values';
import { assertStorableJsonText } from '../values/storable-value';
import {
  ListingQuerySchema,
  LookupIdSchema,
  LookupIdsSchema,
  NowSchema,
  PageRequestSchema,
  parseStorageInput,
  StorableTimestampSchema,
  validateListingsInput,
} from '../values/storage-inputs';
import { fromListingRow, type ListingRecord, listingColumns, toListingRecord } from './listing-row';
import { concurrentChange, type RepositoryContext } from './repository-context';
import { upsertListingsStatement } from './upsert-listings-statement';

/** Listings per upsert statement; a larger batch runs as several statements in one transaction. */
const statementBatchSize = 1000;

const changedOrdering: KeysetOrdering = { name: 'listings.changed', kinds: ['timestamp', 'string'] };
const postedOrdering: KeysetOrdering = { name: 'listings.posted', kinds: ['timestamp', 'string'] };

/** Listings of one upsert statement, with the JSON text sent as its `jsonb` parameter. */
type Chunk = { readonly records: readonly ListingRecord[]; readonly json: string };

/** One row of the upsert statement per input listing. */
type UpsertedRow = {
  id: string;
  /** It was stored before this upsert (then the previous values below are set). */
  stored: boolean;
  price_amount: unknown;
  price_currency: string | null;
  status: Listing['status'] | null;
  /** `true` created here, `false` updated, `null` unchanged (or created concurrently). */
  inserted: boolean | null;
};

/**
 * Listings and their price history. An upsert sends each chunk as one statement that locks the
 * stored rows of its listings (in id order, so concurrent batches cannot deadlock), reads their
 * price and status, writes every row and every price point, and tells which listings really
 * changed.
 */
export function createListingRepository(context: RepositoryContext): ListingRepositoryV1 {
  const { tables } = context;
  const upsertStatement = upsertListingsStatement(tables);

  async function upsertChunk(
    tx: SqlExecutor,
    { records, json }: Chunk,
    now: string,
  ): Promise<ListingUpsertResultV1[]> {
    const { rows } = await tx.query<UpsertedRow>(upsertStatement, [json, now]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return records.map((record): ListingUpsertResultV1 => {
      const row = byId.get(record.id);
      if (!row) throw new Error(`the listing upsert returned no row for ${record.id}`);
      if (!row.stored) {
        if (row.inserted !== true) {
          // Another transaction created this listing after the lock looked for it: the
          // outcome and price history of this run would be wrong, so start over and see its row.
          throw concurrentChange(`listing ${record.id} was created concurrently`);
        }
        return { id: record.id, outcome: 'created', previousPrice: null, previousStatus: null };
      }
      if (row.inserted === null) {
        return { id: record.id, outcome: 'unchanged', previousPrice: null, previousStatus: null };
      }
      const previousAmount = toSafeInteger(row.price_amount);
      const previousCurrency = row.price_currency ?? '';
      const priceChanged =
        previousAmount !== record.price_amount || previousCurrency !== record.price_currency;
      return {
        id: record.id,
        outcome: 'updated',
        previousPrice: priceChanged ? { amount: previousAmount, currency: previousCurrency } : null,
        previousStatus: row.status !== record.status ? row.status : null,
      };
    });
  }

  return {
    async upsertMany(listings, options) {
      const parsed = validateListingsInput(listings);
      const { now } = parseStorageInput(NowSchema, options, { subject: 'upsert options', field: 'options' });
      // The last duplicate wins and takes the last position, as in the reference storage.
      const byId = new Map<string, ListingRecord>();
      for (const listing of parsed) {
        byId.delete(listing.id);
        byId.set(listing.id, toListingRecord(listing));
      }
      const records = [...byId.values()];
      if (records.length === 0) return [];
      const chunks: Chunk[] = [];
      for (let start = 0; start < records.length; start += statementBatchSize) {
        const chunkRecords = records.slice(start, start + statementBatchSize);
        chunks.push({ records: chunkRecords, json: JSON.stringify(chunkRecords) });
      }
      // Every string is checked before any SQL runs, on the text about to be sent.
      for (const chunk of chunks) {
        assertStorableJsonText(chunk.json, parsed, { subject: 'listings', field: 'listings' });
      }
      return context.run('listings.upsertMany', () =>
        context.transaction(async (tx) => {
          const results: ListingUpsertResultV1[] = [];
          for (const chunk of chunks) results.push(...(await upsertChunk(tx, chunk, now)));
          return results;
        }),
      );
    },

    async get(id) {
      const lookup = parseStorageInput(LookupIdSchema, id, { subject: 'listing id', field: 'id' });
      return context.run('listings.get', async () => {
        const { rows } = await context.sql.query<Parameters<typeof fromListingRow>[0]>(
          `SELECT ${listingColumns} FROM ${tables.listings} WHERE id = $1`,
          [lookup],
        );
        return rows[0] ? fromListingRow(rows[0]) : null;
      });
    },

    async getMany(ids) {
      const lookup = parseStorageInput(LookupIdsSchema, ids, { subject: 'listing ids', field: 'ids' });
      if (lookup.length === 0) return [];
      return context.run('listings.getMany', async () => {
        const { rows } = await context.sql.query<Parameters<typeof fromListingRow>[0]>(
          `SELECT ${listingColumns} FROM ${tables.listings} WHERE id = ANY($1::text[])`,
          [lookup],
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        return lookup.flatMap((id) => {
          const row = byId.get(id);
          return row ? [fromListingRow(row)] : [];
        });
      });
    },

    async listChangedSince(since, page) {
      const from = parseStorageInput(StorableTimestampSchema, since, { subject: 'since', field: 'since' });
      const { limit, cursor } = parseStorageInput(PageRequestSchema, page, {
        subject: 'page request',
        field: 'page',
      });
      const after = cursorKeyOf(cursor, changedOrdering);
      return context.run('listings.listChangedSince', async () => {
        const { values, param } = createParameters();
        const where = [`changed_at >= ${param(from)}::timestamptz`];
        if (after) where.push(`(changed_at, id) > (${param(after[0])}::timestamptz, ${param(after[1])})`);
        const { rows } = await context.sql.query<
          Parameters<typeof fromListingRow>[0] & { changed_at: unknown }
        >(
          `SELECT ${listingColumns}, changed_at FROM ${tables.listings}
           WHERE ${where.join(' AND ')} ORDER BY changed_at, id LIMIT ${param(limit + 1)}`,
          values,
        );
        return toPage(
          rows,
          limit,
          changedOrdering,
          (row) => [toIsoTimestamp(row.changed_at), row.id],
          fromListingRow,
        );
      });
    },

    async query(query) {
      const parsed = parseStorageInput(ListingQuerySchema, query, {
        subject: 'listing query',
        field: 'query',
      });
      const after = cursorKeyOf(parsed.cursor, postedOrdering);
      return context.run('listings.query', async () => {
        const { values, param } = createParameters();
        const where: string[] = [];
        if (parsed.ids) where.push(`id = ANY(${param(parsed.ids)}::text[])`);
        if (parsed.marketplace !== undefined) where.push(`marketplace = ${param(parsed.marketplace)}`);
        if (parsed.sellerId !== undefined) where.push(`seller_id = ${param(parsed.sellerId)}`);
        if (parsed.statuses) where.push(`status = ANY(${param(parsed.statuses)}::text[])`);
        if (parsed.categories) where.push(`category = ANY(${param(parsed.categories)}::text[])`);
        if (parsed.postedSince !== undefined) {
          where.push(`posted_at >= ${param(parsed.postedSince)}::timestamptz`);
        }
        if (after) {
          const postedAt = param(after[0]);
          where.push(
            `(posted_at < ${postedAt}::timestamptz OR (posted_at = ${postedAt}::timestamptz AND id > ${param(after[1])}))`,
          );
        }
        const { rows } = await context.sql.query<Parameters<typeof fromListingRow>[0]>(
          `SELECT ${listingColumns} FROM ${tables.listings}
           ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY posted_at DESC, id LIMIT ${param(parsed.limit + 1)}`,
          values,
        );
        return toPage(
          rows,
          parsed.limit,
          postedOrdering,
          (row) => [toIsoTimestamp(row.posted_at), row.id],
          fromListingRow,
        );
      });
    },

    async priceHistory(id) {
      const lookup = parseStorageInput(LookupIdSchema, id, { subject: 'listing id', field: 'id' });
      return context.run('listings.priceHistory', async () => {
        const { rows } = await context.sql.query<{ amount: unknown; currency: string; observed_at: unknown }>(
          `SELECT amount, currency, observed_at FROM ${tables.priceHistory} WHERE listing_id = $1 ORDER BY seq`,
          [lookup],
        );
        return rows.map(
          (row): PricePointV1 => ({
            price: { amount: toSafeInteger(row.amount), currency: row.currency },
            observedAt: toIsoTimestamp(row.observed_at),
          }),
        );
      });
    },

    async deleteMany(ids) {
      const lookup = parseStorageInput(LookupIdsSchema, ids, { subject: 'listing ids', field: 'ids' });
      if (lookup.length === 0) return 0;
      return context.run('listings.deleteMany', () =>
        context.transaction(async (tx) => {
          // Locking first waits for a running upsert of these listings, and the statement after
          // it sees that upsert's price points, so no point outlives its listing.
          await tx.query(
            `SELECT id FROM ${tables.listings} WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
            [lookup],
          );
          const { rows } = await tx.query<{ deleted: unknown }>(
            `WITH gone AS (DELETE FROM ${tables.listings} WHERE id = ANY($1::text[]) RETURNING id),
             history AS (DELETE FROM ${tables.priceHistory} WHERE listing_id = ANY($1::text[]))
             SELECT count(*) AS deleted FROM gone`,
            [lookup],
          );
          return toSafeInteger(rows[0]?.deleted ?? 0);
        }),
      );
    },

    async count() {
      return context.run('listings.count', async () => {
        const { rows } = await context.sql.query<{ count: unknown }>(
          `SELECT count(*) AS count FROM ${tables.listings}`,
        );
        return toSafeInteger(rows[0]?.count ?? 0);
      });
    },
  };
}
