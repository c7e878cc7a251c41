import { LimitExceededError } from '@deal-scout/core';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPgStorage, type PgStorage } from '../src/index';
import { at, makeListing, makeMatch, makeOutboxEntry, makeRule } from './support/builders';
import { createTestPool, describeWithPostgres, dropSchemas, uniqueSchemaName } from './support/postgres';

/**
 * Races on a real server. Each "process" is a storage on its own pool, so concurrent calls really
 * run on different connections and transactions.
 */
describeWithPostgres('concurrency on PostgreSQL', () => {
  const pools: pg.Pool[] = [];
  const schema = uniqueSchemaName('race');
  let processes: PgStorage[];

  beforeAll(async () => {
    for (let i = 0; i < 4; i++) pools.push(createTestPool({ max: 4 }));
    processes = pools.map((pool) => createPgStorage({ client: pool, schema }));
    await processes[0]?.migrate();
  });
  afterAll(async () => {
    await dropSchemas(pools[0] as pg.Pool, [schema]);
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it('never hands the same outbox entry to two dispatchers, over many rounds', async () => {
    const [first, second] = processes as [PgStorage, PgStorage];
    for (let round = 0; round < 8; round++) {
      const entries = Array.from({ length: 120 }, (_, index) =>
        makeOutboxEntry(index, {
          id: `r${round}-${index}`,
          dedupeKey: `r${round}-${index}`,
          availableAt: at(0),
        }),
      );
      await first.outbox.enqueueMany(entries, { now: at(0) });
      const dispatcher = async (storage: PgStorage, workerId: string) => {
        const claimed: string[] = [];
        for (;;) {
          const batch = await storage.outbox.claim({ workerId, now: at(1), leaseMs: 60_000, limit: 7 });
          if (batch.length === 0) return claimed;
          for (const entry of batch) {
            expect(entry.claimedBy).toBe(workerId);
            // Settling proves the lease is really this worker's.
            expect(
              await storage.outbox.markSent(entry.id, { workerId, now: at(1), providerMessageId: null }),
            ).toBe(true);
            claimed.push(entry.id);
          }
        }
      };
      const [a, b] = await Promise.all([
        dispatcher(first, 'dispatcher-a'),
        dispatcher(second, 'dispatcher-b'),
      ]);
      const overlap = a.filter((id) => b.includes(id));
      expect(overlap).toEqual([]);
      expect(new Set([...a, ...b]).size).toBe(entries.length);
      expect(a.length + b.length).toBe(entries.length);
    }
  }, 120_000);

  it('keeps one row and a correct price history when processes upsert one listing at once', async () => {
    const listing = makeListing(7000);
    const prices = [100, 200, 200, 300, 100, 150, 150, 400, 100, 250, 250, 300];
    const results = await Promise.all(
      prices.map((amount, index) =>
        (processes[index % processes.length] as PgStorage).listings.upsertMany(
          [{ ...listing, price: { amount, currency: 'USD' } }],
          { now: at(index) },
        ),
      ),
    );
    const outcomes = results.flat();
    const { rows } = await (pools[0] as pg.Pool).query(
      `SELECT count(*)::int AS n FROM "${schema}".listings WHERE id = $1`,
      [listing.id],
    );
    expect(rows[0]).toEqual({ n: 1 });
    expect(outcomes.filter((result) => result.outcome === 'created')).toHaveLength(1);
    const history = (await processes[0]?.listings.priceHistory(listing.id)) ?? [];
    // One point when created plus one per reported price change, and no two equal neighbours.
    expect(history).toHaveLength(1 + outcomes.filter((result) => result.previousPrice !== null).length);
    for (let i = 1; i < history.length; i++) {
      expect(history[i]?.price.amount).not.toBe(history[i - 1]?.price.amount);
    }
    // Each reported change is a pair of neighbouring points: (previous price, the price it wrote).
    outcomes.forEach((result, index) => {
      if (!result.previousPrice) return;
      const pair = history.findIndex(
        (point, at) =>
          at > 0 &&
          point.price.amount === prices[index] &&
          history[at - 1]?.price.amount === result.previousPrice?.amount,
      );
      expect(pair, `change to ${prices[index]} from ${result.previousPrice.amount}`).toBeGreaterThan(0);
    });
    const stored = await processes[0]?.listings.get(listing.id);
    expect(history.at(-1)?.price).toEqual(stored?.price);
  }, 60_000);

  it('upserts overlapping batches in different orders without deadlocks or duplicates', async () => {
    const listings = Array.from({ length: 200 }, (_, index) => makeListing(8000 + index));
    // Each process sends the same listings rotated (and every other one reversed).
    const shuffled = (offset: number) => {
      const rotated = [...listings.slice(offset * 37), ...listings.slice(0, offset * 37)];
      return offset % 2 ? rotated.reverse() : rotated;
    };
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        processes.map((storage, index) =>
          storage.listings.upsertMany(
            shuffled(index).map((listing) => ({ ...listing, title: `${listing.title} v${round}` })),
            { now: at(100 + round) },
          ),
        ),
      );
    }
    const stored = await processes[0]?.listings.getMany(listings.map((listing) => listing.id));
    expect(stored).toHaveLength(200);
    for (const listing of listings.slice(0, 5)) {
      expect(await processes[0]?.listings.priceHistory(listing.id)).toHaveLength(1);
    }
  }, 60_000);

  it('lets exactly maxRulesForUser creates win when they race', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) =>
        (processes[index % processes.length] as PgStorage).rules.create(
          makeRule(900 + index, { userId: 'racing-user' }),
          { maxRulesForUser: 3 },
        ),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(3);
    const rejected = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(rejected).toHaveLength(9);
    for (const attempt of rejected)
      expect((attempt as PromiseRejectedResult).reason).toBeInstanceOf(LimitExceededError);
    expect(await processes[0]?.rules.countByUser('racing-user')).toBe(3);
  });

  it('records each (rule, listing) pair once when recorders race', async () => {
    const results = await Promise.all(
      processes.map((storage, worker) =>
        storage.alertMatches.recordMany(
          Array.from({ length: 50 }, (_, index) =>
            makeMatch(index, {
              id: `w${worker}-${index}`,
              ruleId: 'race-rule',
              listingId: `ebay:item-${index}`,
            }),
          ),
        ),
      ),
    );
    expect(results.flat()).toHaveLength(50);
    const stored = await processes[0]?.alertMatches.listByRule('race-rule', { limit: 1000 });
    expect(stored?.items).toHaveLength(50);
  });

  it('enqueues a dedupe key once when producers race', async () => {
    const written = await Promise.all(
      processes.map((storage, worker) =>
        storage.outbox.enqueueMany([makeOutboxEntry(1, { id: `dup-${worker}`, dedupeKey: 'race-dedupe' })], {
          now: at(0),
        }),
      ),
    );
    expect(written.flat()).toHaveLength(1);
  });

  it('migrates once when several processes migrate the same new schema at once', async () => {
    const fresh = uniqueSchemaName('migrate');
    try {
      const reports = await Promise.all(
        pools.map((pool) => createPgStorage({ client: pool, schema: fresh }).migrate()),
      );
      expect(reports.filter((report) => report.applied.length > 0)).toHaveLength(1);
      expect(reports.every((report) => report.version === 1)).toBe(true);
      const { rows } = await (pools[0] as pg.Pool).query(`SELECT version FROM "${fresh}".schema_migrations`);
      expect(rows).toEqual([{ version: 1 }]);
    } finally {
      await dropSchemas(pools[0] as pg.Pool, [fresh]);
    }
  });
});
