import type { NotificationPreferences } from '../../notifications/notification-preferences';
import type { PreferencesRepositoryV1 } from '../../storage/v1/preferences-repository-v1';

/** Notification preferences, one record per user. */
export function createMemoryPreferencesRepository(): PreferencesRepositoryV1 {
  const rows = new Map<string, NotificationPreferences>();
  return {
    async get(userId) {
      const preferences = rows.get(userId);
      return preferences ? structuredClone(preferences) : null;
    },
    async put(preferences) {
      rows.set(preferences.userId, structuredClone(preferences));
    },
  };
}
