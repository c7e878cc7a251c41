import { ConfigurationError, StorageError, type StorageV1 } from '@deal-scout/core';
import type { SqlClient, SqlExecutor } from './client/sql-client';
import { toStorageError } from './errors/to-storage-error';
import { loadMigrations } from './migrations/load-migrations';
import { type MigrationReport, runMigrations, schemaVersion } from './migrations/run-migrations';
import { createAccountRepository } from './repositories/account-repository';
import { createAlertMatchRepository } from './repositories/alert-match-repository';
import { createListingRepository } from './repositories/listing-repository';
import { createOutboxRepository } from './repositories/outbox-repository';
import { createPreferencesRepository } from './repositories/preferences-repository';
import { createPriceAnalysisRepository } from './repositories/price-analysis-repository';
import type { RepositoryContext } from './repositories/repository-context';
import { createRuleRepository } from './repositories/rule-repository';
import { createStateRepository } from './repositories/state-repository';
import { tableNamesOf } from './schema-name';

/** Storage on PostgreSQL or PGlite: the storage contract plus schema management. */
export type PgStorage = StorageV1 & {
  /** The PostgreSQL schema holding the tables (`deal_scout` unless configured). */
  readonly schema: string;
  /**
   * Applies pending migrations (safe to call from several processes at once) and returns what it
   * did. Needed once per release before first use, unless the storage migrates automatically.
   *
   * @throws StorageError when the database fails (retryable when transient).
   * @throws ConfigurationError when an applied migration was edited afterwards.
   */
  migrate(): Promise<MigrationReport>;
  /** Stops accepting calls and closes what the storage opened itself (never a host's pool). */
  close(): Promise<void>;
};

/** How many times a transaction that lost a race (deadlock, concurrent insert) is run in total. */
const maxTransactionAttempts = 5;

const lostRace = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
};

/**
 * Builds the storage over any {@link SqlClient}. Before the first operation it checks the schema
 * version once: with `autoMigrate` it applies pending migrations, otherwise it refuses to run
 * against an older schema with a `ConfigurationError` that names the migration command.
 */
export function createSqlStorage(options: {
  readonly sql: SqlClient;
  readonly storageId: string;
  readonly schema: string;
  readonly autoMigrate: boolean;
}): PgStorage {
  const { sql, storageId, schema, autoMigrate } = options;
  let ready: Promise<void> | null = null;
  let closed = false;

  const migrate = async (): Promise<MigrationReport> => {
    try {
      const report = await runMigrations(sql, { schema });
      ready = Promise.resolve();
      return report;
    } catch (error) {
      throw toStorageError(error, { storageId, operation: 'migrate' });
    }
  };

  const prepare = async () => {
    if (autoMigrate) {
      await runMigrations(sql, { schema });
      return;
    }
    const migrations = await loadMigrations();
    const needed = Math.max(0, ...migrations.map((migration) => migration.version));
    const version = await schemaVersion(sql, schema);
    if (version < needed) {
      throw new ConfigurationError({
        message: `schema "${schema}" is at version ${version} but this release needs version ${needed}: run \`deal-scout-pg migrate --database-url <url> --schema ${schema}\`, call storage.migrate(), or set autoMigrate`,
        source: storageId,
      });
    }
  };

  const context: RepositoryContext = {
    sql,
    tables: tableNamesOf(schema),
    async run(operation, work) {
      if (closed) {
        throw new StorageError({ message: `${operation} failed: the storage was closed`, source: storageId });
      }
      try {
        ready ??= prepare().catch((error: unknown) => {
          ready = null; // a failed check is retried on the next call
          throw error;
        });
        await ready;
        return await work();
      } catch (error) {
        throw toStorageError(error, { storageId, operation });
      }
    },
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await sql.transaction(work);
        } catch (error) {
          if (attempt >= maxTransactionAttempts || !lostRace(error)) throw error;
          // A short random pause lets the winner commit before this run starts over.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        }
      }
    },
  };

  return {
    specificationVersion: 'v1',
    storageId,
    schema,
    listings: createListingRepository(context),
    rules: createRuleRepository(context),
    preferences: createPreferencesRepository(context),
    alertMatches: createAlertMatchRepository(context),
    outbox: createOutboxRepository(context),
    accounts: createAccountRepository(context),
    priceAnalyses: createPriceAnalysisRepository(context),
    state: createStateRepository(context),
    migrate,
    async close() {
      if (closed) return;
      closed = true;
      await sql.close?.();
    },
  };
}
