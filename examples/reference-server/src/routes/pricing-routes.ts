import { ComparableSchema, MoneySchema, NotFoundError, PriceAnalysisSchema } from '@deal-scout/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDependencies } from '../http/app-types';
import { problemResponses } from './shared-schemas';

const ListingIdParams = z.object({ listing_id: z.string().min(3).max(240) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const RecommendationSchema = z.object({
  listingId: z.string(),
  title: z.string(),
  currentPrice: MoneySchema,
  recommendedPrice: MoneySchema.nullable(),
  action: z.enum(['lower', 'raise', 'keep', 'unknown']),
  analysis: PriceAnalysisSchema,
});

/** The roadmap's pricing endpoints on `scout.pricing`. */
export function registerPricingRoutes(app: App, deps: AppDependencies): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/listings/{listing_id}/analyze-price',
      tags: ['Pricing'],
      summary: 'Analyse a listing against the market',
      description:
        'Comparables, robust market statistics, trend, anomaly flag, deal score and a recommended price range. Stored, and readable with GET …/price-analysis.',
      security: [{ bearerAuth: [] }],
      request: { params: ListingIdParams },
      responses: { 200: json(PriceAnalysisSchema, 'The analysis'), ...problemResponses },
    }),
    async (c) => c.json(await deps.scout.pricing.analyze(c.req.valid('param').listing_id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/listings/{listing_id}/price-analysis',
      tags: ['Pricing'],
      summary: 'The latest stored analysis',
      security: [{ bearerAuth: [] }],
      request: { params: ListingIdParams },
      responses: { 200: json(PriceAnalysisSchema, 'The latest analysis'), ...problemResponses },
    }),
    async (c) => {
      const id = c.req.valid('param').listing_id;
      const analysis = await deps.scout.pricing.latest(id);
      if (!analysis) throw new NotFoundError({ resource: 'price analysis of listing', id });
      return c.json(analysis, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/listings/{listing_id}/comparable-listings',
      tags: ['Pricing'],
      summary: 'Comparable listings with prices (the competition)',
      security: [{ bearerAuth: [] }],
      request: {
        params: ListingIdParams,
        query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      },
      responses: {
        200: json(z.object({ items: z.array(ComparableSchema) }), 'Most similar first'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const items = await deps.scout.pricing.comparables(c.req.valid('param').listing_id, {
        limit: c.req.valid('query').limit,
      });
      return c.json({ items }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/seller/pricing/optimize',
      tags: ['Pricing'],
      summary: "Batch-analyse the caller's active listings",
      description:
        'Analyses every active listing whose seller is the calling user and returns a recommendation for each.',
      security: [{ bearerAuth: [] }],
      request: {
        body: {
          required: false,
          content: {
            'application/json': {
              schema: z.object({ maxListings: z.number().int().min(1).max(500).optional() }),
            },
          },
        },
      },
      responses: {
        200: json(z.object({ items: z.array(RecommendationSchema) }), 'A recommendation per listing'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { maxListings?: number };
      const items = await deps.scout.pricing.optimize(
        c.get('caller').userId,
        body.maxListings ? { maxListings: body.maxListings } : {},
      );
      return c.json({ items }, 200);
    },
  );
}
