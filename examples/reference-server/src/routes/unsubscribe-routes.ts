import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDependencies } from '../http/app-types';
import { problemResponses } from './shared-schemas';

/**
 * RFC 8058 one-click unsubscribe. Mail clients POST `List-Unsubscribe=One-Click` to the link in the
 * `List-Unsubscribe` header; the signed token names the user and list. Unsubscribing turns e-mail
 * off for the user (digests and alert e-mails alike); other channels are untouched.
 */
export function registerUnsubscribeRoutes(app: App, deps: AppDependencies): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/unsubscribe',
      tags: ['Notification preferences'],
      summary: 'One-click unsubscribe from e-mail (RFC 8058)',
      request: { query: z.object({ token: z.string().min(10).max(1000) }) },
      responses: {
        200: {
          description: 'Unsubscribed',
          content: {
            'application/json': { schema: z.object({ unsubscribed: z.literal(true), list: z.string() }) },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const claim = deps.unsubscribeTokens.verify(c.req.valid('query').token);
      const preferences = await deps.scout.notifications.preferences.get(claim.userId);
      await deps.scout.notifications.preferences.updateChannels({
        userId: claim.userId,
        channels: preferences.channels.filter((channel) => channel !== 'email'),
      });
      return c.json({ unsubscribed: true as const, list: claim.list }, 200);
    },
  );
}
