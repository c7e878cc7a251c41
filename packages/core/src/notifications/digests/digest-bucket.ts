import type { StateRepositoryV1 } from '../../storage/v1/state-repository-v1';
import { updateState } from '../state-cas';
import { openDigest } from './digest-index';
import { type DigestFrequency, digestPeriodFor } from './digest-period';

/** One deal waiting in a digest. */
export type DigestItem = {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly listingId: string;
  readonly matchedAt: string;
  readonly reasons: readonly string[];
  /** `frequency`: the user wants digests; `daily_cap`: the day's cap was reached. */
  readonly via: 'frequency' | 'daily_cap';
};

/** The deals collected for one user and period. `closed` once the digest was built. */
export type DigestBucket = {
  readonly userId: string;
  readonly period: string;
  readonly label: string;
  readonly dueAt: string;
  readonly closed: boolean;
  readonly builtAt: string | null;
  readonly items: DigestItem[];
  /** Items beyond {@link maxBucketItems}, counted but not kept. */
  readonly overflow: number;
};

/** Most deals kept per digest (a digest shows 20; the rest are counted). */
export const maxBucketItems = 200;

/** The state key of a user's digest for a period. */
export function bucketKey(userId: string, period: string): string {
  return `notifications.digest:${userId}:${period}`;
}

/**
 * Adds a deal to the user's next digest of `frequency`, atomically (compare-and-set). The same
 * (rule, listing) is kept once per digest. A digest already built (closed) takes no more items:
 * they go to the following period, so an item is never added to a digest after it was rendered.
 * Returns the period the item landed in, and whether it was new.
 */
export async function addToDigest(
  state: StateRepositoryV1,
  options: {
    readonly userId: string;
    readonly frequency: DigestFrequency;
    readonly timeZone: string;
    readonly digestTime: string;
    readonly at: Date;
    readonly item: DigestItem;
  },
): Promise<{ readonly period: string; readonly added: boolean }> {
  let at = options.at;
  for (let hop = 0; hop < 5; hop++) {
    const period = digestPeriodFor(at, options.frequency, options.timeZone, options.digestTime);
    const key = bucketKey(options.userId, period.key);
    // Listed first: a crash after this leaves an index entry without a bucket (harmless),
    // never a bucket the digest job cannot find.
    await openDigest(state, {
      userId: options.userId,
      period: period.key,
      dueAt: period.dueAt.toISOString(),
    });
    let closed = false;
    const { changed } = await updateState<DigestBucket>(state, key, (bucket) => {
      closed = false;
      if (bucket?.closed) {
        closed = true;
        return undefined;
      }
      const current: DigestBucket = bucket ?? {
        userId: options.userId,
        period: period.key,
        label: period.label,
        dueAt: period.dueAt.toISOString(),
        closed: false,
        builtAt: null,
        items: [],
        overflow: 0,
      };
      const { ruleId, listingId } = options.item;
      if (current.items.some((item) => item.ruleId === ruleId && item.listingId === listingId))
        return undefined;
      if (current.items.length >= maxBucketItems) return { ...current, overflow: current.overflow + 1 };
      return { ...current, items: [...current.items, options.item] };
    });
    if (!closed) return { period: period.key, added: changed };
    at = period.dueAt;
  }
  throw new RangeError('could not find an open digest period');
}

/**
 * Closes a digest so it takes no more items, and returns it (also when another job closed it
 * first); `null` when there is no such digest.
 */
export async function closeBucket(
  state: StateRepositoryV1,
  userId: string,
  period: string,
): Promise<DigestBucket | null> {
  const { value } = await updateState<DigestBucket>(state, bucketKey(userId, period), (bucket) =>
    bucket && !bucket.closed ? { ...bucket, closed: true } : undefined,
  );
  return value;
}

/** Marks a closed digest as delivered to the outbox and drops its items (kept as a tombstone). */
export async function markBucketBuilt(
  state: StateRepositoryV1,
  userId: string,
  period: string,
  now: string,
): Promise<void> {
  await updateState<DigestBucket>(state, bucketKey(userId, period), (bucket) =>
    bucket && bucket.builtAt === null ? { ...bucket, builtAt: now, items: [] } : undefined,
  );
}
