import type { PriceAnalysis, PriceAnalysisRepositoryV1 } from '@deal-scout/core';
import { fromJson, toIsoTimestamp } from '../values/sql-values';
import { AnalysisSchema, LookupIdSchema, parseStorageInput } from '../values/storage-inputs';
import type { RepositoryContext } from './repository-context';

/**
 * The latest price analysis per listing. `put` keeps the stored analysis unless the new one is at
 * least as recent (a later put wins a tie), decided in one conditional upsert so concurrent puts
 * cannot leave an older analysis behind.
 */
export function createPriceAnalysisRepository(context: RepositoryContext): PriceAnalysisRepositoryV1 {
  const { tables } = context;
  return {
    async put(analysis) {
      const parsed = parseStorageInput(AnalysisSchema, analysis, {
        subject: 'price analysis',
        field: 'analysis',
        json: true,
      });
      const { listingId, id, analyzedAt, ...rest } = parsed;
      await context.run('priceAnalyses.put', () =>
        context.sql.query(
          `INSERT INTO ${tables.priceAnalyses} AS p (listing_id, id, analyzed_at, doc)
           VALUES ($1, $2, $3::timestamptz, $4::jsonb)
           ON CONFLICT (listing_id) DO UPDATE SET id = excluded.id, analyzed_at = excluded.analyzed_at,
             doc = excluded.doc
           WHERE excluded.analyzed_at >= p.analyzed_at`,
          [listingId, id, analyzedAt, JSON.stringify(rest)],
        ),
      );
    },

    async latest(listingId) {
      const lookup = parseStorageInput(LookupIdSchema, listingId, {
        subject: 'listing id',
        field: 'listingId',
      });
      return context.run('priceAnalyses.latest', async () => {
        const { rows } = await context.sql.query<{
          listing_id: string;
          id: string;
          analyzed_at: unknown;
          doc: unknown;
        }>(`SELECT listing_id, id, analyzed_at, doc FROM ${tables.priceAnalyses} WHERE listing_id = $1`, [
          lookup,
        ]);
        const row = rows[0];
        if (!row) return null;
        return {
          ...fromJson<Omit<PriceAnalysis, 'listingId' | 'id' | 'analyzedAt'>>(row.doc),
          listingId: row.listing_id,
          id: row.id,
          analyzedAt: toIsoTimestamp(row.analyzed_at),
        };
      });
    },
  };
}
