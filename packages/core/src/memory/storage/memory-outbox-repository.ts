import type { OutboxEntry } from '../../notifications/outbox-entry';
import type { OutboxRepositoryV1 } from '../../storage/v1/outbox-repository-v1';
import { compareKeys, paginate } from './paging';
import { storableCopy } from './storable-copy';

const ascending = ['asc', 'asc', 'asc'] as const;

/**
 * The notification outbox. `claim` counts an attempt and leases the entry; the lease holder may
 * settle it (`markSent`, `release`, `markFailed`) as long as no other worker has claimed it since,
 * even after the lease expired, because a late success is still better recorded than re-sent.
 */
export function createMemoryOutboxRepository(): OutboxRepositoryV1 {
  const rows = new Map<string, OutboxEntry>();
  const dedupeKeys = new Set<string>();

  /** Applies `change` to an entry leased to `workerId`; false when it is not (any more). */
  const settle = (id: string, workerId: string, change: (entry: OutboxEntry) => OutboxEntry) => {
    const entry = rows.get(id);
    if (entry?.status !== 'claimed' || entry.claimedBy !== workerId) return false;
    rows.set(id, change(entry));
    return true;
  };

  return {
    async enqueueMany(entries, { now }) {
      const fresh: OutboxEntry[] = [];
      const batchKeys = new Set<string>();
      const batchIds = new Set<string>();
      for (const entry of entries) {
        if (dedupeKeys.has(entry.dedupeKey) || batchKeys.has(entry.dedupeKey)) continue;
        if (rows.has(entry.id) || batchIds.has(entry.id)) continue;
        batchKeys.add(entry.dedupeKey);
        batchIds.add(entry.id);
        fresh.push({
          id: entry.id,
          dedupeKey: entry.dedupeKey,
          userId: entry.userId,
          channel: entry.channel,
          payload: storableCopy(entry.payload, `outbox entry '${entry.id}'`),
          status: 'pending',
          attempts: 0,
          availableAt: entry.availableAt,
          claimedBy: null,
          claimExpiresAt: null,
          providerMessageId: null,
          lastError: null,
          createdAt: now,
          updatedAt: now,
        });
      }
      for (const entry of fresh) {
        rows.set(entry.id, entry);
        dedupeKeys.add(entry.dedupeKey);
      }
      return structuredClone(fresh);
    },

    async claim({ workerId, now, leaseMs, limit, channels }) {
      const wanted = channels ? new Set(channels) : null;
      const claimable = [...rows.values()]
        .filter(
          (entry) =>
            (!wanted || wanted.has(entry.channel)) &&
            ((entry.status === 'pending' && entry.availableAt <= now) ||
              (entry.status === 'claimed' && entry.claimExpiresAt !== null && entry.claimExpiresAt <= now)),
        )
        .sort((a, b) =>
          compareKeys([a.availableAt, a.createdAt, a.id], [b.availableAt, b.createdAt, b.id], ascending),
        )
        .slice(0, Math.max(0, limit));
      const claimExpiresAt = new Date(new Date(now).getTime() + leaseMs).toISOString();
      const claimed = claimable.map(
        (entry): OutboxEntry => ({
          ...entry,
          status: 'claimed',
          attempts: entry.attempts + 1,
          claimedBy: workerId,
          claimExpiresAt,
          updatedAt: now,
        }),
      );
      for (const entry of claimed) rows.set(entry.id, entry);
      return structuredClone(claimed);
    },

    async markSent(id, { workerId, now, providerMessageId }) {
      return settle(id, workerId, (entry) => ({
        ...entry,
        status: 'sent',
        providerMessageId,
        claimedBy: null,
        claimExpiresAt: null,
        lastError: null,
        updatedAt: now,
      }));
    },

    async release(id, { workerId, now, availableAt, error }) {
      return settle(id, workerId, (entry) => ({
        ...entry,
        status: 'pending',
        availableAt,
        claimedBy: null,
        claimExpiresAt: null,
        lastError: error,
        updatedAt: now,
      }));
    },

    async markFailed(id, { workerId, now, error }) {
      return settle(id, workerId, (entry) => ({
        ...entry,
        status: 'failed',
        claimedBy: null,
        claimExpiresAt: null,
        lastError: error,
        updatedAt: now,
      }));
    },

    async cancelPending({ userId, channel, now }) {
      let cancelled = 0;
      for (const entry of rows.values()) {
        if (entry.status !== 'pending' || entry.userId !== userId || entry.channel !== channel) continue;
        rows.set(entry.id, { ...entry, status: 'cancelled', updatedAt: now });
        cancelled++;
      }
      return cancelled;
    },

    async get(id) {
      const entry = rows.get(id);
      return entry ? structuredClone(entry) : null;
    },

    async list(query) {
      const statuses = query.statuses ? new Set(query.statuses) : null;
      const matches = [...rows.values()].filter(
        (entry) =>
          (query.userId === undefined || entry.userId === query.userId) &&
          (!statuses || statuses.has(entry.status)),
      );
      return paginate(matches, (entry) => [entry.updatedAt, entry.id], ['desc', 'asc'], query);
    },
  };
}
