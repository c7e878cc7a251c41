import type { NotificationPreferences } from '../../notifications/notification-preferences';

/** Notification preferences, one record per user. */
export type PreferencesRepositoryV1 = {
  /** The user's preferences, or `null` when never saved (the SDK then applies defaults). */
  get(userId: string): Promise<NotificationPreferences | null>;
  /** Replaces the user's preferences. */
  put(preferences: NotificationPreferences): Promise<void>;
};
