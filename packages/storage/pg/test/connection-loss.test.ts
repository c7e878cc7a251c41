import { StorageError } from '@deal-scout/core';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPgStorage, type PgStorage } from '../src/index';
import { at, makeListing } from './support/builders';
import {
  createTestPool,
  databaseUrl,
  describeWithPostgres,
  dropSchemas,
  uniqueSchemaName,
} from './support/postgres';

describeWithPostgres('a lost connection', () => {
  const schema = uniqueSchemaName('lost');
  let pool: pg.Pool;
  let admin: pg.Pool;
  let storage: PgStorage;

  beforeAll(async () => {
    pool = createTestPool({ max: 2 });
    admin = createTestPool({ max: 2 });
    storage = createPgStorage({ client: pool, schema });
    await storage.migrate();
  });
  afterAll(async () => {
    await dropSchemas(admin, [schema]);
    await Promise.all([pool.end(), admin.end()]);
  });

  it('fails a write in flight with a retryable StorageError and loses nothing acknowledged', async () => {
    const acknowledged = makeListing(1);
    await storage.listings.upsertMany([acknowledged], { now: at(0) });

    // Hold the listing's row lock from another session, so the next upsert waits inside its
    // transaction, then kill that upsert's backend as a crashed network or server would.
    const blocker = await admin.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT id FROM "${schema}".listings WHERE id = $1 FOR UPDATE`, [acknowledged.id]);
    const inFlight = storage.listings
      .upsertMany([{ ...acknowledged, price: { amount: 1, currency: 'USD' } }, makeListing(2)], {
        now: at(5),
      })
      .catch((error: unknown) => error);
    let victim: number | undefined;
    for (let attempt = 0; attempt < 200 && victim === undefined; attempt++) {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%' AND query LIKE $1`,
        [`%${schema}%`],
      );
      victim = rows[0]?.pid;
      if (victim === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(victim, 'the upsert should be waiting on the row lock').toBeDefined();
    await admin.query('SELECT pg_terminate_backend($1)', [victim]);
    const error = await inFlight;
    await blocker.query('ROLLBACK');
    blocker.release();

    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).isRetryable).toBe(true);
    expect((error as StorageError).message).toContain('listings.upsertMany');
    // Nothing of the failed batch, everything acknowledged before it.
    expect(await storage.listings.get(acknowledged.id)).toEqual(acknowledged);
    expect(await storage.listings.get(makeListing(2).id)).toBeNull();
    expect(await storage.listings.priceHistory(acknowledged.id)).toHaveLength(1);
    // Retrying the same call succeeds on a new connection.
    const retried = await storage.listings.upsertMany(
      [{ ...acknowledged, price: { amount: 1, currency: 'USD' } }, makeListing(2)],
      { now: at(5) },
    );
    expect(retried.map((result) => result.outcome)).toEqual(['updated', 'created']);
  }, 60_000);

  it('reports an unreachable server as a retryable StorageError', async () => {
    const url = new URL(databaseUrl as string);
    url.port = '1'; // nothing listens there
    const unreachable = new pg.Pool({ connectionString: url.toString(), connectionTimeoutMillis: 2000 });
    unreachable.on('error', () => undefined);
    try {
      const down = createPgStorage({ client: unreachable, schema });
      const error = await down.listings.count().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).isRetryable).toBe(true);
      const write = await down.rules.delete('rule-1').catch((caught: unknown) => caught);
      expect((write as StorageError).isRetryable).toBe(true);
    } finally {
      await unreachable.end();
    }
  });
});
