import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { readEnv } from '../src/compose/env';
import { createLogger, type RunningServer, startServer } from '../src/server';

export const testJwtSecret = 'test-secret-that-is-at-least-32-characters-long';

/** Which storage engines the end-to-end tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const engines: { name: string; env: Record<string, string> }[] = [
  { name: 'pglite', env: {} },
  ...(process.env.DATABASE_URL
    ? [{ name: 'postgres', env: { DATABASE_URL: process.env.DATABASE_URL } }]
    : []),
];
if (!process.env.DATABASE_URL)
  console.warn('[reference-server tests] DATABASE_URL is not set: end-to-end tests run on PGlite only');

export type TestServer = RunningServer & {
  /** The PGlite data directory (unused on PostgreSQL). */
  readonly dataDir: string;
  /** The PostgreSQL schema holding this server's tables (its own, dropped on stop). */
  readonly schema: string;
  request(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  register(email: string): Promise<string>;
  stop(): Promise<void>;
};

/** Starts the real server on a random port with its own data directory. */
export async function startTestServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'deal-scout-server-'));
  // Each server gets its own PostgreSQL schema, dropped when it stops, so runs never see each other's rows.
  const schema = `e2e_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const env = readEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET: testJwtSecret,
    SEED_LISTINGS: 'false',
    LOG_LEVEL: 'silent',
    ADMIN_EMAILS: 'admin@example.com',
    DATABASE_SCHEMA: schema,
    ...extraEnv,
  });
  const server = await startServer(env, createLogger(env));
  const request: TestServer['request'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(`${server.url}${path}`, { ...init, headers, body: body ?? null });
  };
  return {
    ...server,
    dataDir,
    schema,
    request,
    async register(email) {
      const response = await request('/auth/register', {
        method: 'POST',
        json: { email, password: 'correct horse battery staple' },
      });
      if (response.status !== 201)
        throw new Error(`register failed: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { token: { accessToken: string } };
      return body.token.accessToken;
    },
    async stop() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      if (env.DATABASE_URL) {
        const client = new pg.Client({ connectionString: env.DATABASE_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}
