import { buildListing, buildOutboxEntry, buildRule } from '@deal-scout/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage, StorageError, ValidationError } from '../src';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 9, 0) + minutes * 60_000).toISOString();

describe('memory storage beyond the conformance suite', () => {
  it('answers a bad page request or a foreign cursor with a ValidationError naming the field', async () => {
    const storage = createMemoryStorage();
    await expect(storage.listings.query({ limit: 0 })).rejects.toMatchObject({ field: 'limit' });
    await expect(storage.rules.listEnabled({ limit: 1001 })).rejects.toMatchObject({ field: 'limit' });
    await expect(storage.outbox.list({ limit: 10, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(storage.outbox.list({ limit: 10, cursor: 'not-a-cursor' })).rejects.toMatchObject({
      field: 'cursor',
    });
  });

  it('never lets a compare-and-set from before a delete win after it', async () => {
    const { state } = createMemoryStorage();
    const before = await state.set('k', 1);
    await state.delete('k');
    expect(await state.set('k', 2, { expectedVersion: before })).toBeNull();
    const fresh = await state.set('k', 3, { expectedVersion: null });
    expect(fresh).not.toBe(before);
    expect(await state.get('k')).toEqual({ value: 3, version: fresh });
  });

  it('lets the lease holder settle after the lease ran out when nobody reclaimed it', async () => {
    const { outbox } = createMemoryStorage();
    const entry = buildOutboxEntry();
    await outbox.enqueueMany([entry], { now: at(0) });
    await outbox.claim({ workerId: 'w1', now: at(0), leaseMs: 1000, limit: 1 });
    expect(
      await outbox.markSent(entry.id, { workerId: 'w1', now: at(10), providerMessageId: 'late-but-sent' }),
    ).toBe(true);
  });

  it('copies rules on the way in and out', async () => {
    const { rules } = createMemoryStorage();
    const rule = buildRule();
    await rules.create(rule);
    rule.keywords.push('mutated');
    const read = await rules.get(rule.id);
    read?.keywords.push('mutated again');
    expect((await rules.get(rule.id))?.keywords).toEqual(['playstation']);
  });

  it('pages any set of listings completely and in order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ minute: fc.integer({ min: 0, max: 5 }), price: fc.integer({ min: 0, max: 1000 }) }),
          {
            maxLength: 40,
          },
        ),
        fc.integer({ min: 1, max: 9 }),
        async (rows, limit) => {
          const { listings } = createMemoryStorage();
          const built = rows.map((row) =>
            buildListing({ postedAt: at(row.minute), price: { amount: row.price, currency: 'USD' } }),
          );
          await listings.upsertMany(built, { now: at(10) });
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page = await listings.query({ limit, cursor });
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items.map((listing) => listing.id));
            cursor = page.nextCursor;
          } while (cursor);
          const expected = [...built]
            .sort((a, b) =>
              a.postedAt === b.postedAt ? (a.id < b.id ? -1 : 1) : a.postedAt < b.postedAt ? 1 : -1,
            )
            .map((listing) => listing.id);
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses values that are not plain data with a StorageError and writes nothing', async () => {
    const storage = createMemoryStorage();
    const notData = (() => 1) as unknown as string;
    await expect(storage.state.set('k', { notData })).rejects.toBeInstanceOf(StorageError);
    expect(await storage.state.get('k')).toBeNull();
    const good = buildOutboxEntry();
    await expect(
      storage.outbox.enqueueMany([good, buildOutboxEntry({ payload: { notData } })], { now: at(0) }),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    expect(await storage.outbox.get(good.id)).toBeNull();
  });
});
