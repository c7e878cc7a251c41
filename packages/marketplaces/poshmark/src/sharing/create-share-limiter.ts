import { LimitExceededError, type StateRepositoryV1, StorageError } from '@deal-scout/core';

/** Where share counts live: core's state repository (shared across processes) or memory. */
export type ShareCountStore = Pick<StateRepositoryV1, 'get' | 'set'>;

/** A compare-and-set store in memory, for a single process. */
export function createMemoryShareCountStore(): ShareCountStore {
  const entries = new Map<string, { value: unknown; version: number }>();
  return {
    async get(key) {
      return entries.get(key) ?? null;
    },
    async set(key, value, options) {
      const current = entries.get(key);
      if (options?.expectedVersion !== undefined) {
        const expected = options.expectedVersion;
        if ((expected === null && current) || (expected !== null && current?.version !== expected))
          return null;
      }
      const version = (current?.version ?? 0) + 1;
      entries.set(key, { value, version });
      return version;
    },
  };
}

/** Counts shares per account per UTC day and refuses the one past the cap. */
export type ShareLimiter = {
  /** Reserves one share; throws `LimitExceededError` when today's cap is used up. */
  take(accountId: string): Promise<{ readonly used: number; readonly remaining: number }>;
  /** Shares left today for an account. */
  remaining(accountId: string): Promise<number>;
};

/**
 * Creates the limiter. Counting uses compare-and-set, so concurrent shares from several workers
 * on one state store never exceed the cap.
 */
export function createShareLimiter(options: {
  readonly dailyCap: number;
  readonly store: ShareCountStore;
  readonly now: () => Date;
}): ShareLimiter {
  const keyOf = (accountId: string) =>
    `poshmark.shares.${accountId}.${options.now().toISOString().slice(0, 10)}`;
  const countOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : 0);
  return {
    async take(accountId) {
      const key = keyOf(accountId);
      for (let attempt = 0; attempt < 20; attempt++) {
        const entry = await options.store.get(key);
        const used = countOf(entry?.value);
        if (used >= options.dailyCap) {
          throw new LimitExceededError({
            message: `the daily share cap of ${options.dailyCap} is reached for this account; shares resume at 00:00 UTC`,
            limit: options.dailyCap,
            source: 'poshmark',
          });
        }
        const written = await options.store.set(key, used + 1, { expectedVersion: entry?.version ?? null });
        if (written !== null) return { used: used + 1, remaining: options.dailyCap - used - 1 };
      }
      throw new StorageError({
        message: 'share counter kept changing under concurrent writers',
        isRetryable: true,
        source: 'poshmark',
      });
    },
    async remaining(accountId) {
      const entry = await options.store.get(keyOf(accountId));
      return Math.max(0, options.dailyCap - countOf(entry?.value));
    },
  };
}
