import { describe, expect, it } from 'vitest';
import { at, buildOutboxEntry } from '../../builders';
import { collectPages } from '../define-suite';
import type { StorageTestContext } from './storage-conformance-options';

const lease = 60_000;
const claim = (workerId: string, now: string, limit = 10) => ({ workerId, now, leaseMs: lease, limit });

/** The outbox: dedupe, claims, leases with two workers, settling, cancelling and the log. */
export function outboxRepositoryTests({ getSubject, enabled }: StorageTestContext): void {
  describe.skipIf(!enabled('outbox'))('outbox', () => {
    it('enqueues entries as pending and skips existing dedupe keys', async () => {
      const { outbox } = getSubject();
      const entry = buildOutboxEntry({ payload: { listingId: 'm:1', nested: { price: 100 } } });
      const [written] = await outbox.enqueueMany([entry], { now: at(1) });
      const expected = {
        ...entry,
        status: 'pending',
        attempts: 0,
        claimedBy: null,
        claimExpiresAt: null,
        providerMessageId: null,
        lastError: null,
        createdAt: at(1),
        updatedAt: at(1),
      };
      expect(written).toEqual(expected);
      expect(await outbox.get(entry.id)).toEqual(expected);
      const duplicate = buildOutboxEntry({ dedupeKey: entry.dedupeKey });
      const other = buildOutboxEntry();
      expect((await outbox.enqueueMany([duplicate, other], { now: at(2) })).map((row) => row.id)).toEqual([
        other.id,
      ]);
      expect(await outbox.get(duplicate.id)).toBeNull();
    });

    it.skipIf(!enabled('concurrency'))('writes a dedupe key once when enqueues race', async () => {
      const { outbox } = getSubject();
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          outbox.enqueueMany([buildOutboxEntry({ dedupeKey: 'same' })], { now: at(1) }),
        ),
      );
      expect(results.flat()).toHaveLength(1);
    });

    it('claims due entries oldest first, leasing them and counting an attempt', async () => {
      const { outbox } = getSubject();
      const late = buildOutboxEntry({ availableAt: at(5) });
      const early = buildOutboxEntry({ availableAt: at(1) });
      const future = buildOutboxEntry({ availableAt: at(60) });
      const sms = buildOutboxEntry({ availableAt: at(0), channel: 'sms' });
      await outbox.enqueueMany([late, early, future, sms], { now: at(0) });
      const claimed = await outbox.claim({ ...claim('w1', at(10), 2), channels: ['email'] });
      expect(claimed.map((entry) => entry.id)).toEqual([early.id, late.id]);
      const stored = await outbox.get(early.id);
      expect(stored).toMatchObject({
        status: 'claimed',
        claimedBy: 'w1',
        attempts: 1,
        claimExpiresAt: new Date(Date.parse(at(10)) + lease).toISOString(),
      });
      expect((await outbox.claim(claim('w2', at(10)))).map((entry) => entry.id)).toEqual([sms.id]);
    });

    it.skipIf(!enabled('concurrency'))('never hands the same entry to two racing workers', async () => {
      const { outbox } = getSubject();
      const entries = Array.from({ length: 20 }, (_, index) =>
        buildOutboxEntry({ availableAt: at(index % 3) }),
      );
      await outbox.enqueueMany(entries, { now: at(0) });
      const [a, b] = await Promise.all([
        outbox.claim(claim('a', at(5), 15)),
        outbox.claim(claim('b', at(5), 15)),
      ]);
      const ids = [...a, ...b].map((entry) => entry.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(entries.map((entry) => entry.id).sort());
    });

    it('gives an expired lease to another worker; only the holder may settle it', async () => {
      const { outbox } = getSubject();
      const entry = buildOutboxEntry();
      await outbox.enqueueMany([entry], { now: at(0) });
      await outbox.claim(claim('w1', at(1)));
      expect(await outbox.claim(claim('w2', at(1.5)))).toEqual([]);
      const reclaimed = await outbox.claim(claim('w2', at(2.5)));
      expect(reclaimed.map((row) => row.id)).toEqual([entry.id]);
      expect(reclaimed[0]).toMatchObject({ claimedBy: 'w2', attempts: 2 });
      expect(await outbox.markSent(entry.id, { workerId: 'w1', now: at(3), providerMessageId: 'late' })).toBe(
        false,
      );
      expect(await outbox.markFailed(entry.id, { workerId: 'w1', now: at(3), error: 'x' })).toBe(false);
      expect(
        await outbox.release(entry.id, { workerId: 'w1', now: at(3), availableAt: at(4), error: 'x' }),
      ).toBe(false);
      expect((await outbox.get(entry.id))?.status).toBe('claimed');
      expect(
        await outbox.markSent(entry.id, { workerId: 'w2', now: at(3), providerMessageId: 'SM123' }),
      ).toBe(true);
      expect(await outbox.get(entry.id)).toMatchObject({
        status: 'sent',
        providerMessageId: 'SM123',
        updatedAt: at(3),
      });
      expect(await outbox.claim(claim('w3', at(100)))).toEqual([]);
      expect(
        await outbox.markSent(entry.id, { workerId: 'w2', now: at(4), providerMessageId: 'again' }),
      ).toBe(false);
    });

    it('releases for a later retry and marks permanent failures', async () => {
      const { outbox } = getSubject();
      const [retry, fail] = [buildOutboxEntry(), buildOutboxEntry()];
      await outbox.enqueueMany([retry, fail], { now: at(0) });
      await outbox.claim(claim('w1', at(1)));
      expect(
        await outbox.release(retry.id, { workerId: 'w1', now: at(2), availableAt: at(10), error: '503' }),
      ).toBe(true);
      expect(await outbox.markFailed(fail.id, { workerId: 'w1', now: at(2), error: 'invalid number' })).toBe(
        true,
      );
      expect(await outbox.get(retry.id)).toMatchObject({
        status: 'pending',
        availableAt: at(10),
        lastError: '503',
      });
      expect(await outbox.get(fail.id)).toMatchObject({ status: 'failed', lastError: 'invalid number' });
      expect(await outbox.claim(claim('w1', at(9)))).toEqual([]);
      const again = await outbox.claim(claim('w1', at(10)));
      expect(again.map((entry) => entry.id)).toEqual([retry.id]);
      expect(again[0]?.attempts).toBe(2);
    });

    it('cancels only the pending entries of a user on a channel', async () => {
      const { outbox } = getSubject();
      const claimedEntry = buildOutboxEntry({ availableAt: at(0) });
      const pending = buildOutboxEntry({ availableAt: at(30) });
      const otherChannel = buildOutboxEntry({ availableAt: at(30), channel: 'sms' });
      const otherUser = buildOutboxEntry({ availableAt: at(30), userId: 'user-2' });
      await outbox.enqueueMany([claimedEntry, pending, otherChannel, otherUser], { now: at(0) });
      await outbox.claim(claim('w1', at(1)));
      expect(await outbox.cancelPending({ userId: 'user-1', channel: 'email', now: at(2) })).toBe(1);
      expect(await outbox.get(pending.id)).toMatchObject({ status: 'cancelled', updatedAt: at(2) });
      expect((await outbox.get(claimedEntry.id))?.status).toBe('claimed');
      expect((await outbox.get(otherChannel.id))?.status).toBe('pending');
      expect((await outbox.get(otherUser.id))?.status).toBe('pending');
    });

    it('lists the delivery log newest update first, filtered and paged', async () => {
      const { outbox } = getSubject();
      const entries = Array.from({ length: 7 }, (_, index) => buildOutboxEntry({ availableAt: at(index) }));
      for (const [index, entry] of entries.entries()) await outbox.enqueueMany([entry], { now: at(index) });
      await outbox.enqueueMany([buildOutboxEntry({ userId: 'user-2', availableAt: at(40) })], {
        now: at(50),
      });
      await outbox.claim(claim('w1', at(20), 1));
      const { items } = await collectPages((cursor) => outbox.list({ limit: 3, cursor, userId: 'user-1' }));
      expect(items.map((entry) => entry.id)).toEqual([
        entries[0]!.id,
        ...entries
          .slice(1)
          .reverse()
          .map((entry) => entry.id),
      ]);
      const claimedOnly = await outbox.list({ limit: 10, statuses: ['claimed'] });
      expect(claimedOnly.items.map((entry) => entry.id)).toEqual([entries[0]!.id]);
    });
  });
}
