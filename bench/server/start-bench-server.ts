import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { readEnv } from '../../examples/reference-server/src/compose/env';
import { startServer } from '../../examples/reference-server/src/server';

/** Settings of the real server under load. */
export type BenchServerSettings = {
  /** PostgreSQL URL; PGlite in a temporary data directory when absent. */
  readonly databaseUrl?: string;
  /** Loopback address to listen on. */
  readonly host: string;
  /** Rate limit per user and per IP; set far above the load so it never answers 429. */
  readonly rateLimitPerMinute: number;
};

/** A running reference server and how to take it down without leaving data behind. */
export type BenchServer = { readonly origin: string; stop(): Promise<void> };

export const adminEmail = 'admin@example.com';

/**
 * Starts the reference server in this process, as `pnpm start` would but with an empty store
 * (no seeding), admin rights for {@link adminEmail}, and bodies up to 10 MiB so listings can be
 * ingested in batches of a thousand. Request logs stay at `info` (their cost is part of the
 * server) but go to /dev/null instead of the terminal; the logger mirrors the server's own
 * (`createLogger`: same level, redaction and base fields). On PostgreSQL it uses a schema of its
 * own, dropped by `stop()`; on PGlite a temporary data directory, removed by `stop()`.
 */
export async function startBenchServer(settings: BenchServerSettings): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'deal-scout-bench-server-'));
  const schema = `bench_server_${process.pid}_${randomBytes(4).toString('hex')}`;
  const env = readEnv({
    PORT: '0',
    HOST: settings.host,
    DATA_DIR: dataDir,
    ...(settings.databaseUrl ? { DATABASE_URL: settings.databaseUrl, DATABASE_SCHEMA: schema } : {}),
    JWT_SECRET: randomBytes(32).toString('base64'),
    SEED_LISTINGS: 'false',
    LOG_LEVEL: 'info',
    ADMIN_EMAILS: adminEmail,
    MAX_BODY_BYTES: String(10 * 1024 * 1024),
    RATE_LIMIT_PER_MINUTE: String(settings.rateLimitPerMinute),
  });
  const logger = pino(
    {
      level: env.LOG_LEVEL,
      redact: {
        paths: [
          'req.headers.authorization',
          'password',
          '*.password',
          'accessToken',
          '*.accessToken',
          'token',
          '*.token',
        ],
        censor: '[redacted]',
      },
      base: { service: 'deal-scout-reference-server' },
    },
    pino.destination({ dest: '/dev/null', sync: false }),
  );
  const server = await startServer(env, logger);
  return {
    origin: server.url,
    async stop() {
      try {
        await server.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
        if (settings.databaseUrl) {
          const client = new pg.Client({ connectionString: settings.databaseUrl });
          await client.connect();
          try {
            await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          } finally {
            await client.end();
          }
        }
      }
    },
  };
}
