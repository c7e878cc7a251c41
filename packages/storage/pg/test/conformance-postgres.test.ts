import { runStorageConformance } from '@deal-scout/testkit';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPgStorage } from '../src/index';
import { makeListing } from './support/builders';
import { createTestPool, describeWithPostgres, dropSchemas, uniqueSchemaName } from './support/postgres';
import { defineStorageBehaviour } from './support/storage-behaviour';

describeWithPostgres('PostgreSQL', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = createTestPool();
  });
  afterAll(async () => {
    await pool.end();
  });

  runStorageConformance({
    name: 'postgres',
    async create() {
      // Every test gets an empty, freshly migrated schema of its own, dropped afterwards.
      const schema = uniqueSchemaName('conformance');
      const storage = createPgStorage({ client: pool, schema });
      await storage.migrate();
      return {
        subject: storage,
        teardown: async () => {
          await storage.close();
          await dropSchemas(pool, [schema]);
        },
      };
    },
    // PostgreSQL text cannot hold NUL: such a listing must fail its whole batch.
    unstorableListing: () => makeListing(99, { title: 'NUL \u0000 inside' }),
    additionalTests: defineStorageBehaviour,
  });
});
