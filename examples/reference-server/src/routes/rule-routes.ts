import { DealAlertRuleInputSchema, DealAlertRuleSchema, ListingSchema } from '@deal-scout/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDependencies } from '../http/app-types';
import { PageQuerySchema, problemResponses } from './shared-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const RuleParams = z.object({ rule_id: z.string().min(1).max(128) });
const RuleTestResultSchema = z.object({
  count: z.number().int(),
  scanned: z.number().int(),
  truncated: z.boolean(),
  matches: z.array(z.object({ listing: ListingSchema, reasons: z.array(z.string()) })),
});

/** The roadmap's deal-alert-rule endpoints on `scout.rules`, each scoped to the calling user. */
export function registerRuleRoutes(app: App, deps: AppDependencies): void {
  const rules = deps.scout.rules;
  const secured = { tags: ['Deal alert rules'], security: [{ bearerAuth: [] }] };

  app.openapi(
    createRoute({
      ...secured,
      method: 'post',
      path: '/deal-alert-rules',
      summary: 'Create a rule',
      description:
        'Validated as described in docs/rule-semantics.md; a rule with no criteria is refused as too broad.',
      request: {
        body: { required: true, content: { 'application/json': { schema: DealAlertRuleInputSchema } } },
      },
      responses: { 201: json(DealAlertRuleSchema, 'The created rule'), ...problemResponses },
    }),
    async (c) => c.json(await rules.create(c.get('caller').userId, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      ...secured,
      method: 'get',
      path: '/deal-alert-rules',
      summary: "List the caller's rules (paginated, oldest first)",
      request: { query: PageQuerySchema },
      responses: {
        200: json(
          z.object({ items: z.array(DealAlertRuleSchema), nextCursor: z.string().nullable() }),
          'A page of rules',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await rules.list(c.get('caller').userId, { limit, ...(cursor ? { cursor } : {}) }), 200);
    },
  );
  app.openapi(
    createRoute({
      ...secured,
      method: 'get',
      path: '/deal-alert-rules/{rule_id}',
      summary: 'Get a rule',
      request: { params: RuleParams },
      responses: { 200: json(DealAlertRuleSchema, 'The rule'), ...problemResponses },
    }),
    async (c) => c.json(await rules.get(c.get('caller').userId, c.req.valid('param').rule_id), 200),
  );
  app.openapi(
    createRoute({
      ...secured,
      method: 'patch',
      path: '/deal-alert-rules/{rule_id}',
      summary: 'Change some fields of a rule',
      request: {
        params: RuleParams,
        body: {
          required: true,
          content: { 'application/json': { schema: DealAlertRuleInputSchema.partial() } },
        },
      },
      responses: { 200: json(DealAlertRuleSchema, 'The updated rule'), ...problemResponses },
    }),
    async (c) => {
      // The raw body, not the parsed one: partial() would otherwise fill defaults for absent fields.
      const patch = (await c.req.json()) as Record<string, unknown>;
      return c.json(await rules.update(c.get('caller').userId, c.req.valid('param').rule_id, patch), 200);
    },
  );
  app.openapi(
    createRoute({
      ...secured,
      method: 'delete',
      path: '/deal-alert-rules/{rule_id}',
      summary: 'Delete a rule and its matches',
      request: { params: RuleParams },
      responses: { 204: { description: 'Deleted' }, ...problemResponses },
    }),
    async (c) => {
      await rules.delete(c.get('caller').userId, c.req.valid('param').rule_id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      ...secured,
      method: 'post',
      path: '/deal-alert-rules/{rule_id}/test',
      summary: 'Test a rule against stored listings',
      description:
        'Returns how many stored listings match, and the first matches with the reasons each matched. Records nothing.',
      request: {
        params: RuleParams,
        query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
      },
      responses: {
        200: json(RuleTestResultSchema, 'Matching listings count and samples'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        (await rules.test(c.get('caller').userId, c.req.valid('param').rule_id, {
          limit: c.req.valid('query').limit,
        })) as z.infer<typeof RuleTestResultSchema>,
        200,
      ),
  );
  for (const action of ['pause', 'resume'] as const) {
    app.openapi(
      createRoute({
        ...secured,
        method: 'post',
        path: `/deal-alert-rules/{rule_id}/${action}`,
        summary: action === 'pause' ? 'Temporarily disable a rule' : 'Re-enable a rule',
        request: { params: RuleParams },
        responses: { 200: json(DealAlertRuleSchema, 'The rule'), ...problemResponses },
      }),
      async (c) => c.json(await rules[action](c.get('caller').userId, c.req.valid('param').rule_id), 200),
    );
  }
}

const AlertMatchViewSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  listingId: z.string(),
  matchedAt: z.string(),
  reasons: z.array(z.string()),
  source: z.enum(['realtime', 'catch_up', 'test']),
});

/** `GET /alerts`: the caller's alert matches, newest first (what their notifications are about). */
export function registerAlertRoutes(app: App, deps: AppDependencies): void {
  app.openapi(
    createRoute({
      tags: ['Deal alert rules'],
      security: [{ bearerAuth: [] }],
      method: 'get',
      path: '/alerts',
      summary: "The caller's alert matches, newest first",
      request: { query: PageQuerySchema },
      responses: {
        200: json(
          z.object({ items: z.array(AlertMatchViewSchema), nextCursor: z.string().nullable() }),
          'Alert matches',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await deps.scout.storage.alertMatches.listByUser(c.get('caller').userId, {
        limit,
        ...(cursor ? { cursor } : {}),
      });
      return c.json(
        { items: page.items.map(({ userId: _, ...match }) => match), nextCursor: page.nextCursor },
        200,
      );
    },
  );
}
