import type { StorageV1 } from '../../storage/v1/storage-v1';
import { type NotificationPreferences, NotificationPreferencesSchema } from '../notification-preferences';

/** Reads preferences with defaults applied and serialises read-modify-write per user. */
export type PreferencesStore = {
  /**
   * The user's preferences, or the defaults (email only, immediate, UTC) when never saved. With
   * `maxAgeMs`, a copy this process read at most that long ago may be returned (the dispatcher
   * reads a user's preferences for every message); changes made through this store are seen at
   * once, changes made by other processes within `maxAgeMs`.
   */
  get(userId: string, options?: { readonly maxAgeMs?: number }): Promise<NotificationPreferences>;
  /**
   * Applies `change` to the current preferences and stores the result (with `updatedAt` set),
   * one change per user at a time within this process, so the dispatcher removing a dead
   * webhook and a user editing quiet hours never overwrite each other here. `change` returning
   * `null` leaves them untouched. Returns the preferences before and after.
   */
  update(
    userId: string,
    change: (current: NotificationPreferences) => NotificationPreferences | null,
  ): Promise<{ readonly before: NotificationPreferences; readonly after: NotificationPreferences }>;
};

/** The defaults of a user who never saved preferences. */
export function defaultPreferences(userId: string, now: string): NotificationPreferences {
  return NotificationPreferencesSchema.parse({ userId, updatedAt: now });
}

/** Creates the preferences store over `storage.preferences`. */
export function createPreferencesStore(
  storage: Pick<StorageV1, 'preferences'>,
  now: () => string,
): PreferencesStore {
  const locks = new Map<string, Promise<unknown>>();
  const cache = new Map<string, { readonly preferences: NotificationPreferences; readonly at: number }>();
  const read = async (userId: string) => {
    const preferences = (await storage.preferences.get(userId)) ?? defaultPreferences(userId, now());
    // Bounded: a cleared cache only costs re-reads.
    if (cache.size >= 10_000) cache.clear();
    cache.set(userId, { preferences, at: Date.now() });
    return preferences;
  };
  const get = async (userId: string, options: { readonly maxAgeMs?: number } = {}) => {
    const cached = options.maxAgeMs ? cache.get(userId) : undefined;
    if (cached && Date.now() - cached.at <= (options.maxAgeMs ?? 0)) return cached.preferences;
    return read(userId);
  };
  return {
    get,
    update(userId, change) {
      const previous = locks.get(userId) ?? Promise.resolve();
      const run = previous
        .catch(() => undefined)
        .then(async () => {
          const before = await read(userId);
          const changed = change(structuredClone(before));
          if (!changed) return { before, after: before };
          const after = NotificationPreferencesSchema.parse({ ...changed, userId, updatedAt: now() });
          cache.delete(userId);
          await storage.preferences.put(after);
          cache.delete(userId);
          return { before, after };
        });
      locks.set(userId, run);
      void run
        .finally(() => {
          if (locks.get(userId) === run) locks.delete(userId);
        })
        .catch(() => undefined);
      return run;
    },
  };
}
