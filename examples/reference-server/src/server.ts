import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '@deal-scout/core';
import { loadProvidenceListings, loadVehicleListings, sharedDataAvailable } from '@deal-scout/testkit';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createTokenService } from './auth/tokens';
import { createUnsubscribeTokens } from './auth/unsubscribe-tokens';
import { createUserStore } from './auth/users';
import { type ComposedScout, composeScout } from './compose/create-scout';
import type { Env } from './compose/env';
import { createApp } from './http/create-app';
import { httpProblem, problemResponseFor } from './http/problem';

/** A running server. */
export type RunningServer = {
  readonly url: string;
  readonly composed: ComposedScout;
  /**
   * Settles when seeding the real listings has finished (at once when there is nothing to seed).
   * Seeding runs in the background so the API answers from the first second.
   */
  readonly seeded: Promise<void>;
  /**
   * Stops taking connections, waits for in-flight requests and for the seeding batch under way,
   * then closes the SDK and storage.
   */
  close(): Promise<void>;
};

/** Secrets and values that never appear in logs. */
const redact = [
  'req.headers.authorization',
  'password',
  '*.password',
  'accessToken',
  '*.accessToken',
  'token',
  '*.token',
];

export function createLogger(env: Pick<Env, 'LOG_LEVEL'>): Logger {
  return pino({
    level: env.LOG_LEVEL,
    redact: { paths: redact, censor: '[redacted]' },
    base: { service: 'deal-scout-reference-server' },
  });
}

/** Listings per seeding batch: small enough that a request waits at most one batch (~0.1 s). */
const seedBatchSize = 250;

/**
 * Ingests the real listings once, into an empty store, a batch at a time; stops between batches
 * once `stopping()` says so. A store left partly seeded by an interrupted run is not seeded again
 * (it is no longer empty): delete the data directory to start over.
 */
async function seed(composed: ComposedScout, logger: Logger, stopping: () => boolean): Promise<void> {
  if ((await composed.storage.listings.count()) > 0 || !sharedDataAvailable()) return;
  const listings = [...(await loadProvidenceListings()), ...(await loadVehicleListings())];
  logger.info({ total: listings.length }, 'seeding real listings in the background');
  for (let start = 0; start < listings.length; start += seedBatchSize) {
    // Embedded storage runs on this thread: without a turn of the event loop between batches,
    // requests would wait for the whole seeding.
    await new Promise((resolve) => setImmediate(resolve));
    if (stopping()) {
      logger.info({ done: start, total: listings.length }, 'seeding stopped by shutdown');
      return;
    }
    await composed.scout.ingest(listings.slice(start, start + seedBatchSize));
    const done = Math.min(start + seedBatchSize, listings.length);
    if (done % 2000 === 0 || done === listings.length) {
      logger.info({ done, total: listings.length }, 'seeding real listings');
    }
  }
}

/** What the server answers while it starts: alive, not ready. */
function startingResponse(request: Request): Response {
  const path = new URL(request.url).pathname;
  if (path === '/health') return Response.json({ status: 'ok' });
  if (path === '/ready') return Response.json({ status: 'unavailable' }, { status: 503 });
  return problemResponseFor(path, {
    ...httpProblem(503, 'STARTING', 'the server is starting up; try again in a few seconds'),
    retryAfterSeconds: 5,
  });
}

/**
 * Composes the SDK from `env` and serves the API until `close()`. Resolves once the API is
 * ready; the port is listening (and answering 503 while starting) from the first moment.
 */
export async function startServer(env: Env, logger: Logger = createLogger(env)): Promise<RunningServer> {
  if (!env.JWT_SECRET)
    logger.warn('JWT_SECRET is not set: tokens are signed with a per-process key and die with the process');
  const secret = env.JWT_SECRET ?? randomBytes(32).toString('base64');
  const tokens = createTokenService({ secret, ttlSeconds: env.JWT_TTL_SECONDS });
  const unsubscribeTokens = createUnsubscribeTokens(secret);
  const unsubscribeBase = (env.UNSUBSCRIBE_BASE_URL ?? env.PUBLIC_BASE_URL)
    .replace(/^http:/, 'https:')
    .replace(/\/$/, '');
  if (!env.TOKEN_ENCRYPTION_KEY) {
    logger.warn(
      'TOKEN_ENCRYPTION_KEY is not set: marketplace tokens are encrypted with a per-process key and cannot be read after a restart',
    );
  }
  let shuttingDown = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  // The port is taken first, so a busy port fails fast and the first start (which initialises an
  // embedded database) is visible at once: until the SDK is composed, /health answers ok, /ready
  // and everything else answer 503 with Retry-After.
  let app: ReturnType<typeof createApp> | null = null;
  const server = serve({
    fetch: async (request, bindings) => {
      inFlight++;
      try {
        return app ? await app.fetch(request, bindings) : startingResponse(request);
      } finally {
        inFlight--;
        if (inFlight === 0) drained?.();
      }
    },
    port: env.PORT,
    hostname: env.HOST,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError({
      message:
        code === 'EADDRINUSE'
          ? `port ${env.PORT} on ${env.HOST} is already in use: stop what listens there or set PORT to a free port`
          : `cannot listen on ${env.HOST}:${env.PORT}: ${(error as Error).message}`,
      source: 'reference-server',
      cause: error,
    });
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST}:${port}`;
  logger.info({ url }, 'listening; starting up (a first start initialises the embedded database)');

  let composed: ComposedScout;
  try {
    composed = await composeScout(env, logger, {
      tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
      unsubscribeUrl: (claim) => `${unsubscribeBase}/unsubscribe?token=${unsubscribeTokens.issue(claim)}`,
    });
    await composed.scout.start();
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const ready = composed;
  app = createApp({
    scout: ready.scout,
    users: createUserStore(ready.storage, env.ADMIN_EMAILS.split(',')),
    tokens,
    unsubscribeTokens,
    logger,
    limits: { maxBodyBytes: env.MAX_BODY_BYTES, requestsPerMinute: env.RATE_LIMIT_PER_MINUTE },
    publicBaseUrl: env.PUBLIC_BASE_URL,
    twilioAuthToken: env.TWILIO_AUTH_TOKEN,
    ready: async () => {
      if (shuttingDown) return false;
      try {
        await ready.storage.listings.count();
        return true;
      } catch {
        return false;
      }
    },
  });
  logger.info({ url, ...composed.parts }, 'Deal Scout reference server listening');

  const seeded =
    env.SEED_LISTINGS === 'true'
      ? seed(composed, logger, () => shuttingDown).catch((error: unknown) => {
          logger.error({ err: error instanceof Error ? error.message : String(error) }, 'seeding failed');
        })
      : Promise.resolve();

  return {
    url,
    composed,
    seeded,
    async close() {
      if (shuttingDown) return;
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      await closed;
      await seeded;
      await composed.close();
      logger.info('Deal Scout reference server stopped');
    },
  };
}
