import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

/** The PostgreSQL server the tests use (CI sets it; locally postgres://postgres@127.0.0.1:5432/test). */
export const databaseUrl = process.env.DATABASE_URL;

export const postgresMissingMessage =
  'DATABASE_URL is not set, so the PostgreSQL tests are skipped; set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run them';

/**
 * `describe` for tests that need a real PostgreSQL server: without `DATABASE_URL` the block is
 * reported as skipped, with the reason in its name and on the console.
 */
export function describeWithPostgres(name: string, fn: () => void): void {
  if (databaseUrl) {
    describe(name, fn);
    return;
  }
  console.warn(`[@deal-scout/pg] ${name}: ${postgresMissingMessage}`);
  describe.skip(`${name} (skipped: ${postgresMissingMessage})`, fn);
}

/** A pool on the test server; idle-connection errors are expected in tests that kill backends. */
export function createTestPool(options: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8, ...options });
  pool.on('error', () => undefined);
  return pool;
}

/** A schema name no other test file or run uses. */
export function uniqueSchemaName(label: string): string {
  return `test_${label}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** Drops test schemas and everything in them. */
export async function dropSchemas(pool: pg.Pool, schemas: Iterable<string>): Promise<void> {
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
