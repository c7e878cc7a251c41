import { parseInput } from '@deal-scout/core';
import { z } from 'zod';
import { createPgPoolSqlClient, type PgPoolLike } from './client/pg-pool-sql-client';
import { createSqlStorage, type PgStorage } from './create-sql-storage';
import { defaultSchemaName, SchemaNameSchema } from './schema-name';

const PgStorageSettingsSchema = z.object({
  client: z.custom<PgPoolLike>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as PgPoolLike).query === 'function' &&
      typeof (value as PgPoolLike).connect === 'function',
    'must be a node-postgres Pool (an object with query() and connect())',
  ),
  schema: SchemaNameSchema.default(defaultSchemaName),
  autoMigrate: z.boolean().default(false),
  storageId: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/)
    .default('postgres'),
});

/** Settings of {@link createPgStorage}. */
export type PgStorageSettings = {
  /**
   * A node-postgres `Pool` the host owns (size, TLS, timeouts are the host's choice). The storage
   * never ends it; `close()` only stops the storage. Attach `pool.on('error', …)`: node-postgres
   * reports idle connections the server dropped there.
   */
  readonly client: PgPoolLike;
  /** PostgreSQL schema for the tables; default `deal_scout`. Lower-case letters, digits, `_`. */
  readonly schema?: string;
  /**
   * Apply pending migrations on first use; default `false`, because a production schema change
   * is usually a deliberate deploy step (`deal-scout-pg migrate`). Safe either way: migrations
   * take an advisory lock, so many processes starting together migrate once.
   */
  readonly autoMigrate?: boolean;
  /** Name in logs and errors; default `postgres`. */
  readonly storageId?: string;
};

/**
 * Storage on a PostgreSQL server through the host's node-postgres `Pool`.
 *
 * ```ts
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const storage = createPgStorage({ client: pool });
 * await storage.migrate(); // or `deal-scout-pg migrate` at deploy time
 * const scout = createDealScout({ storage });
 * ```
 *
 * @throws ValidationError when `settings` are invalid (no pool, a bad schema name).
 */
export function createPgStorage(settings: PgStorageSettings): PgStorage {
  const { client, schema, autoMigrate, storageId } = parseInput(PgStorageSettingsSchema, settings, {
    subject: 'PostgreSQL storage settings',
    source: 'storage',
  });
  return createSqlStorage({ sql: createPgPoolSqlClient(client), storageId, schema, autoMigrate });
}
