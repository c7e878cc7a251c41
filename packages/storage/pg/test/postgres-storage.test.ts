import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPgStorage } from '../src/index';
import { createTestPool, describeWithPostgres, dropSchemas, uniqueSchemaName } from './support/postgres';
import { defineStorageBehaviour } from './support/storage-behaviour';

describeWithPostgres('PostgreSQL storage', () => {
  let pool: pg.Pool;
  const schemas: string[] = [];
  beforeAll(() => {
    pool = createTestPool();
  });
  afterAll(async () => {
    await dropSchemas(pool, schemas);
    await pool.end();
  });

  defineStorageBehaviour(async () => {
    const schema = uniqueSchemaName('pg');
    schemas.push(schema);
    const storage = createPgStorage({ client: pool, schema });
    await storage.migrate();
    return storage;
  });
});
