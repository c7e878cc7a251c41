import type { NotificationPreferences, PreferencesRepositoryV1 } from '@deal-scout/core';
import { fromJson, toIsoTimestamp } from '../values/sql-values';
import { LookupIdSchema, PreferencesSchema, parseStorageInput } from '../values/storage-inputs';
import type { RepositoryContext } from './repository-context';

/** Notification preferences: one row per user, everything but the key and time in `jsonb`. */
export function createPreferencesRepository(context: RepositoryContext): PreferencesRepositoryV1 {
  const { tables } = context;
  return {
    async get(userId) {
      const user = parseStorageInput(LookupIdSchema, userId, { subject: 'user id', field: 'userId' });
      return context.run('preferences.get', async () => {
        const { rows } = await context.sql.query<{ user_id: string; updated_at: unknown; doc: unknown }>(
          `SELECT user_id, updated_at, doc FROM ${tables.preferences} WHERE user_id = $1`,
          [user],
        );
        const row = rows[0];
        if (!row) return null;
        return {
          ...fromJson<Omit<NotificationPreferences, 'userId' | 'updatedAt'>>(row.doc),
          userId: row.user_id,
          updatedAt: toIsoTimestamp(row.updated_at),
        };
      });
    },

    async put(preferences) {
      const parsed = parseStorageInput(PreferencesSchema, preferences, {
        subject: 'notification preferences',
        field: 'preferences',
      });
      const { userId, updatedAt, ...rest } = parsed;
      await context.run('preferences.put', () =>
        context.sql.query(
          `INSERT INTO ${tables.preferences} (user_id, updated_at, doc) VALUES ($1, $2::timestamptz, $3::jsonb)
           ON CONFLICT (user_id) DO UPDATE SET updated_at = excluded.updated_at, doc = excluded.doc`,
          [userId, updatedAt, JSON.stringify(rest)],
        ),
      );
    },
  };
}
