import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPgliteStorage } from '../src/index';
import { uniqueSchemaName } from './support/postgres';
import { defineStorageBehaviour } from './support/storage-behaviour';

// One embedded database for the file; each test gets its own schema in it.
let db: PGlite;
// Starting PGlite compiles its WebAssembly and runs initdb: seconds, more on a busy machine.
beforeAll(async () => {
  db = await PGlite.create();
}, 180_000);
afterAll(async () => {
  await db.close();
});

describe('PGlite storage', () => {
  defineStorageBehaviour(async () => createPgliteStorage({ client: db, schema: uniqueSchemaName('pglite') }));
});
