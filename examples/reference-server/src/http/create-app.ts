import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import { bodyLimit } from 'hono/body-limit';
import { rateLimiter } from 'hono-rate-limiter';
import { registerAuthRoutes } from '../routes/auth-routes';
import { registerHealthRoutes } from '../routes/health-routes';
import { registerListingRoutes } from '../routes/listing-routes';
import { registerMarketplaceRoutes } from '../routes/marketplace-routes';
import { registerPreferencesRoutes } from '../routes/preferences-routes';
import { registerPricingRoutes } from '../routes/pricing-routes';
import { registerAlertRoutes, registerRuleRoutes } from '../routes/rule-routes';
import { registerTwilioStatusRoutes } from '../routes/twilio-status-routes';
import { registerUnsubscribeRoutes } from '../routes/unsubscribe-routes';
import type { App, AppDependencies, AppEnv } from './app-types';
import { requireAuth } from './auth-middleware';
import { validationHook } from './openapi-hook';
import { httpProblem, problemResponse, toProblem } from './problem';

const require = createRequire(import.meta.url);
// The reference page's script is served from the installed package, so /docs works offline.
const scalarBundlePath = join(dirname(require.resolve('@scalar/api-reference')), 'browser', 'standalone.js');

/** Paths that need no bearer token. */
const publicPaths = [
  /^\/health$/,
  /^\/ready$/,
  /^\/openapi\.json$/,
  /^\/docs(\/.*)?$/,
  /^\/auth\//,
  /^\/webhooks\//,
  /^\/unsubscribe/,
  /^\/[a-z-]+\/callback$/,
];

/**
 * Builds the HTTP application: every route is declared with zod schemas from `@deal-scout/core`,
 * so `/openapi.json` is generated from the same types the SDK validates with.
 */
export function createApp(deps: AppDependencies): App {
  const app: App = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    deps.logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });

  app.use(
    '*',
    bodyLimit({
      maxSize: deps.limits.maxBodyBytes,
      onError: (c) =>
        problemResponse(
          c,
          httpProblem(
            413,
            'BODY_TOO_LARGE',
            `request bodies are limited to ${deps.limits.maxBodyBytes} bytes`,
          ),
        ),
    }),
  );

  const limited = (
    keyGenerator: (c: Parameters<Parameters<typeof rateLimiter<AppEnv>>[0]['keyGenerator']>[0]) => string,
  ) =>
    rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit: deps.limits.requestsPerMinute,
      standardHeaders: 'draft-7',
      keyGenerator,
      handler: (c) =>
        problemResponse(c, {
          ...httpProblem(429, 'RATE_LIMITED', 'too many requests; slow down'),
          retryAfterSeconds: 60,
        }),
    });
  app.use(
    '*',
    // The socket address, not X-Forwarded-For: a client-supplied header must not pick its own bucket.
    limited((c) => `ip:${clientAddress(c)}`),
  );

  const auth = requireAuth(deps.tokens);
  app.use('*', async (c, next) => {
    if (publicPaths.some((pattern) => pattern.test(c.req.path))) return next();
    return auth(c, next);
  });
  // One limiter (one counter store) per key space, built once: per IP above, per user here.
  const perUser = limited((c) => `user:${c.get('caller')?.userId ?? 'anonymous'}`);
  app.use('*', async (c, next) => (c.get('caller') ? perUser(c, next) : next()));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });

  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerRuleRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerListingRoutes(app, deps);
  registerPricingRoutes(app, deps);
  registerPreferencesRoutes(app, deps);
  registerTwilioStatusRoutes(app, deps, { authToken: deps.twilioAuthToken });
  registerMarketplaceRoutes(app, deps);
  registerUnsubscribeRoutes(app, deps);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Deal Scout reference server',
      version: '0.1.0',
      description:
        'The roadmap REST API, hosted on the Deal Scout SDK. Errors are RFC 9457 problem+json carrying the SDK error code.',
    },
    servers: [{ url: deps.publicBaseUrl }],
  });
  app.get('/docs/assets/standalone.js', async (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(await readFile(scalarBundlePath));
  });
  app.get(
    '/docs',
    Scalar({ url: '/openapi.json', cdn: '/docs/assets/standalone.js', pageTitle: 'Deal Scout API' }),
  );

  app.notFound((c) =>
    problemResponse(c, httpProblem(404, 'NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => {
    const problem = toProblem(error);
    if (problem.status >= 500)
      deps.logger.error(
        { requestId: c.get('requestId'), code: problem.code, err: String(error) },
        'request failed',
      );
    return problemResponse(c, problem);
  });
  return app;
}

function clientAddress(c: { env: unknown }): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
