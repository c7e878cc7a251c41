import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigurationError } from '@deal-scout/core';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createPgPoolSqlClient,
  createPgStorage,
  loadMigrations,
  runMigrations,
  schemaVersion,
} from '../src/index';
import {
  createTestPool,
  databaseUrl,
  describeWithPostgres,
  dropSchemas,
  uniqueSchemaName,
} from './support/postgres';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

describeWithPostgres('migrations on PostgreSQL', () => {
  let pool: pg.Pool;
  const schemas: string[] = [];
  const fresh = (label: string) => {
    const schema = uniqueSchemaName(label);
    schemas.push(schema);
    return schema;
  };
  beforeAll(() => {
    pool = createTestPool();
  });
  afterAll(async () => {
    await dropSchemas(pool, schemas);
    await pool.end();
  });

  it('applies every migration once, records it, and then has nothing to do', async () => {
    const schema = fresh('migrate');
    const sql = createPgPoolSqlClient(pool);
    const migrations = await loadMigrations();
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(await schemaVersion(sql, schema)).toBe(0);
    const first = await runMigrations(sql, { schema });
    expect(first.applied.map((migration) => migration.version)).toEqual(migrations.map((m) => m.version));
    const second = await runMigrations(sql, { schema });
    expect(second).toEqual({ schema, applied: [], version: migrations.length });
    const { rows } = await pool.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    expect(rows.map((row) => row.table_name)).toEqual([
      'alert_matches',
      'listing_price_history',
      'listings',
      'marketplace_accounts',
      'notification_preferences',
      'outbox',
      'price_analyses',
      'rules',
      'schema_migrations',
      'state',
    ]);
  });

  it('refuses to run on an unmigrated schema, naming the command, and creates nothing', async () => {
    const schema = fresh('unmigrated');
    const storage = createPgStorage({ client: pool, schema });
    const error = await storage.listings.count().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('deal-scout-pg migrate');
    const { rows } = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    expect(rows).toEqual([]);
    // With autoMigrate the same storage prepares its schema on first use.
    const automatic = createPgStorage({ client: pool, schema, autoMigrate: true });
    expect(await automatic.listings.count()).toBe(0);
  });

  it('rolls back a failing migration completely', async () => {
    const schema = fresh('broken');
    const [initial] = await loadMigrations();
    const broken = {
      version: 2,
      name: 'broken',
      sql: 'CREATE TABLE extra (id int); SELECT 1/0;',
      checksum: 'x',
    };
    const sql = createPgPoolSqlClient(pool);
    await expect(runMigrations(sql, { schema, migrations: [initial!, broken] })).rejects.toThrow(
      /division by zero/,
    );
    expect(await schemaVersion(sql, schema)).toBe(0);
    const { rows } = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    expect(rows).toEqual([]);
  });

  it('refuses to continue when an applied migration was edited', async () => {
    const schema = fresh('edited');
    const sql = createPgPoolSqlClient(pool);
    const migrations = await loadMigrations();
    await runMigrations(sql, { schema, migrations });
    const edited = migrations.map((migration) => ({ ...migration, checksum: 'edited' }));
    await expect(runMigrations(sql, { schema, migrations: edited })).rejects.toThrow(ConfigurationError);
  });

  // Each run starts a TypeScript process (seconds on a busy machine), so this test runs two.
  it('migrates and reports status from the command line', async () => {
    const schema = fresh('cli');
    const cli = (...args: string[]) =>
      run('pnpm', ['exec', 'tsx', 'src/cli.ts', ...args], { cwd: packageDir, env: { ...process.env } });
    const migrated = await cli('migrate', '--database-url', databaseUrl as string, '--schema', schema);
    expect(migrated.stdout).toContain('applied 0001_initial');
    expect(migrated.stdout).toContain(`schema ${schema} is at version 1`);
    const status = await cli('status', '--database-url', databaseUrl as string, '--schema', schema);
    expect(status.stdout).toContain(`schema ${schema} is at version 1; 0 pending`);
  }, 180_000);
});
