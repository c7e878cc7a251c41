import { CategoryIdSchema, ConditionSchema, ListingSchema } from '@deal-scout/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDependencies } from '../http/app-types';
import { requireAdmin } from '../http/auth-middleware';
import { problemResponses } from './shared-schemas';

const ListingIdParams = z.object({ listing_id: z.string().min(3).max(240) });

const SearchQuery = z.object({
  q: z.string().trim().min(1).max(500).optional(),
  category: CategoryIdSchema.optional(),
  condition: ConditionSchema.optional(),
  marketplace: z.string().min(1).max(32).optional(),
  min_price: z.coerce.number().int().min(0).optional().describe('Minimum price in minor units (cents)'),
  max_price: z.coerce.number().int().min(0).optional().describe('Maximum price in minor units (cents)'),
  currency: z.string().length(3).default('USD'),
  sort: z.enum(['relevance', 'newest', 'price_ascending', 'price_descending']).optional(),
  fuzzy: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2000).optional(),
});

const SearchResultSchema = z.object({
  items: z.array(
    z.object({ listing: ListingSchema, score: z.number(), highlights: z.array(z.string()).optional() }),
  ),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  facets: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  didYouMean: z.string().optional(),
});

const IngestBody = z.object({ listings: z.array(z.unknown()).min(1).max(5000) });
const IngestResultSchema = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  priceChanged: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(
    z.object({
      index: z.number().int(),
      id: z.string().nullable(),
      code: z.string(),
      field: z.string().optional(),
      message: z.string(),
    }),
  ),
});

/** Listing search and lookup, and the authenticated ingest route for feeds. */
export function registerListingRoutes(app: App, deps: AppDependencies): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/listings',
      tags: ['Listings'],
      summary: 'Search listings',
      security: [{ bearerAuth: [] }],
      request: { query: SearchQuery },
      responses: {
        200: {
          description: 'Matching listings',
          content: { 'application/json': { schema: SearchResultSchema } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const price = (amount: number | undefined) =>
        amount === undefined ? undefined : { amount, currency: q.currency.toUpperCase() };
      const minPrice = price(q.min_price);
      const maxPrice = price(q.max_price);
      const result = await deps.scout.listings.search({
        ...(q.q ? { text: q.q } : {}),
        ...(q.fuzzy ? { fuzzy: q.fuzzy === 'true' } : {}),
        filters: {
          ...(q.category ? { categories: [q.category] } : {}),
          ...(q.condition ? { conditions: [q.condition] } : {}),
          ...(q.marketplace ? { marketplaces: [q.marketplace] } : {}),
          ...(minPrice ? { minPrice } : {}),
          ...(maxPrice ? { maxPrice } : {}),
        },
        ...(q.sort ? { sort: q.sort } : {}),
        facets: ['category', 'condition', 'marketplace'],
        limit: q.limit,
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      return c.json(result as z.infer<typeof SearchResultSchema>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/listings/{listing_id}',
      tags: ['Listings'],
      summary: 'Get a listing',
      security: [{ bearerAuth: [] }],
      request: { params: ListingIdParams },
      responses: {
        200: { description: 'The listing', content: { 'application/json': { schema: ListingSchema } } },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await deps.scout.listings.get(c.req.valid('param').listing_id), 200),
  );

  app.use('/listings/ingest', requireAdmin());
  app.openapi(
    createRoute({
      method: 'post',
      path: '/listings/ingest',
      tags: ['Listings'],
      summary: 'Ingest listings from a feed (admin)',
      description:
        'Each listing is validated, stored with its price history, priced and matched at once. Invalid listings are reported one by one and never block the rest.',
      security: [{ bearerAuth: [] }],
      request: { body: { required: true, content: { 'application/json': { schema: IngestBody } } } },
      responses: {
        200: {
          description: 'What was stored and rejected',
          content: { 'application/json': { schema: IngestResultSchema } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { results: _, rejections, ...counts } = await deps.scout.ingest(c.req.valid('json').listings);
      return c.json(
        {
          ...counts,
          rejections: rejections.map((r) => ({
            index: r.index,
            id: r.id,
            code: r.error.code,
            ...('field' in r.error ? { field: String(r.error.field) } : {}),
            message: r.error.message,
          })),
        },
        200,
      );
    },
  );
}
