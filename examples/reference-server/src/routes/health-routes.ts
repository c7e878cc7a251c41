import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDependencies } from '../http/app-types';

const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']) });

/** `/health` (the process is up) and `/ready` (it can take traffic: storage answers, not shutting down). */
export function registerHealthRoutes(app: App, deps: AppDependencies): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['Operations'],
      summary: 'Liveness',
      responses: {
        200: { description: 'The process is up', content: { 'application/json': { schema: HealthSchema } } },
      },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/ready',
      tags: ['Operations'],
      summary: 'Readiness',
      responses: {
        200: { description: 'Ready for traffic', content: { 'application/json': { schema: HealthSchema } } },
        503: { description: 'Not ready', content: { 'application/json': { schema: HealthSchema } } },
      },
    }),
    async (c) =>
      (await deps.ready())
        ? c.json({ status: 'ok' as const }, 200)
        : c.json({ status: 'unavailable' as const }, 503),
  );
}
