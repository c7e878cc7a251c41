import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadProvidenceListings, loadVehicleListings, sharedDataAvailable } from '@deal-scout/testkit';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createTokenService } from './auth/tokens';
import { createUnsubscribeTokens } from './auth/unsubscribe-tokens';
import { createUserStore } from './auth/users';
import { type ComposedScout, composeScout } from './compose/create-scout';
import type { Env } from './compose/env';
import { createApp } from './http/create-app';

/** A running server. */
export type RunningServer = {
  readonly url: string;
  readonly composed: ComposedScout;
  /** Stops taking connections, waits for in-flight requests, then closes the SDK and storage. */
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

/** Ingests the real listings once, into an empty store. */
async function seed(composed: ComposedScout, logger: Logger): Promise<void> {
  if ((await composed.storage.listings.count()) > 0 || !sharedDataAvailable()) return;
  const listings = [...(await loadProvidenceListings()), ...(await loadVehicleListings())];
  for (let start = 0; start < listings.length; start += 1000) {
    const batch = listings.slice(start, start + 1000);
    await composed.scout.ingest(batch);
    logger.info(
      { done: Math.min(start + 1000, listings.length), total: listings.length },
      'seeding real listings',
    );
  }
}

/** Composes the SDK from `env` and serves the API until `close()`. */
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
  const composed = await composeScout(env, logger, {
    tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    unsubscribeUrl: (claim) => `${unsubscribeBase}/unsubscribe?token=${unsubscribeTokens.issue(claim)}`,
  });
  if (env.SEED_LISTINGS === 'true') await seed(composed, logger);
  await composed.scout.start();
  const users = createUserStore(composed.storage, env.ADMIN_EMAILS.split(','));
  let shuttingDown = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const app = createApp({
    scout: composed.scout,
    users,
    tokens,
    unsubscribeTokens,
    logger,
    limits: { maxBodyBytes: env.MAX_BODY_BYTES, requestsPerMinute: env.RATE_LIMIT_PER_MINUTE },
    publicBaseUrl: env.PUBLIC_BASE_URL,
    twilioAuthToken: env.TWILIO_AUTH_TOKEN,
    ready: async () => {
      if (shuttingDown) return false;
      try {
        await composed.storage.listings.count();
        return true;
      } catch {
        return false;
      }
    },
  });

  const server = serve({
    fetch: async (request, bindings) => {
      inFlight++;
      try {
        return await app.fetch(request, bindings);
      } finally {
        inFlight--;
        if (inFlight === 0) drained?.();
      }
    },
    port: env.PORT,
    hostname: env.HOST,
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST}:${port}`;
  logger.info({ url, ...composed.parts }, 'Deal Scout reference server listening');

  return {
    url,
    composed,
    async close() {
      if (shuttingDown) return;
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      await closed;
      await composed.close();
      logger.info('Deal Scout reference server stopped');
    },
  };
}
