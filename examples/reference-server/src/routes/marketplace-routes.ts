import { ListingDraftSchema, MarketplaceAccountSchema, ValidationError } from '@deal-scout/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppDependencies, AppEnv } from '../http/app-types';
import { problemResponses } from './shared-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const MarketplaceParam = z.object({ marketplace: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/) });
const AccountViewSchema = MarketplaceAccountSchema.omit({ encryptedTokens: true });
/** Statuses the Fetch `Response` refuses any body for. */
const nullBodyStatuses = new Set([204, 205, 304]);

/** Account connection (OAuth), accounts, cross-posting and marketplace webhooks on `scout.marketplaces`. */
export function registerMarketplaceRoutes(app: App, deps: AppDependencies): void {
  const marketplaces = deps.scout.marketplaces;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{marketplace}/authorize',
      tags: ['Marketplaces'],
      summary: 'Start connecting a marketplace account (OAuth)',
      description:
        'Returns the consent URL to send the user to; the marketplace redirects back to GET /{marketplace}/callback. `state` is single-use, and PKCE is used where the marketplace supports it.',
      security: [{ bearerAuth: [] }],
      request: { params: MarketplaceParam },
      responses: {
        200: json(
          z.object({ authorizationUrl: z.url(), state: z.string(), expiresAt: z.string() }),
          'Where to send the user',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { marketplace } = c.req.valid('param');
      const start = await marketplaces.connect({
        userId: c.get('caller').userId,
        marketplace,
        redirectUri: `${deps.publicBaseUrl.replace(/\/$/, '')}/${marketplace}/callback`,
      });
      return c.json({ authorizationUrl: start.url, state: start.state, expiresAt: start.expiresAt }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{marketplace}/callback',
      tags: ['Marketplaces'],
      summary: 'OAuth callback: exchanges the code and stores the account (tokens encrypted)',
      request: {
        params: MarketplaceParam,
        query: z.object({ code: z.string().min(1).max(4096), state: z.string().min(1).max(512) }),
      },
      responses: { 200: json(AccountViewSchema, 'The connected account (no tokens)'), ...problemResponses },
    }),
    async (c) => {
      const { code, state } = c.req.valid('query');
      const account = await marketplaces.handleCallback({
        marketplace: c.req.valid('param').marketplace,
        code,
        state,
      });
      return c.json(account as z.infer<typeof AccountViewSchema>, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/marketplace-accounts',
      tags: ['Marketplaces'],
      summary: "The caller's connected accounts",
      security: [{ bearerAuth: [] }],
      responses: {
        200: json(z.object({ items: z.array(AccountViewSchema) }), 'Accounts (no tokens)'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        {
          items: (await marketplaces.listAccounts(c.get('caller').userId)) as z.infer<
            typeof AccountViewSchema
          >[],
        },
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/marketplace-accounts/{account_id}',
      tags: ['Marketplaces'],
      summary: 'Disconnect an account and delete its tokens',
      security: [{ bearerAuth: [] }],
      request: { params: z.object({ account_id: z.string().min(1).max(128) }) },
      responses: { 204: { description: 'Disconnected' }, ...problemResponses },
    }),
    async (c) => {
      await marketplaces.disconnect(c.get('caller').userId, c.req.valid('param').account_id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/seller/post',
      tags: ['Marketplaces'],
      summary: 'Post an item to one or several marketplaces (partial results)',
      description:
        'The draft is validated for every target before anything is posted. Each marketplace gets its own result; retrying the same request (same sku) never posts twice.',
      security: [{ bearerAuth: [] }],
      request: {
        query: z.object({
          marketplace: z.string().min(1).max(200).describe('One id, or several separated by commas'),
        }),
        body: { required: true, content: { 'application/json': { schema: ListingDraftSchema } } },
      },
      responses: {
        200: json(
          z.object({
            sellerId: z.string(),
            sku: z.string(),
            succeeded: z.number().int(),
            failed: z.number().int(),
            results: z.array(z.record(z.string(), z.unknown())),
          }),
          'A result per marketplace',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const targets = [
        ...new Set(
          c.req
            .queries('marketplace')
            ?.flatMap((value) => value.split(','))
            .map((v) => v.trim())
            .filter(Boolean),
        ),
      ];
      if (targets.length === 0) {
        throw new ValidationError({
          issues: [{ field: 'query.marketplace', message: 'names no marketplace' }],
        });
      }
      const result = await marketplaces.crossPost(c.get('caller').userId, await c.req.json(), targets);
      return c.json(result as never, 200);
    },
  );

  // Webhooks: the raw body reaches the adapter untouched, because signatures are computed over it.
  const webhook = async (c: Context<AppEnv>) => {
    const marketplace = c.req.param('marketplace') ?? '';
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const body = new Uint8Array(c.req.method === 'GET' ? new ArrayBuffer(0) : await c.req.arrayBuffer());
    const { response } = await marketplaces.handleWebhook(marketplace, {
      method: c.req.method,
      url: c.req.url,
      headers,
      body,
    });
    // A 204 (eBay's acknowledgement), 205 or 304 must not carry a body, not even an empty one.
    return new Response(nullBodyStatuses.has(response.status) ? null : response.body, {
      status: response.status,
      headers: response.headers,
    });
  };
  app.get('/webhooks/:marketplace', webhook);
  app.post('/webhooks/:marketplace', webhook);
}
