import { ConfigurationError } from '@deal-scout/core';
import type { SqlClient, SqlExecutor } from '../client/sql-client';
import { quoteIdentifier, tableNamesOf } from '../schema-name';
import { toSafeInteger } from '../values/sql-values';
import { loadMigrations, type Migration } from './load-migrations';

/** What {@link runMigrations} did. */
export type MigrationReport = {
  /** The schema that was migrated. */
  readonly schema: string;
  /** Versions applied by this call, in order (empty when the schema was already current). */
  readonly applied: readonly { readonly version: number; readonly name: string }[];
  /** The schema's version afterwards. */
  readonly version: number;
};

/**
 * Applies every pending migration to `schema`, in version order, in one transaction: either all of
 * them are applied and recorded in `schema_migrations`, or none is. A transaction-scoped advisory
 * lock per schema serialises concurrent runs (several processes starting at once): the second run
 * waits, then finds nothing left to do.
 *
 * @throws ConfigurationError when an applied migration's file has changed since it was applied.
 * @throws whatever the driver throws (the caller turns it into a `StorageError`).
 */
export async function runMigrations(
  sql: SqlClient,
  options: { readonly schema: string; readonly migrations?: readonly Migration[] },
): Promise<MigrationReport> {
  const migrations = options.migrations ?? (await loadMigrations());
  const schema = quoteIdentifier(options.schema);
  const table = tableNamesOf(options.schema).migrations;
  return sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('deal-scout-pg migrate'), hashtext($1))`, [
      options.schema,
    ]);
    await tx.exec(
      `CREATE SCHEMA IF NOT EXISTS ${schema};
       CREATE TABLE IF NOT EXISTS ${table} (
         version integer PRIMARY KEY,
         name text NOT NULL,
         checksum text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       );`,
    );
    const applied = await appliedMigrations(tx, table);
    for (const migration of migrations) {
      const checksum = applied.get(migration.version);
      if (checksum !== undefined && checksum !== migration.checksum) {
        throw new ConfigurationError({
          message: `migration ${migration.version} (${migration.name}) was changed after it was applied to schema ${options.schema}; add a new migration instead of editing an applied one`,
          source: 'storage',
        });
      }
    }
    const pending = migrations.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      // Migration scripts use unqualified names; SET LOCAL ends with the transaction.
      await tx.exec(`SET LOCAL search_path TO ${schema}`);
      await tx.exec(migration.sql);
      await tx.query(`INSERT INTO ${table} (version, name, checksum) VALUES ($1, $2, $3)`, [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
    }
    const versions = [...applied.keys(), ...pending.map((migration) => migration.version)];
    return {
      schema: options.schema,
      applied: pending.map(({ version, name }) => ({ version, name })),
      version: versions.length === 0 ? 0 : Math.max(...versions),
    };
  });
}

async function appliedMigrations(tx: SqlExecutor, table: string): Promise<Map<number, string>> {
  const { rows } = await tx.query<{ version: unknown; checksum: string }>(
    `SELECT version, checksum FROM ${table}`,
  );
  return new Map(rows.map((row) => [toSafeInteger(row.version), row.checksum]));
}

/**
 * The version a schema is at: the highest applied migration, or 0 when the schema or its
 * migrations table does not exist yet.
 */
export async function schemaVersion(sql: SqlExecutor, schema: string): Promise<number> {
  const { rows } = await sql.query<{ present: string | null }>(`SELECT to_regclass($1)::text AS present`, [
    `${quoteIdentifier(schema)}.schema_migrations`,
  ]);
  if (!rows[0]?.present) return 0;
  const result = await sql.query<{ version: unknown }>(
    `SELECT coalesce(max(version), 0) AS version FROM ${tableNamesOf(schema).migrations}`,
  );
  return toSafeInteger(result.rows[0]?.version ?? 0);
}
