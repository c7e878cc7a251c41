import {
  AddPushSubscriptionInputSchema,
  NotificationPreferencesSchema,
  RegisterDiscordWebhookInputSchema,
  RemovePushSubscriptionInputSchema,
  UpdateAddressesInputSchema,
  UpdateCategoryFiltersInputSchema,
  UpdateChannelsInputSchema,
  UpdateFrequencyInputSchema,
  UpdateMaxPerDayInputSchema,
  UpdateQuietHoursInputSchema,
} from '@deal-scout/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDependencies } from '../http/app-types';
import { problemResponses } from './shared-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const SummarySchema = z.object({
  userId: z.string(),
  channels: z.array(
    z.object({
      channel: z.enum(['email', 'push', 'sms', 'discord']),
      enabled: z.boolean(),
      address: z.enum(['ok', 'no_address', 'address_invalid']),
      available: z.boolean(),
      active: z.boolean(),
    }),
  ),
  frequency: z.enum(['immediate', 'daily_digest', 'weekly_digest']),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  timeZone: z.string(),
  categoryFilters: z.array(z.string()),
  maxNotificationsPerDay: z.number().nullable(),
  sentToday: z.number(),
  nextDigestAt: z.string().nullable(),
  pushSubscriptions: z.number(),
  updatedAt: z.string(),
});

/** Every field of the caller's preferences may be updated through one of these PATCH routes. */
type PatchRoute = {
  path: string;
  summary: string;
  schema: z.ZodObject;
  apply: (deps: AppDependencies, input: { userId: string } & Record<string, unknown>) => Promise<unknown>;
};

const patches: PatchRoute[] = [
  {
    path: '/notification-preferences/channels',
    summary: 'Choose channels (email, push, sms, discord; several allowed)',
    schema: UpdateChannelsInputSchema,
    apply: (deps, input) => deps.scout.notifications.preferences.updateChannels(input as never),
  },
  {
    path: '/notification-preferences/frequency',
    summary: 'Set frequency (immediate, daily_digest, weekly_digest)',
    schema: UpdateFrequencyInputSchema,
    apply: (deps, input) => deps.scout.notifications.preferences.updateFrequency(input as never),
  },
  {
    path: '/notification-preferences/quiet-hours',
    summary: 'Set quiet hours (and optionally the time zone); null turns them off',
    schema: UpdateQuietHoursInputSchema,
    apply: (deps, input) => deps.scout.notifications.preferences.updateQuietHours(input as never),
  },
  {
    path: '/notification-preferences/category-filters',
    summary: 'Only notify for these categories (empty: all)',
    schema: UpdateCategoryFiltersInputSchema,
    apply: (deps, input) => deps.scout.notifications.preferences.updateCategoryFilters(input as never),
  },
  {
    path: '/notification-preferences/max-per-day',
    summary: 'Cap notifications per local day (null: no cap)',
    schema: UpdateMaxPerDayInputSchema,
    apply: (deps, input) => deps.scout.notifications.preferences.updateMaxPerDay(input as never),
  },
  {
    path: '/notification-preferences/addresses',
    summary: 'Set the e-mail address and E.164 phone number',
    schema: UpdateAddressesInputSchema,
    apply: (deps, input) => deps.scout.notifications.preferences.updateAddresses(input as never),
  },
];

/** The roadmap's notification-preference endpoints, scoped to the calling user. */
export function registerPreferencesRoutes(app: App, deps: AppDependencies): void {
  for (const patch of patches) {
    app.openapi(
      createRoute({
        method: 'patch',
        path: patch.path,
        tags: ['Notification preferences'],
        summary: patch.summary,
        security: [{ bearerAuth: [] }],
        request: body(patch.schema.omit({ userId: true })),
        responses: {
          200: json(NotificationPreferencesSchema, 'The updated preferences'),
          ...problemResponses,
        },
      }),
      async (c) => {
        const input = { ...(c.req.valid('json') as Record<string, unknown>), userId: c.get('caller').userId };
        return c.json((await patch.apply(deps, input)) as z.infer<typeof NotificationPreferencesSchema>, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/notification-preferences/summary',
      tags: ['Notification preferences'],
      summary: 'Current notification settings, and which channels are active',
      security: [{ bearerAuth: [] }],
      responses: { 200: json(SummarySchema, 'The summary'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        (await deps.scout.notifications.preferences.summary(c.get('caller').userId)) as z.infer<
          typeof SummarySchema
        >,
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/notification-preferences/discord-webhook',
      tags: ['Notification preferences'],
      summary: 'Register a Discord webhook and send a test message to it',
      description:
        "Only https webhook URLs on Discord's own hosts are accepted; anything else is refused with 400.",
      security: [{ bearerAuth: [] }],
      request: body(RegisterDiscordWebhookInputSchema.omit({ userId: true })),
      responses: {
        200: json(
          z.object({ preferences: NotificationPreferencesSchema, test: z.record(z.string(), z.unknown()) }),
          'Registered and tested',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const result = await deps.scout.notifications.preferences.registerDiscordWebhook({
        ...c.req.valid('json'),
        userId: c.get('caller').userId,
      });
      return c.json(result as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/notification-preferences/push-subscriptions',
      tags: ['Notification preferences'],
      summary: 'Add a Web Push subscription',
      security: [{ bearerAuth: [] }],
      request: body(AddPushSubscriptionInputSchema.omit({ userId: true })),
      responses: { 200: json(NotificationPreferencesSchema, 'The updated preferences'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await deps.scout.notifications.preferences.addPushSubscription({
          ...c.req.valid('json'),
          userId: c.get('caller').userId,
        }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/notification-preferences/push-subscriptions',
      tags: ['Notification preferences'],
      summary: 'Remove a Web Push subscription by endpoint',
      security: [{ bearerAuth: [] }],
      request: body(RemovePushSubscriptionInputSchema.omit({ userId: true })),
      responses: { 200: json(NotificationPreferencesSchema, 'The updated preferences'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await deps.scout.notifications.preferences.removePushSubscription({
          ...c.req.valid('json'),
          userId: c.get('caller').userId,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/deliveries',
      tags: ['Notification preferences'],
      summary: "The caller's delivery log, newest first",
      security: [{ bearerAuth: [] }],
      request: {
        query: z.object({
          status: z.enum(['pending', 'claimed', 'sent', 'failed', 'cancelled']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().min(1).max(2000).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(z.record(z.string(), z.unknown())), nextCursor: z.string().nullable() }),
          'Deliveries',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await deps.scout.notifications.deliveries({
        userId: c.get('caller').userId,
        ...(q.status ? { status: q.status } : {}),
        limit: q.limit,
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      return c.json(page as never, 200);
    },
  );
}
