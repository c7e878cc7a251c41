import type { ChannelKind } from '../channel-kind';
import { digestPeriodFor } from '../digests/digest-period';
import type { NotificationPreferences } from '../notification-preferences';
import { channelAddressState } from '../policy/select-channels';

/** GET /notification-preferences/summary: the settings and what they mean right now. */
export type NotificationPreferencesSummary = {
  readonly userId: string;
  readonly channels: ReadonlyArray<{
    readonly channel: ChannelKind;
    /** The user chose this channel. */
    readonly enabled: boolean;
    /** Where it delivers (`ok`), or why it cannot. */
    readonly address: 'ok' | 'no_address' | 'address_invalid';
    /** The host composed a channel for it. */
    readonly available: boolean;
    /** Enabled, addressed and available: alerts go here. */
    readonly active: boolean;
  }>;
  readonly frequency: NotificationPreferences['frequency'];
  readonly quietHours: NotificationPreferences['quietHours'];
  readonly timeZone: string;
  readonly categoryFilters: readonly string[];
  readonly maxNotificationsPerDay: number | null;
  /** Notifications counted against today's cap (local day). */
  readonly sentToday: number;
  /** When the next digest goes out, for digest users. */
  readonly nextDigestAt: string | null;
  readonly pushSubscriptions: number;
  readonly updatedAt: string;
};

/** Summarises preferences for display (no addresses: the summary may be shown or logged). */
export function summarizePreferences(
  preferences: NotificationPreferences,
  context: {
    readonly now: Date;
    readonly composed: ReadonlySet<ChannelKind>;
    readonly sentToday: number;
    readonly digestTime: string;
  },
): NotificationPreferencesSummary {
  const kinds: ChannelKind[] = ['email', 'push', 'sms', 'discord'];
  return {
    userId: preferences.userId,
    channels: kinds.map((channel) => {
      const enabled = preferences.channels.includes(channel);
      const address = channelAddressState(preferences, channel);
      const available = context.composed.has(channel);
      return { channel, enabled, address, available, active: enabled && address === 'ok' && available };
    }),
    frequency: preferences.frequency,
    quietHours: preferences.quietHours,
    timeZone: preferences.timeZone,
    categoryFilters: preferences.categoryFilters,
    maxNotificationsPerDay: preferences.maxNotificationsPerDay,
    sentToday: context.sentToday,
    nextDigestAt:
      preferences.frequency === 'immediate'
        ? null
        : digestPeriodFor(
            context.now,
            preferences.frequency,
            preferences.timeZone,
            context.digestTime,
          ).dueAt.toISOString(),
    pushSubscriptions: preferences.addresses.pushSubscriptions.length,
    updatedAt: preferences.updatedAt,
  };
}
