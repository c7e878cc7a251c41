/**
 * @deal-scout/pg: Deal Scout storage on PostgreSQL (a node-postgres pool the host owns) or on
 * embedded PGlite, with one set of SQL and versioned migrations.
 */

export type { PgPoolClientLike, PgPoolLike } from './client/pg-pool-sql-client';
export { createPgPoolSqlClient } from './client/pg-pool-sql-client';
export type { PgliteLike, PgliteTransactionLike } from './client/pglite-sql-client';
export { createPgliteSqlClient } from './client/pglite-sql-client';
export type { SqlClient, SqlExecutor, SqlResult, SqlRow } from './client/sql-client';
export { createPgStorage, type PgStorageSettings } from './create-pg-storage';
export { createPgliteStorage, type PgliteStorageSettings } from './create-pglite-storage';
export { createSqlStorage, type PgStorage } from './create-sql-storage';
export { isRetryableDatabaseError } from './errors/to-storage-error';
export { loadMigrations, type Migration } from './migrations/load-migrations';
export { type MigrationReport, runMigrations, schemaVersion } from './migrations/run-migrations';
export { defaultSchemaName } from './schema-name';
