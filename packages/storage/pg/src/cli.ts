#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { DealScoutError } from '@deal-scout/core';
import { createPgPoolSqlClient } from './client/pg-pool-sql-client';
import { toStorageError } from './errors/to-storage-error';
import { loadMigrations } from './migrations/load-migrations';
import { runMigrations, schemaVersion } from './migrations/run-migrations';
import { defaultSchemaName, SchemaNameSchema } from './schema-name';

const usage = `Usage: deal-scout-pg <command> [options]

Commands:
  migrate   apply pending migrations (safe to run from several processes at once)
  status    print the schema's version and the pending migrations

Options:
  --database-url <url>  PostgreSQL connection string (default: $DATABASE_URL)
  --schema <name>       schema holding the tables (default: $DEAL_SCOUT_PG_SCHEMA or ${defaultSchemaName})
  --help                show this help`;

/** Runs the command line; returns the process exit code. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      schema: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || (command !== 'migrate' && command !== 'status')) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('deal-scout-pg: pass --database-url or set DATABASE_URL');
    return 2;
  }
  const schema = SchemaNameSchema.safeParse(
    values.schema ?? process.env.DEAL_SCOUT_PG_SCHEMA ?? defaultSchemaName,
  );
  if (!schema.success) {
    console.error(`deal-scout-pg: --schema ${schema.error.issues[0]?.message ?? 'is invalid'}`);
    return 2;
  }
  let Pool: typeof import('pg').Pool;
  try {
    Pool = (await import('pg')).default.Pool;
  } catch {
    console.error('deal-scout-pg: the command line needs the optional peer dependency `pg`; install it');
    return 2;
  }
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => undefined); // a dropped idle connection surfaces on the next query instead
  const sql = createPgPoolSqlClient(pool);
  try {
    if (command === 'migrate') {
      const report = await runMigrations(sql, { schema: schema.data });
      for (const migration of report.applied) {
        console.log(`applied ${String(migration.version).padStart(4, '0')}_${migration.name}`);
      }
      console.log(
        `schema ${report.schema} is at version ${report.version}${report.applied.length === 0 ? ' (nothing to apply)' : ''}`,
      );
    } else {
      const version = await schemaVersion(sql, schema.data);
      const pending = (await loadMigrations()).filter((migration) => migration.version > version);
      console.log(`schema ${schema.data} is at version ${version}; ${pending.length} pending`);
      for (const migration of pending) {
        console.log(`pending ${String(migration.version).padStart(4, '0')}_${migration.name}`);
      }
    }
    return 0;
  } catch (error) {
    const failure = toStorageError(error, { storageId: 'postgres', operation: command });
    // The message never includes the connection string, so a password in it stays private.
    console.error(DealScoutError.isInstance(failure) ? failure.message : String(failure));
    return 1;
  } finally {
    await pool.end();
  }
}

process.exitCode = await main(process.argv.slice(2));
