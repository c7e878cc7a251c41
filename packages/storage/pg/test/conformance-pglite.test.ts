import { runStorageConformance } from '@deal-scout/testkit';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPgliteStorage } from '../src/index';
import { makeListing } from './support/builders';
import { uniqueSchemaName } from './support/postgres';
import { defineStorageBehaviour } from './support/storage-behaviour';

describe('PGlite', () => {
  // One embedded database for the file (starting one takes seconds); every test gets a schema.
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  }, 180_000);
  afterAll(async () => {
    await db.close();
  });

  runStorageConformance({
    name: 'pglite',
    async create() {
      const schema = uniqueSchemaName('conformance');
      const storage = createPgliteStorage({ client: db, schema });
      await storage.migrate();
      return {
        subject: storage,
        teardown: async () => {
          await storage.close();
          await db.exec(`DROP SCHEMA "${schema}" CASCADE`);
        },
      };
    },
    unstorableListing: () => makeListing(99, { title: 'NUL \u0000 inside' }),
    additionalTests: defineStorageBehaviour,
  });
});
