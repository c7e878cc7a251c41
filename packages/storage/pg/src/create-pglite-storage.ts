import { ConfigurationError, parseInput } from '@deal-scout/core';
import { z } from 'zod';
import { acquireDataDirLock } from './client/data-dir-lock';
import { createLazySqlClient } from './client/lazy-sql-client';
import { createPgliteSqlClient, type PgliteLike } from './client/pglite-sql-client';
import { createSqlStorage, type PgStorage } from './create-sql-storage';
import { defaultSchemaName, SchemaNameSchema } from './schema-name';

const PgliteStorageSettingsSchema = z.object({
  dataDir: z.string().min(1).max(4096).optional(),
  client: z
    .custom<PgliteLike>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as PgliteLike).query === 'function' &&
        typeof (value as PgliteLike).transaction === 'function',
      'must be a PGlite instance',
    )
    .optional(),
  schema: SchemaNameSchema.default(defaultSchemaName),
  autoMigrate: z.boolean().default(true),
  storageId: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/)
    .default('pglite'),
});

/** Settings of {@link createPgliteStorage}. */
export type PgliteStorageSettings = {
  /**
   * Directory of the embedded database (created on first use); it persists across restarts. Without
   * it (and without `client`) the database lives in memory and is lost when the process exits.
   * Env: the host usually passes `process.env.DEAL_SCOUT_DATA_DIR`.
   */
  readonly dataDir?: string;
  /** An open PGlite instance to use instead of opening one; the storage never closes it. */
  readonly client?: PgliteLike;
  /** PostgreSQL schema for the tables; default `deal_scout`. */
  readonly schema?: string;
  /** Apply pending migrations on first use; default `true` (an embedded database has no deploy step). */
  readonly autoMigrate?: boolean;
  /** Name in logs and errors; default `pglite`. */
  readonly storageId?: string;
};

/** Opens PGlite, with its data directory locked to this process (see {@link acquireDataDirLock}). */
async function openPglite(dataDir: string | undefined): Promise<PgliteLike> {
  const lock = dataDir ? acquireDataDirLock(dataDir) : null;
  try {
    const db = await loadPglite(dataDir);
    if (!lock) return db;
    return {
      query: (text, params) => db.query(text, params),
      exec: (script) => db.exec(script),
      transaction: (callback) => db.transaction(callback),
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function loadPglite(dataDir: string | undefined): Promise<PgliteLike> {
  let module: typeof import('@electric-sql/pglite');
  try {
    module = await import('@electric-sql/pglite');
  } catch (error) {
    throw new ConfigurationError({
      message:
        'embedded storage needs the optional peer dependency @electric-sql/pglite: install it next to @deal-scout/pg',
      source: 'pglite',
      cause: error,
    });
  }
  return module.PGlite.create(dataDir);
}

/**
 * Storage on PGlite, PostgreSQL compiled to WebAssembly and run inside the process: the same SQL
 * and migrations as {@link createPgStorage}, nothing to install or run. PGlite has one connection,
 * so calls run one at a time; use it for a single-process deployment, tests and demos.
 *
 * ```ts
 * const storage = createPgliteStorage({ dataDir: './.data/deal-scout' });
 * const scout = createDealScout({ storage });
 * ```
 *
 * The engine loads on first use (migrating the schema unless `autoMigrate` is false). A data
 * directory serves one process at a time: it is locked while open (`deal-scout-pglite.lock`), and a
 * second process gets a `ConfigurationError` instead of corrupting it. A lock left by a process
 * that died is taken over.
 *
 * @throws ValidationError when `settings` are invalid.
 */
export function createPgliteStorage(settings: PgliteStorageSettings = {}): PgStorage {
  const { dataDir, client, schema, autoMigrate, storageId } = parseInput(
    PgliteStorageSettingsSchema,
    settings,
    {
      subject: 'PGlite storage settings',
      source: 'storage',
    },
  );
  const sql = client
    ? createPgliteSqlClient(client, { owned: false })
    : createLazySqlClient('pglite', async () =>
        createPgliteSqlClient(await openPglite(dataDir), { owned: true }),
      );
  return createSqlStorage({ sql, storageId, schema, autoMigrate });
}
